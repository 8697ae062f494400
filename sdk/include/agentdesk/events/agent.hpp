#pragma once
// The agent's working session and state (spec UI-01..05, STATE-*). Commands are answered by the
// event named next to them, or by events::Error with the command's correlation id.

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

}  // namespace agentdesk::events
