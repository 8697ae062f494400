#include "model/agent_state_machine.hpp"

#include <utility>

namespace agentdesk::engine {

AgentStateMachine::AgentStateMachine(const Clock& clock, Timers& timers, ChangeListener onChange)
    : clock_(clock), timers_(timers), onChange_(std::move(onChange)) {}

void AgentStateMachine::logIn(AgentState initial) {
    if (loggedIn()) return;
    activeInteractions_ = 0;
    status_.pending.reset();
    if (initial == AgentState::Ready) {
        enter(AgentState::Ready, {});
    } else {
        enter(AgentState::NotReady, std::string(reasons::loggedIn));
    }
    changed();
}

void AgentStateMachine::logOut() {
    if (!loggedIn()) return;
    activeInteractions_ = 0;
    status_.pending.reset();
    enter(AgentState::LoggedOut, {});
    changed();
}

RequestOutcome AgentStateMachine::requestReady() { return request({AgentState::Ready, {}}); }

RequestOutcome AgentStateMachine::requestNotReady(std::string reason) {
    return request({AgentState::NotReady, std::move(reason)});
}

RequestOutcome AgentStateMachine::request(StateWithReason wanted) {
    switch (status_.state) {
        case AgentState::LoggedOut:
            return RequestOutcome::Refused;
        case AgentState::Busy:
        case AgentState::Supervising:
            // Never interrupt work: remember the choice for when it ends.
            if (status_.pending == wanted) return RequestOutcome::Unchanged;
            status_.pending = std::move(wanted);
            changed();
            return RequestOutcome::Pending;
        default:
            // Ready, Not Ready and After Call Work (choosing a state completes it).
            if (status_.state == wanted.state && status_.reason == wanted.reason) return RequestOutcome::Unchanged;
            status_.pending.reset();  // an explicit choice replaces whatever was pending
            enter(wanted.state, std::move(wanted.reason));
            changed();
            return RequestOutcome::Applied;
    }
}

void AgentStateMachine::interactionStarted() {
    if (!loggedIn()) return;
    ++activeInteractions_;
    if (status_.state == AgentState::Busy) return;  // more work; still Busy, nothing new to report
    // Outbound or internal work started while Not Ready (STATE-03) returns the agent to that Not Ready.
    if (status_.state == AgentState::NotReady && !status_.pending) {
        status_.pending = StateWithReason{AgentState::NotReady, status_.reason};
    }
    enter(AgentState::Busy, {});
    changed();
}

void AgentStateMachine::interactionEnded(WrapUp wrapUp) {
    if (!loggedIn() || activeInteractions_ == 0) return;  // an end we never saw start: nothing to undo
    --activeInteractions_;
    if (activeInteractions_ > 0) return;  // still busy with the others
    if (wrapUp.applies) {
        enterAfterCallWork(wrapUp);
        changed();
    } else {
        finishWork();
    }
}

void AgentStateMachine::completeAfterCallWork() {
    if (status_.state != AgentState::AfterCallWork) return;
    finishWork();
}

bool AgentStateMachine::startSupervising() {
    if (status_.state == AgentState::Supervising) return true;
    if (status_.state != AgentState::Ready && status_.state != AgentState::NotReady) return false;
    if (activeInteractions_ > 0) return false;
    beforeSupervising_ = StateWithReason{status_.state, status_.reason};
    enter(AgentState::Supervising, {});
    changed();
    return true;
}

void AgentStateMachine::stopSupervising() {
    if (status_.state != AgentState::Supervising) return;
    StateWithReason next = status_.pending.value_or(beforeSupervising_);
    status_.pending.reset();
    enter(next.state, std::move(next.reason));
    changed();
}

void AgentStateMachine::offerNotAnswered() { setAutomaticNotReady(reasons::noAnswer); }

void AgentStateMachine::offerRejected() { setAutomaticNotReady(reasons::rejected); }

void AgentStateMachine::setAutomaticNotReady(std::string_view reason) {
    if (!loggedIn()) return;
    StateWithReason notReady{AgentState::NotReady, std::string(reason)};
    if (activeInteractions_ > 0) {
        // With capacity for several chats an offer can ring while the agent is Busy: do not cut the work short.
        if (status_.pending == notReady) return;
        status_.pending = std::move(notReady);
        changed();
        return;
    }
    if (status_.state == notReady.state && status_.reason == notReady.reason) return;
    status_.pending.reset();
    enter(notReady.state, std::move(notReady.reason));
    changed();
}

void AgentStateMachine::enterAfterCallWork(const WrapUp& wrapUp) {
    enter(AgentState::AfterCallWork, {});
    if (!wrapUp.timeout) return;
    status_.acwEndsAt = status_.since + *wrapUp.timeout;
    acwTimer_ = timers_.at(*status_.acwEndsAt,
                           [this, thenNotReady = wrapUp.notReadyAfterTimeout] { afterCallWorkTimedOut(thenNotReady); });
}

void AgentStateMachine::afterCallWorkTimedOut(bool thenNotReady) {
    if (status_.state != AgentState::AfterCallWork) return;
    // A state the agent asked for during the work wins over the service's default.
    if (thenNotReady && !status_.pending) status_.pending = StateWithReason{AgentState::NotReady, std::string(reasons::wrapUpTimedOut)};
    finishWork();
}

void AgentStateMachine::finishWork() {
    StateWithReason next = status_.pending.value_or(StateWithReason{AgentState::Ready, {}});
    status_.pending.reset();
    enter(next.state, std::move(next.reason));
    changed();
}

void AgentStateMachine::enter(AgentState state, std::string reason) {
    acwTimer_.cancel();  // leaving After Call Work in any way ends its timeout
    status_.acwEndsAt.reset();
    status_.state = state;
    status_.reason = std::move(reason);
    status_.since = clock_.now();
}

void AgentStateMachine::changed() {
    if (onChange_) onChange_(status_);
}

}  // namespace agentdesk::engine
