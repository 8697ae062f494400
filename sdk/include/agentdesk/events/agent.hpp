#pragma once
// The agent's working session and state (spec UI-01..05, STATE-*) and their profile (UI-11).
// Commands are answered by the event named next to them, or by events::Error with the command's
// correlation id.
//
//   agent.profile.get      ->  agent.profile
//   agent.profile.save     ->  agent.profile            (or error invalid_input)
//   agent.password.change  ->  agent.password.changed   (or error wrong_password, weak_password)

#include "agentdesk/codec.hpp"
#include "agentdesk/types.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace agentdesk::events {

/// Command: log in. Answered by LoggedIn or Error (codes: invalid_credentials, account_locked,
/// already_logged_in, device_unavailable, unknown_user).
struct LoginRequest {
    static constexpr std::string_view topic = "agent.login.request";
    std::string userName;
    std::string password;
    PhoneDevice device = PhoneDevice::Softphone;
    std::string deviceNumber;  ///< extension for a desk phone, external number for dial-out
    bool takeOver = false;     ///< log out a session of the same user elsewhere
    MSGPACK_DEFINE_MAP(userName, password, device, deviceNumber, takeOver)
};

/// Event: an agent's session started.
struct LoggedIn {
    static constexpr std::string_view topic = "agent.login.succeeded";
    std::string agentId;
    std::string userName;
    std::string displayName;
    std::string role;  ///< "agent" or "supervisor"
    PhoneDevice device = PhoneDevice::Softphone;
    std::string deviceNumber;
    std::vector<std::string> notReadyReasons;  ///< the configured list, in display order
    MSGPACK_DEFINE_MAP(agentId, userName, displayName, role, device, deviceNumber, notReadyReasons)
};

/// Command: end the session. Answered by LoggedOut or Error (code: interactions_active).
struct LogoutRequest {
    static constexpr std::string_view topic = "agent.logout.request";
    std::string agentId;
    MSGPACK_DEFINE_MAP(agentId)
};

/// Event: an agent's session ended (by the agent, a take-over elsewhere, or an administrator).
struct LoggedOut {
    static constexpr std::string_view topic = "agent.logged_out";
    std::string agentId;
    std::string reason;  ///< "" when the agent logged out; otherwise why, for the agent to read
    MSGPACK_DEFINE_MAP(agentId, reason)
};

/// Command: choose Ready or Not Ready (with a reason). Answered by StateChanged or Error
/// (codes: unknown_reason, not_logged_in, invalid_state).
struct SetState {
    static constexpr std::string_view topic = "agent.state.set";
    std::string agentId;
    AgentState state = AgentState::Ready;
    std::string reason;
    MSGPACK_DEFINE_MAP(agentId, state, reason)
};

/// Event: an agent's state, or the state pending after the current interaction, changed.
struct StateChanged {
    static constexpr std::string_view topic = "agent.state.changed";
    std::string agentId;
    AgentState state = AgentState::LoggedOut;
    std::string reason;              ///< Not Ready reason
    std::int64_t sinceMs = 0;        ///< when the current state began (epoch ms)
    bool hasPending = false;         ///< a change requested during work, applied when it ends
    AgentState pendingState = AgentState::LoggedOut;
    std::string pendingReason;
    std::int64_t acwEndsAtMs = 0;    ///< After Call Work timeout, 0 when unlimited
    MSGPACK_DEFINE_MAP(agentId, state, reason, sinceMs, hasPending, pendingState, pendingReason, acwEndsAtMs)
};

/// What an agent says about themself (UI-11), kept by the contact center.
struct AgentProfile {
    std::string agentId;
    std::string displayName;  ///< shown in the top bar; "" for the name the account was set up with
    std::string photoPath;    ///< an image file on this computer; "" for the initials avatar
    std::string phone;        ///< the number for dial-out, offered when logging in with a dial-out phone
    std::string language;     ///< e.g. "en", "fr-CA"; "" for the desktop's default
    std::int64_t updatedMs = 0;
    MSGPACK_DEFINE_MAP(agentId, displayName, photoPath, phone, language, updatedMs)
};

/// Command: an agent's profile. Answered by AgentProfile (empty fields for one never saved).
struct GetProfile {
    static constexpr std::string_view topic = "agent.profile.get";
    std::string agentId;
    MSGPACK_DEFINE_MAP(agentId)
};

/// Command: save the agent's profile. Answered by AgentProfileSaved or Error (invalid_input: a
/// phone number the system cannot call; not_logged_in).
struct SaveProfile {
    static constexpr std::string_view topic = "agent.profile.save";
    AgentProfile profile;
    MSGPACK_DEFINE_MAP(profile)
};

/// Event: an agent's profile as stored (answering GetProfile or SaveProfile).
struct AgentProfileSaved {
    static constexpr std::string_view topic = "agent.profile";
    AgentProfile profile;
    MSGPACK_DEFINE_MAP(profile)
};

/// Command: change the agent's password. The old one must be right; the new one needs 8 or more
/// characters with letters and digits, and must differ from the old. Answered by PasswordChanged or
/// Error (wrong_password, weak_password, not_logged_in). The new password is what the next login takes.
struct ChangePassword {
    static constexpr std::string_view topic = "agent.password.change";
    std::string agentId;
    std::string oldPassword;
    std::string newPassword;
    MSGPACK_DEFINE_MAP(agentId, oldPassword, newPassword)
};

/// Event: the password was changed.
struct PasswordChanged {
    static constexpr std::string_view topic = "agent.password.changed";
    std::string agentId;
    MSGPACK_DEFINE_MAP(agentId)
};

}  // namespace agentdesk::events
