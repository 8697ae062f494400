#pragma once
// The agent's side of the working session (spec UI-01..05, STATE-01..03): what the login screen
// and the state bar show, kept up to date from bus events, and the commands they send. No ImGui.

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/events/agent.hpp>
#include <agentdesk/types.hpp>

#include <optional>
#include <string>
#include <vector>

namespace agentdesk::agent {

class AgentSession {
public:
    AgentSession(Bus& bus, const Clock& clock);

    /// Sends a login request; the answer arrives as LoggedIn or an error shown by loginError().
    void login(const std::string& userName, const std::string& password, PhoneDevice device,
               const std::string& deviceNumber, bool takeOver = false);
    /// Asks to go Ready.
    void goReady();
    /// Asks to go Not Ready with a reason from notReadyReasons().
    void goNotReady(const std::string& reason);
    /// Asks to log out; refused with a message while interactions are active.
    void logout();

    bool loggedIn() const { return loggedIn_; }
    bool loginPending() const { return loginCorrelation_ != 0; }
    /// The last login refusal, for the login screen ("" when none).
    const std::string& loginError() const { return loginError_; }
    /// The refusal's code (e.g. "already_logged_in", which offers a take-over).
    const std::string& loginErrorCode() const { return loginErrorCode_; }
    /// The last refused state or logout request ("" when none).
    const std::string& lastError() const { return lastError_; }
    /// Why the session ended when the agent did not end it (taken over, ended by a supervisor).
    const std::string& endedReason() const { return endedReason_; }

    const events::LoggedIn& identity() const { return identity_; }
    const events::StateChanged& state() const { return state_; }
    const std::vector<std::string>& notReadyReasons() const { return identity_.notReadyReasons; }
    /// Time spent in the current state.
    Milliseconds timeInState() const;
    /// Time left in After Call Work, when it is limited.
    std::optional<Milliseconds> acwRemaining() const;

    /// One state the agent was in during this session, newest last.
    struct StateSpan {
        AgentState state = AgentState::LoggedOut;
        std::string reason;
        TimePoint start;
    };
    /// The states of this session in order; the last one is current.
    const std::vector<StateSpan>& history() const { return history_; }
    /// Total time spent in `state` this session (the current span counts up to now).
    Milliseconds totalIn(AgentState state) const;

private:
    Bus& bus_;
    const Clock& clock_;
    std::vector<Subscription> subscriptions_;
    std::uint64_t loginCorrelation_ = 0;
    std::uint64_t lastCommand_ = 0;
    bool loggedIn_ = false;
    std::string loginError_, loginErrorCode_, lastError_, endedReason_;
    events::LoggedIn identity_;
    events::StateChanged state_;
    std::vector<StateSpan> history_;
};

}  // namespace agentdesk::agent
