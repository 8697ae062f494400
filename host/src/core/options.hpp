#pragma once
// Command-line options of the agentdesk executable.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::host {

struct Options {
    bool help = false;
    bool version = false;
    bool headless = false;                      ///< no window: scenarios and automation
    std::optional<std::filesystem::path> pluginsDir;
    std::optional<std::filesystem::path> configDir;
    std::optional<std::filesystem::path> dataDir;
    std::optional<std::filesystem::path> assetsDir;
    std::optional<std::string> layout;          ///< named layout to start with
    std::optional<std::filesystem::path> scenario;
    int frames = 0;                             ///< render this many frames, then exit (0 = run until closed)
    std::optional<std::filesystem::path> screenshot;  ///< save the last frame as PNG
    int width = 0, height = 0;                  ///< window size override
    std::vector<std::string> disabledPlugins;   ///< --disable-plugin ID (repeatable)
    std::vector<std::filesystem::path> devPlugins;  ///< --dev-plugin DIR (repeatable): loaded first, beside the plugins dir
    bool listPlugins = false;                   ///< print each plugin's status and exit
    std::optional<std::filesystem::path> record;  ///< write every bus message to this file (JSON lines)
    std::optional<std::filesystem::path> replay;  ///< publish a recording's messages again, as timed
    bool wallboard = false;                     ///< --wallboard: full screen, no login, the wallboard only
    int monitor = 0;                            ///< --monitor N (1 = first); 0: the primary monitor
    std::optional<std::filesystem::path> board; ///< --board FILE: the wallboard's board definition
};

/// Parses argv. On a usage error returns nullopt and sets `error` to a message for the user.
std::optional<Options> parseOptions(int argc, const char* const* argv, std::string& error);

/// The --help text.
std::string usageText();

}  // namespace agentdesk::host
