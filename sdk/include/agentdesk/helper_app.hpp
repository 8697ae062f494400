#pragma once
// The local helper application, agentdesk-helper (spec UI-04): what opens screen-pops in other
// programs on the agent's computer. Plugins find it here and hand it what to open; the desktop
// checks at login that it is installed and up to date.

#include <spawn.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace agentdesk {

inline constexpr std::string_view kHelperName = "agentdesk-helper";

/// Where the helper is looked for, in order: $AGENTDESK_HELPER, beside the running desktop, each
/// directory of $PATH.
inline std::vector<std::filesystem::path> helperCandidates() {
    std::vector<std::filesystem::path> out;
    if (const char* configured = std::getenv("AGENTDESK_HELPER"); configured && *configured) out.emplace_back(configured);
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) out.push_back(self.parent_path() / kHelperName);
    if (const char* path = std::getenv("PATH")) {
        std::string_view rest(path);
        while (!rest.empty()) {
            const auto colon = rest.find(':');
            const std::string_view dir = rest.substr(0, colon);
            if (!dir.empty()) out.push_back(std::filesystem::path(dir) / kHelperName);
            if (colon == std::string_view::npos) break;
            rest.remove_prefix(colon + 1);
        }
    }
    return out;
}

/// The first candidate that is an executable file.
inline std::optional<std::filesystem::path> findHelper(const std::vector<std::filesystem::path>& candidates = helperCandidates()) {
    for (const std::filesystem::path& candidate : candidates) {
        std::error_code ignored;
        if (std::filesystem::is_regular_file(candidate, ignored) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return std::nullopt;
}

/// Has the helper open `target` (an address or a file) in its default program, in the background,
/// started without a shell. False when there is no helper or it could not be started.
inline bool openWithHelper(const std::string& target) {
    const std::optional<std::filesystem::path> helper = findHelper();
    if (!helper) return false;
    std::string program = helper->string();
    std::string verb = "open";
    std::string argument = target;
    char* argv[] = {program.data(), verb.data(), argument.data(), nullptr};
    pid_t child = 0;
    return posix_spawn(&child, program.c_str(), nullptr, nullptr, argv, environ) == 0;
}

}  // namespace agentdesk
