#include "core/paths.hpp"

#include <cstdlib>
#include <system_error>

namespace agentdesk::host {

namespace fs = std::filesystem;

namespace {

fs::path xdgDir(const char* variable, const char* fallbackUnderHome) {
    if (const char* v = std::getenv(variable); v && *v) return fs::path(v) / "agentdesk";
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : "/tmp") / fallbackUnderHome / "agentdesk";
}

}  // namespace

Paths resolvePaths(const Options& options, const fs::path& executable) {
    const fs::path prefix = executable.parent_path().parent_path();
    Paths paths;
    paths.plugins = options.pluginsDir.value_or(prefix / "lib" / "agentdesk" / "plugins");
    if (options.assetsDir) {
        paths.assets = *options.assetsDir;
    } else if (fs::exists(prefix / "share" / "agentdesk")) {
        paths.assets = prefix / "share" / "agentdesk";
    } else {
#ifdef AGENTDESK_SOURCE_ASSETS
        paths.assets = AGENTDESK_SOURCE_ASSETS;  // running from the build tree
#else
        paths.assets = prefix / "share" / "agentdesk";
#endif
    }
    paths.config = options.configDir.value_or(xdgDir("XDG_CONFIG_HOME", ".config"));
    paths.data = options.dataDir.value_or(xdgDir("XDG_DATA_HOME", ".local/share"));
    paths.logs = options.dataDir ? *options.dataDir / "logs" : xdgDir("XDG_STATE_HOME", ".local/state") / "logs";
    return paths;
}

bool ensureWritableDirs(const Paths& paths, std::string& error) {
    for (const fs::path& dir : {paths.config, paths.data, paths.logs}) {
        std::error_code ec;
        fs::create_directories(dir, ec);
        if (ec) {
            error = "cannot create " + dir.string() + ": " + ec.message();
            return false;
        }
    }
    return true;
}

}  // namespace agentdesk::host
