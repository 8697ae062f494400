#include "plugins/manifest.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <fmt/chrono.h>
#include <fmt/format.h>

namespace agentdesk::host {

namespace {

bool validId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

bool readStringList(const nlohmann::json& json, const char* key, std::vector<std::string>& out, std::string& error) {
    if (!json.contains(key)) return true;
    const auto& list = json.at(key);
    if (!list.is_array()) {
        error = fmt::format("\"{}\" must be a list of strings", key);
        return false;
    }
    for (const auto& item : list) {
        if (!item.is_string()) {
            error = fmt::format("\"{}\" must be a list of strings", key);
            return false;
        }
        out.push_back(item.get<std::string>());
    }
    return true;
}

}  // namespace

std::optional<SdkVersion> parseSdkVersion(std::string_view text) {
    SdkVersion v;
    int* parts[] = {&v.major, &v.minor, &v.patch};
    std::size_t index = 0;
    const char* p = text.data();
    const char* end = text.data() + text.size();
    while (p < end && index < 3) {
        auto [next, ec] = std::from_chars(p, end, *parts[index]);
        if (ec != std::errc() || *parts[index] < 0) return std::nullopt;
        ++index;
        p = next;
        if (p == end) break;
        if (*p != '.') return std::nullopt;
        ++p;
        if (p == end) return std::nullopt;
    }
    if (index < 2 || p != end) return std::nullopt;
    return v;
}

std::string sdkIncompatibility(SdkVersion built, SdkVersion host) {
    if (built.major != host.major) {
        return fmt::format("built for SDK {}.{}, but this desktop provides SDK {}.{} (the major version must match)",
                           built.major, built.minor, host.major, host.minor);
    }
    if (built.minor > host.minor) {
        return fmt::format("built for SDK {}.{}, newer than this desktop's SDK {}.{}; update the desktop", built.major,
                           built.minor, host.major, host.minor);
    }
    return {};
}

std::optional<Manifest> parseManifest(const nlohmann::json& json, std::string& error) {
    if (!json.is_object()) {
        error = "plugin.json must be a JSON object";
        return std::nullopt;
    }
    Manifest m;
    for (const char* key : {"id", "name", "version", "sdk", "library"}) {
        if (!json.contains(key) || !json.at(key).is_string() || json.at(key).get<std::string>().empty()) {
            error = fmt::format("plugin.json needs a non-empty string \"{}\"", key);
            return std::nullopt;
        }
    }
    m.id = json.at("id").get<std::string>();
    if (!validId(m.id)) {
        error = fmt::format("plugin id \"{}\" may only use lowercase letters, digits, '-' and '_'", m.id);
        return std::nullopt;
    }
    m.name = json.at("name").get<std::string>();
    m.version = json.at("version").get<std::string>();
    m.library = json.at("library").get<std::string>();
    if (m.library.find('/') != std::string::npos) {
        error = "\"library\" must be a file name beside plugin.json, not a path";
        return std::nullopt;
    }
    auto sdk = parseSdkVersion(json.at("sdk").get<std::string>());
    if (!sdk) {
        error = fmt::format("\"sdk\" must look like \"1.0\", got \"{}\"", json.at("sdk").get<std::string>());
        return std::nullopt;
    }
    m.sdk = *sdk;
    if (json.contains("description") && json.at("description").is_string()) m.description = json.at("description");
    if (json.contains("provides")) {
        const auto& provides = json.at("provides");
        if (!provides.is_object()) {
            error = "\"provides\" must be an object";
            return std::nullopt;
        }
        if (!readStringList(provides, "panels", m.panels, error) ||
            !readStringList(provides, "commands", m.commands, error)) {
            return std::nullopt;
        }
    }
    if (!readStringList(json, "publishes", m.publishes, error) || !readStringList(json, "subscribes", m.subscribes, error)) {
        return std::nullopt;
    }
    return m;
}

}  // namespace agentdesk::host
