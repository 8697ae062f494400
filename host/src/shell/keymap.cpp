#include "shell/keymap.hpp"

#include "shell/shortcuts.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace agentdesk::host {

namespace {

/// The canonical form of a shortcut, or "" when it is not one.
std::string canonical(std::string_view text) {
    auto chord = parseShortcut(text);
    return chord ? formatShortcut(*chord) : std::string();
}

}  // namespace

void Keymap::load(const nlohmann::json& overrides, std::vector<std::string>* problems) {
    overrides_.clear();
    if (!overrides.is_object()) {
        if (!overrides.is_null() && problems) problems->push_back("\"shortcuts\" is not an object; the defaults apply");
        return;
    }
    for (const auto& [id, value] : overrides.items()) {
        if (!value.is_string()) {
            if (problems) problems->push_back(fmt::format("the shortcut of {} is not text", id));
            continue;
        }
        const std::string& text = value.get_ref<const std::string&>();
        if (text.empty()) {
            overrides_[id] = "";
            continue;
        }
        std::string chord = canonical(text);
        if (chord.empty()) {
            if (problems) problems->push_back(fmt::format("\"{}\" for {} is not a shortcut", text, id));
            continue;
        }
        overrides_[id] = chord;
    }
}

nlohmann::json Keymap::toJson() const {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [id, chord] : overrides_) out[id] = chord;
    return out;
}

std::string Keymap::bindingOf(const CommandKeys& command) const {
    if (auto it = overrides_.find(command.id); it != overrides_.end()) return it->second;
    return command.defaultShortcut.empty() ? std::string() : canonical(command.defaultShortcut);
}

std::string Keymap::bind(std::string_view commandId, std::string_view shortcut, const std::vector<CommandKeys>& commands) {
    const std::string chord = canonical(shortcut);
    if (chord.empty()) return fmt::format("\"{}\" is not a key the desktop knows", shortcut);
    if (chord == canonical(kQuit)) return fmt::format("{} quits the desktop", chord);
    if (chord == canonical(kCheatSheet)) return fmt::format("{} shows the keyboard shortcuts", chord);
    for (const CommandKeys& other : commands) {
        if (other.id != commandId && bindingOf(other) == chord) {
            return fmt::format("{} is already \"{}\": change or clear that one first", chord, other.label);
        }
    }
    overrides_[std::string(commandId)] = chord;
    return {};
}

std::vector<std::pair<std::string, std::string>> Keymap::conflicts(const std::vector<CommandKeys>& commands) const {
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t i = 0; i < commands.size(); ++i) {
        const std::string a = bindingOf(commands[i]);
        if (a.empty()) continue;
        for (std::size_t j = i + 1; j < commands.size(); ++j) {
            if (bindingOf(commands[j]) == a) out.emplace_back(commands[i].id, commands[j].id);
        }
    }
    return out;
}

}  // namespace agentdesk::host
