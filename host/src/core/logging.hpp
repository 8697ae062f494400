#pragma once
// The desktop's log: spdlog with a rotating file in the logs dir, a ring buffer the Log panel
// shows, and warnings on stderr.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace spdlog {
class logger;
}

namespace agentdesk::host {

/// Sets up the default logger. Safe to call once per process.
void initLogging(const std::filesystem::path& logDir, bool verboseConsole);
/// The shared logger (a stderr-only fallback before initLogging).
spdlog::logger& appLog();
/// The most recent formatted lines, oldest first (for the Log panel).
std::vector<std::string> recentLogLines(std::size_t max);
/// The current log file.
std::filesystem::path currentLogFile();

}  // namespace agentdesk::host
