#pragma once
// Where the desktop reads and writes, resolved once at start-up.

#include "core/options.hpp"

#include <filesystem>

namespace agentdesk::host {

struct Paths {
    std::filesystem::path plugins;  ///< plugin folders, each with plugin.json
    std::filesystem::path assets;   ///< read-only data shipped with the desktop
    std::filesystem::path config;   ///< settings.json, layouts.json, plugins/<id>.json
    std::filesystem::path data;     ///< per-plugin data dirs
    std::filesystem::path logs;     ///< rotating log files
};

/// Resolves paths from options, XDG variables and the executable's location
/// (bin/../lib/agentdesk/plugins, bin/../share/agentdesk; the build tree mirrors this layout).
Paths resolvePaths(const Options& options, const std::filesystem::path& executable);

/// Creates the writable directories; returns false with a message when one cannot be created.
bool ensureWritableDirs(const Paths& paths, std::string& error);

}  // namespace agentdesk::host
