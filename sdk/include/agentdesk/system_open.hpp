#pragma once
// Opening a file or a web address the way the rest of the agent's desktop would: with the
// default program (xdg-open), started without a shell, so a name or address that came from a
// customer is never read as a command.

#include <spawn.h>

#include <string>

extern char** environ;

namespace agentdesk {

/// Opens `target` (a path or an https:// address) in the background; false when xdg-open could
/// not be started.
inline bool openWithSystem(const std::string& target) {
    std::string program = "xdg-open";
    std::string argument = target;
    char* argv[] = {program.data(), argument.data(), nullptr};
    pid_t child = 0;
    return posix_spawnp(&child, "xdg-open", nullptr, nullptr, argv, environ) == 0;
}

}  // namespace agentdesk
