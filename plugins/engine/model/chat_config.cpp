#include "model/chat_config.hpp"
#include "model/json_reading.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <set>

namespace agentdesk::engine {

using nlohmann::json;

namespace {

const json& requireList(const json& object, const char* key, std::string_view where) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_array()) fail(where, fmt::format("\"{}\" must be a list", key));
    return *it;
}

ScriptLine parseScriptLine(const json& entry, const std::string& where, const std::filesystem::path& scenarioDir) {
    if (entry.is_string()) return {entry.get<std::string>(), {}};
    if (!entry.is_object()) fail(where, "must be a text or an object like {\"text\": \"...\", \"file\": \"files/a.png\"}");
    ScriptLine line{optionalString(entry, "text", where), {}};
    if (const std::string file = optionalString(entry, "file", where); !file.empty()) {
        line.file = scenarioDir / file;
        if (!std::filesystem::is_regular_file(line.file)) {
            fail(where, fmt::format("the file \"{}\" is not in the scenario folder", file));
        }
    }
    if (line.text.empty() && line.file.empty()) fail(where, "needs a \"text\", a \"file\" or both");
    return line;
}

ChatScript parseScript(const json& entry, const std::string& where, const std::filesystem::path& scenarioDir) {
    if (!entry.is_object()) fail(where, "must be an object with an opening line and replies");
    ChatScript script;
    script.subject = optionalString(entry, "subject", where);
    const std::string medium = optionalString(entry, "medium", where, "WebChat");
    auto parsed = enumFromName<ChatMedium>(medium);
    if (!parsed || *parsed == ChatMedium::None) fail(where, "\"medium\" must be \"WebChat\", \"Sms\" or \"MobileApp\"");
    script.medium = *parsed;
    if (auto it = entry.find("details"); it != entry.end()) {
        if (!it->is_object()) fail(where, "\"details\" must be an object of texts");
        for (const auto& [key, value] : it->items()) {
            if (!value.is_string()) fail(where, fmt::format("\"details\".\"{}\" must be text", key));
            script.details[key] = value.get<std::string>();
        }
    }
    script.opening = requireString(entry, "opening", where);
    const json& replies = requireList(entry, "replies", where);
    for (std::size_t i = 0; i < replies.size(); ++i) {
        script.replies.push_back(parseScriptLine(replies[i], fmt::format("{}, reply {}", where, i + 1), scenarioDir));
    }
    script.closing = requireString(entry, "closing", where);
    script.coBrowsePage = optionalString(entry, "coBrowsePage", where);
    return script;
}

}  // namespace

const SecureFormConfig* ChatSettings::findForm(std::string_view id) const {
    for (const SecureFormConfig& form : forms) {
        if (form.id == id) return &form;
    }
    return nullptr;
}

const ChatScript* ChatSettings::scriptFor(std::string_view subject) const {
    const ChatScript* general = nullptr;
    for (const ChatScript& script : scripts) {
        if (!subject.empty() && script.subject == subject) return &script;
        if (script.subject.empty() && !general) general = &script;
    }
    return general;
}

ChatSettings parseChatSettings(const json& content, const std::filesystem::path& scenarioDir) {
    if (!content.is_object()) fail("chat settings", "the file must contain an object");
    ChatSettings settings;
    if (auto it = content.find("files"); it != content.end()) {
        const std::string where = "chat settings, \"files\"";
        if (!it->is_object()) fail(where, "must be an object like {\"maxMegabytes\": 5, \"types\": [\"image/png\"]}");
        settings.maxFileBytes =
            static_cast<std::int64_t>(optionalNumber(*it, "maxMegabytes", where, 5, 0.01, 100) * 1024 * 1024);
        if (it->contains("types")) settings.fileTypes = optionalStringList(*it, "types", where);
    }
    if (content.contains("forms")) {
        const json& forms = requireList(content, "forms", "chat settings");
        std::set<std::string> ids;
        for (std::size_t i = 0; i < forms.size(); ++i) {
            const std::string where = fmt::format("secure form {}", i + 1);
            if (!forms[i].is_object()) fail(where, "must be an object with id, title and fields");
            SecureFormConfig form{requireString(forms[i], "id", where), requireString(forms[i], "title", where),
                                  optionalStringList(forms[i], "fields", where)};
            if (form.fields.empty()) fail(where, "\"fields\" must name at least one field");
            if (!ids.insert(form.id).second) fail(where, fmt::format("the id \"{}\" is already used", form.id));
            settings.forms.push_back(std::move(form));
        }
    }
    if (content.contains("scripts")) {
        const json& scripts = requireList(content, "scripts", "chat settings");
        for (std::size_t i = 0; i < scripts.size(); ++i) {
            settings.scripts.push_back(parseScript(scripts[i], fmt::format("chat script {}", i + 1), scenarioDir));
        }
    }
    return settings;
}

std::vector<events::CannedResponse> parseCannedResponses(const json& content) {
    if (!content.is_object()) fail("canned responses", "the file must contain {\"responses\": [...]}");
    const json& entries = requireList(content, "responses", "canned responses");
    std::vector<events::CannedResponse> responses;
    std::set<std::string> ids;
    std::set<std::string> shortcuts;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string where = fmt::format("canned response {}", i + 1);
        if (!entries[i].is_object()) fail(where, "must be an object with id, title and text");
        events::CannedResponse response;
        response.id = requireString(entries[i], "id", where);
        response.category = optionalString(entries[i], "category", where, "General");
        response.shortcut = optionalString(entries[i], "shortcut", where);
        response.title = requireString(entries[i], "title", where);
        response.text = requireString(entries[i], "text", where);
        if (!ids.insert(response.id).second) fail(where, fmt::format("the id \"{}\" is already used", response.id));
        if (!response.shortcut.empty() && !shortcuts.insert(response.shortcut).second) {
            fail(where, fmt::format("the shortcut \"{}\" is already used", response.shortcut));
        }
        responses.push_back(std::move(response));
    }
    return responses;
}

}  // namespace agentdesk::engine
