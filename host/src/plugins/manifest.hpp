#pragma once
// plugin.json: what a plugin is and what it may do, read before its library is touched.
//
//   {
//     "id": "voice",                      lowercase letters, digits, '-' and '_'
//     "name": "Voice",                    shown in the Plugins panel
//     "version": "1.2.0",
//     "sdk": "1.0",                       SDK major.minor it was built for
//     "library": "libagentdesk_voice.so", beside plugin.json
//     "description": "...",               optional
//     "provides": {"panels": [...], "commands": [...]},       optional, informative
//     "publishes": ["voice.*", "error"],  topics it may publish (patterns as on the bus)
//     "subscribes": ["agent.*"]           topics it listens to
//   }

#include <agentdesk/version.hpp>

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace agentdesk::host {

struct Manifest {
    std::string id;
    std::string name;
    std::string version;
    SdkVersion sdk;
    std::string library;
    std::string description;
    std::vector<std::string> panels;
    std::vector<std::string> commands;
    std::vector<std::string> publishes;
    std::vector<std::string> subscribes;
};

/// Parses a manifest; on failure returns nullopt and a reason a plugin author can act on.
std::optional<Manifest> parseManifest(const nlohmann::json& json, std::string& error);

/// Parses "1.0" or "1.0.3".
std::optional<SdkVersion> parseSdkVersion(std::string_view text);

/// Why a plugin built for `built` cannot run on `host`, or "" when it can.
std::string sdkIncompatibility(SdkVersion built, SdkVersion host);

}  // namespace agentdesk::host
