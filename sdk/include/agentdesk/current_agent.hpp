#pragma once
// Which agent this desktop is logged in as. The bus may carry other agents' sessions too (the
// embedded engine's simulated colleagues, a supervisor's view), so a plugin follows the agent
// whose login was requested on this desktop: the agent.login.succeeded that answers a
// agent.login.request seen here (same correlation id), until agent.logged_out for that agent.

#include "agentdesk/bus.hpp"
#include "agentdesk/events/agent.hpp"

#include <functional>
#include <string>
#include <vector>

namespace agentdesk {

class CurrentAgent {
public:
    /// Called after the agent logged in (with the login event) and after they logged out (empty id).
    using Listener = std::function<void(const std::string& agentId)>;

    explicit CurrentAgent(Bus& bus, Listener onChange = {}) : onChange_(std::move(onChange)) {
        subscriptions_.push_back(bus.subscribe<events::LoginRequest>([this](const events::LoginRequest&, const Message& m) {
            if (agentId_.empty()) pendingLogin_ = m.correlation;
        }));
        subscriptions_.push_back(bus.subscribe<events::LoggedIn>([this](const events::LoggedIn& e, const Message& m) {
            if (m.correlation == 0 || m.correlation != pendingLogin_) return;
            pendingLogin_ = 0;
            agentId_ = e.agentId;
            login_ = e;
            if (onChange_) onChange_(agentId_);
        }));
        subscriptions_.push_back(bus.subscribe<events::LoggedOut>([this](const events::LoggedOut& e) {
            if (agentId_.empty() || e.agentId != agentId_) return;
            agentId_.clear();
            if (onChange_) onChange_(agentId_);
        }));
    }

    /// The agent's id, "" while nobody is logged in here.
    const std::string& id() const { return agentId_; }
    bool loggedIn() const { return !agentId_.empty(); }
    /// True when `agentId` is this desktop's agent.
    bool is(const std::string& agentId) const { return !agentId_.empty() && agentId == agentId_; }
    /// The login as the contact center answered it (valid while logged in).
    const events::LoggedIn& login() const { return login_; }

private:
    Listener onChange_;
    std::string agentId_;
    events::LoggedIn login_;
    std::uint64_t pendingLogin_ = 0;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk
