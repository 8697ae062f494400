#pragma once
// The embedded contact center: the back end every desktop on the bus talks to. It owns the
// sessions of all logged-in agents (the desktop's own agent and, later, simulated colleagues),
// answers the session commands of events/agent.hpp, and publishes each agent's state changes.
//
//   agent.login.request   -> agent.login.succeeded + agent.state.changed, or error
//   agent.logout.request  -> agent.state.changed(LoggedOut) + agent.logged_out, or error
//   agent.state.set       -> agent.state.changed, or error
//
// Answers carry the command's correlation id; refusals are events::Error with a stable code and a
// message written for the agent. Routing, queues and simulation will drive the agents' state
// machines (agentState()) from here as they arrive.

#include "model/agent_state_machine.hpp"
#include "model/center_config.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/events/agent.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::engine {

/// Stable codes of the errors the engine answers session commands with.
namespace error_codes {
inline constexpr std::string_view unknownUser = "unknown_user";
inline constexpr std::string_view invalidCredentials = "invalid_credentials";
inline constexpr std::string_view accountLocked = "account_locked";
inline constexpr std::string_view alreadyLoggedIn = "already_logged_in";
inline constexpr std::string_view deviceUnavailable = "device_unavailable";
inline constexpr std::string_view notLoggedIn = "not_logged_in";
inline constexpr std::string_view unknownReason = "unknown_reason";
inline constexpr std::string_view invalidState = "invalid_state";
inline constexpr std::string_view interactionsActive = "interactions_active";
}  // namespace error_codes

class ContactCenter {
public:
    /// Subscribes to the session commands on `bus`. `bus`, `clock` and `timers` must outlive the center.
    ContactCenter(Bus& bus, const Clock& clock, Timers& timers, CenterConfig config);
    ~ContactCenter();
    ContactCenter(const ContactCenter&) = delete;
    ContactCenter& operator=(const ContactCenter&) = delete;

    /// The configuration the center runs from.
    const CenterConfig& config() const { return config_; }

    /// True while the agent with this id has a session.
    bool isLoggedIn(std::string_view agentId) const;
    /// Ids of the agents with a session, in id order.
    std::vector<std::string> loggedInAgents() const;
    /// The agent's state machine while logged in, else nullptr. Work (offers, interactions, wrap-up)
    /// is reported to it; every change it makes is published as agent.state.changed.
    AgentStateMachine* agentState(std::string_view agentId);
    const AgentStateMachine* agentState(std::string_view agentId) const;
    /// How the logged-in agent receives calls, or nullopt when not logged in.
    std::optional<PhoneDevice> phoneDeviceOf(std::string_view agentId) const;
    /// True when the account is locked after too many wrong passwords.
    bool isLocked(std::string_view userId) const;

private:
    struct Session;
    struct Refusal {
        std::string_view code;
        std::string message;
    };
    /// The phone device an agent logs in with, checked and normalised.
    struct DeviceChoice {
        std::string number;
        std::optional<Refusal> refusal;
    };

    void onLoginRequest(const events::LoginRequest& request, const Message& message);
    void onLogoutRequest(const events::LogoutRequest& request, const Message& message);
    void onSetState(const events::SetState& request, const Message& message);

    std::optional<Refusal> checkCredentials(const UserAccount& user, std::string_view password);
    DeviceChoice checkDevice(const events::LoginRequest& request, const UserAccount& user) const;
    void startSession(const UserAccount& user, PhoneDevice device, std::string deviceNumber, std::uint64_t correlation);
    void endSession(const std::string& agentId, const std::string& reason, std::uint64_t correlation);
    Session* findSession(std::string_view agentId);
    const Session* findSession(std::string_view agentId) const;

    void publishState(const Session& session, std::uint64_t correlation);
    void refuse(std::string_view command, const Refusal& refusal, std::uint64_t correlation);

    Bus& bus_;
    const Clock& clock_;
    Timers& timers_;
    CenterConfig config_;
    std::map<std::string, std::unique_ptr<Session>, std::less<>> sessions_;  // by agent id
    std::map<std::string, int, std::less<>> failedLogins_;                   // wrong passwords in a row, by user id
    std::set<std::string, std::less<>> lockedAccounts_;                      // by user id
    std::uint64_t answering_ = 0;  // correlation of the command being handled; the state changes it causes answer it
    std::vector<Subscription> subscriptions_;  // last: ends first, so no command arrives mid-destruction
};

}  // namespace agentdesk::engine
