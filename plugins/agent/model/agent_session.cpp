#include "model/agent_session.hpp"

#include <agentdesk/events/core.hpp>

#include <algorithm>

namespace agentdesk::agent {

AgentSession::AgentSession(Bus& bus, const Clock& clock) : bus_(bus), clock_(clock) {
    // A login requested on this desktop's bus is this desktop's login, whoever typed it (the
    // login screen, a scenario, an automation tool); answers are matched by its correlation id.
    subscriptions_.push_back(bus_.subscribe<events::LoginRequest>([this](const events::LoginRequest&, const Message& m) {
        if (!loggedIn_) loginCorrelation_ = m.correlation;
    }));
    subscriptions_.push_back(bus_.subscribe<events::LoggedIn>([this](const events::LoggedIn& e, const Message& m) {
        if (m.correlation != loginCorrelation_) return;  // another desktop's agent
        loginCorrelation_ = 0;
        loggedIn_ = true;
        identity_ = e;
        history_.clear();
        loginError_.clear();
        loginErrorCode_.clear();
        endedReason_.clear();
    }));
    subscriptions_.push_back(bus_.subscribe<events::StateChanged>([this](const events::StateChanged& e) {
        if (!loggedIn_ || e.agentId != identity_.agentId) return;
        // A change of the pending state alone is not a new span.
        bool newSpan = history_.empty() || e.state != state_.state || e.reason != state_.reason;
        state_ = e;
        if (newSpan) history_.push_back({e.state, e.reason, fromEpochMs(e.sinceMs)});
    }));
    subscriptions_.push_back(bus_.subscribe<events::LoggedOut>([this](const events::LoggedOut& e) {
        if (!loggedIn_ || e.agentId != identity_.agentId) return;
        loggedIn_ = false;
        endedReason_ = e.reason;
        state_ = events::StateChanged{};
    }));
    subscriptions_.push_back(bus_.subscribe<events::Error>([this](const events::Error& e, const Message& m) {
        if (m.correlation == 0) return;
        if (m.correlation == loginCorrelation_) {
            loginCorrelation_ = 0;
            loginError_ = e.message;
            loginErrorCode_ = e.code;
        } else if (m.correlation == lastCommand_) {
            lastError_ = e.message;
        }
    }));
}

void AgentSession::login(const std::string& userName, const std::string& password, PhoneDevice device,
                         const std::string& deviceNumber, bool takeOver) {
    loginError_.clear();
    loginErrorCode_.clear();
    loginCorrelation_ = bus_.nextCorrelation();  // set before publishing: a synchronous bus answers at once
    bus_.publish(events::LoginRequest{userName, password, device, deviceNumber, takeOver}, loginCorrelation_);
}

void AgentSession::goReady() {
    lastError_.clear();
    lastCommand_ = bus_.nextCorrelation();
    bus_.publish(events::SetState{identity_.agentId, AgentState::Ready, {}}, lastCommand_);
}

void AgentSession::goNotReady(const std::string& reason) {
    lastError_.clear();
    lastCommand_ = bus_.nextCorrelation();
    bus_.publish(events::SetState{identity_.agentId, AgentState::NotReady, reason}, lastCommand_);
}

void AgentSession::logout() {
    lastError_.clear();
    lastCommand_ = bus_.nextCorrelation();
    bus_.publish(events::LogoutRequest{identity_.agentId}, lastCommand_);
}

Milliseconds AgentSession::timeInState() const {
    if (!loggedIn_ || state_.sinceMs == 0) return Milliseconds(0);
    return std::max(Milliseconds(0), clock_.now() - fromEpochMs(state_.sinceMs));
}

Milliseconds AgentSession::totalIn(AgentState state) const {
    Milliseconds total(0);
    for (std::size_t i = 0; i < history_.size(); ++i) {
        if (history_[i].state != state) continue;
        TimePoint end = i + 1 < history_.size() ? history_[i + 1].start : (loggedIn_ ? clock_.now() : history_[i].start);
        total += std::max(Milliseconds(0), end - history_[i].start);
    }
    return total;
}

std::optional<Milliseconds> AgentSession::acwRemaining() const {
    if (state_.state != AgentState::AfterCallWork || state_.acwEndsAtMs == 0) return std::nullopt;
    return std::max(Milliseconds(0), fromEpochMs(state_.acwEndsAtMs) - clock_.now());
}

}  // namespace agentdesk::agent
