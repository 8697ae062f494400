#pragma once
// The helper application check (spec UI-04). Screen-pops into other programs on this computer go
// through a small local program, agentdesk-helper; at login the desktop looks for it, asks its
// version, and tells the agent how to install or update it when it is missing or older than the
// desktop. Nothing else depends on it. No ImGui here.

#include <agentdesk/clock.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::agent {

struct HelperStatus {
    enum class Kind { Present, Missing, Outdated, Broken };
    Kind kind = Kind::Missing;
    std::filesystem::path path;  ///< where it was found; empty when missing
    std::string version;         ///< as it reported it
    std::string required;        ///< the oldest version this desktop works with ("0.1")

    bool usable() const { return kind == Kind::Present; }
    /// One line for the session panel: "agentdesk-helper 0.1.0 (/usr/bin/agentdesk-helper)".
    std::string summary() const;
    /// What is off and how to install or update it; "" when present.
    std::string advice() const;
};

/// Asks the first candidate that exists (agentdesk/helper_app.hpp: helperCandidates()) for `--version` and compares it with the desktop's
/// version (same major.minor or newer is up to date).
HelperStatus checkHelper(const std::vector<std::filesystem::path>& candidates, std::string_view desktopVersion,
                         Milliseconds timeout = Milliseconds(2000));

/// True when `have` ("0.2.1") is at least `need` ("0.2"), numbers compared one by one.
bool versionAtLeast(std::string_view have, std::string_view need);

/// Runs `program` with `arguments` (no shell) and returns what it printed, or nullopt when it
/// could not be started, failed, or took longer than `timeout` (then it is stopped).
std::optional<std::string> runForOutput(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                                        Milliseconds timeout);

}  // namespace agentdesk::agent
