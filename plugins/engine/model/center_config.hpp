#pragma once
// The contact center's configuration, read from a scenario folder:
//   users.json   who can log in (id, user name, role, team, skills, argon2id password hash)
//   center.json  Not Ready reasons, login policy, desk phones, ring and After Call Work defaults
// Services, queues and simulated customers will join this folder; each gets its own file.
// Anything wrong is reported as a ConfigError whose message names the file, the entry and the fix.

#include "model/wrap_up.hpp"

#include <agentdesk/clock.hpp>
#include <agentdesk/types.hpp>

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::engine {

/// Configuration that cannot be used; the message is written for whoever edits the files.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Someone who can log in (one entry of users.json).
struct UserAccount {
    std::string id;                   ///< stable, used as agentId on the bus
    std::string userName;             ///< typed at login; matched without regard to case
    std::string displayName;
    std::string role;                 ///< "agent" or "supervisor"
    std::string team;
    std::vector<std::string> skills;
    std::string passwordHash;         ///< argon2id string made by agentdesk-hash-password
    bool loggedInElsewhere = false;   ///< demo: starts with a session on "another desktop" (take-over flow)
};

/// Center-wide settings (center.json).
struct CenterSettings {
    std::string name;
    std::vector<std::string> notReadyReasons;       ///< what an agent may choose, in display order
    int maxFailedLogins = 5;                        ///< wrong passwords in a row before the account locks
    AgentState stateAfterLogin = AgentState::NotReady;  ///< NotReady (reason "Logged in") or Ready
    std::vector<std::string> deskPhoneExtensions;   ///< desk phones an agent may log in with
    Milliseconds ringTimeout{20'000};               ///< an offer not answered within this is taken back
    WrapUp afterCallWork = WrapUp::limitedTo(Milliseconds(60'000));  ///< for services without their own
};

/// Everything the engine runs from.
struct CenterConfig {
    CenterSettings settings;
    std::vector<UserAccount> users;

    /// The user with this user name (case-insensitive, surrounding spaces ignored), or nullptr.
    const UserAccount* findUserByName(std::string_view userName) const;
    /// The user with this id, or nullptr.
    const UserAccount* findUserById(std::string_view id) const;
    /// True when an agent may choose `reason` for Not Ready.
    bool isNotReadyReason(std::string_view reason) const;
    /// True when `extension` is one of the center's desk phones.
    bool isDeskPhoneExtension(std::string_view extension) const;
};

/// Reads center.json's contents. Throws ConfigError.
CenterSettings parseCenterSettings(const nlohmann::json& json);
/// Reads users.json's contents ({"users": [...]}). Throws ConfigError.
std::vector<UserAccount> parseUsers(const nlohmann::json& json);
/// Loads users.json and center.json from `scenarioDir`. Throws ConfigError naming the file.
CenterConfig loadCenterConfig(const std::filesystem::path& scenarioDir);

/// The scenario folder: the plugin setting "scenarioDir" when set (relative paths are taken from
/// `assets`), else `<assets>/scenario`. Throws ConfigError when the setting is not a string.
std::filesystem::path scenarioDirFor(const nlohmann::json& pluginSettings, const std::filesystem::path& assets);

}  // namespace agentdesk::engine
