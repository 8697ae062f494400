#pragma once
// One agent's state as the contact center sees it (spec STATE-01..04), with no bus and no UI:
//
//   LoggedOut --logIn--> NotReady("Logged in")  (or Ready when the center says so)
//   Ready <--request--> NotReady(reason)
//   Ready/NotReady/ACW --interactionStarted--> Busy        (work started from Not Ready returns there)
//   Busy --last interactionEnded--> AfterCallWork when wrap-up applies, else the pending state, else Ready
//   AfterCallWork --Ready/Not Ready chosen, completeAfterCallWork, or ACW timeout--> chosen/pending/Ready
//                 (a service may send the agent Not Ready "Wrap-up timed out" on the timeout instead)
//   offer not answered / rejected --> NotReady("No answer" / "Rejected"), pending while Busy
//   Ready/NotReady --startSupervising--> Supervising --stopSupervising--> the state before, or the pending one
//
// A Ready or Not Ready request made while Busy or Supervising does not interrupt the work: it becomes the pending
// state, applied when the work (and its After Call Work) ends. Every change calls the listener
// exactly once, so the engine publishes exactly one agent.state.changed per change.

#include "model/wrap_up.hpp"

#include <agentdesk/clock.hpp>
#include <agentdesk/types.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace agentdesk::engine {

/// Not Ready reasons the engine sets by itself (spec UI-03, STATE-04); agents cannot choose them.
namespace reasons {
inline constexpr std::string_view loggedIn = "Logged in";
inline constexpr std::string_view noAnswer = "No answer";
inline constexpr std::string_view rejected = "Rejected";
inline constexpr std::string_view wrapUpTimedOut = "Wrap-up timed out";
}  // namespace reasons

/// A state with its Not Ready reason ("" for the others).
struct StateWithReason {
    AgentState state = AgentState::Ready;
    std::string reason;
    bool operator==(const StateWithReason&) const = default;
};

/// Everything an agent.state.changed reports.
struct AgentStatus {
    AgentState state = AgentState::LoggedOut;
    std::string reason;                      ///< Not Ready reason
    TimePoint since{};                       ///< when the current state (or reason) began
    std::optional<StateWithReason> pending;  ///< where the agent goes when the current work ends
    std::optional<TimePoint> acwEndsAt;      ///< After Call Work timeout, when limited
};

/// How the machine took a Ready / Not Ready request.
enum class RequestOutcome {
    Applied,    ///< the state changed now
    Pending,    ///< the agent is busy: it applies when the work ends
    Unchanged,  ///< it was already so; nothing changed
    Refused,    ///< the agent is logged out
};

class AgentStateMachine {
public:
    /// Called after every change, with the new status.
    using ChangeListener = std::function<void(const AgentStatus&)>;

    /// `clock` and `timers` must outlive the machine; the ACW timeout is scheduled on `timers`.
    AgentStateMachine(const Clock& clock, Timers& timers, ChangeListener onChange = {});
    AgentStateMachine(const AgentStateMachine&) = delete;  // the ACW timer callback points at this object
    AgentStateMachine& operator=(const AgentStateMachine&) = delete;

    /// Starts the session in Not Ready "Logged in", or Ready when `initial` is Ready. Ignored when logged in.
    void logIn(AgentState initial = AgentState::NotReady);
    /// Ends the session (whatever the state; the caller checks for active work first).
    void logOut();

    /// The agent chooses Ready.
    RequestOutcome requestReady();
    /// The agent chooses Not Ready with `reason` (the caller checks the reason against the configured list).
    RequestOutcome requestNotReady(std::string reason);

    /// An interaction (call, chat, email, ...) is now being handled by the agent.
    void interactionStarted();
    /// An interaction ended; when it was the last one, `wrapUp` decides whether After Call Work follows.
    void interactionEnded(WrapUp wrapUp);
    /// The agent completes After Call Work ("Complete"): goes to the pending state, or Ready.
    void completeAfterCallWork();
    /// An offer rang out unanswered: Not Ready "No answer" (pending while other work is active).
    void offerNotAnswered();
    /// The agent rejected an offered service interaction: Not Ready "Rejected" (pending while busy).
    void offerRejected();

    /// A supervisor joins an agent's interaction (spec OTHER-04): Supervising until stopSupervising.
    /// False, and nothing changes, when logged out or busy with work of their own (Busy, ACW).
    bool startSupervising();
    /// The supervision ended: back to the pending state, else to the state before it began.
    void stopSupervising();

    /// The current status.
    const AgentStatus& status() const { return status_; }
    /// The current state.
    AgentState state() const { return status_.state; }
    /// Interactions being handled now.
    int activeInteractions() const { return activeInteractions_; }
    /// True between logIn and logOut.
    bool loggedIn() const { return status_.state != AgentState::LoggedOut; }

private:
    RequestOutcome request(StateWithReason wanted);
    void setAutomaticNotReady(std::string_view reason);
    void enterAfterCallWork(const WrapUp& wrapUp);
    void afterCallWorkTimedOut(bool thenNotReady);
    void finishWork();
    void enter(AgentState state, std::string reason);
    void changed();

    const Clock& clock_;
    Timers& timers_;
    ChangeListener onChange_;
    AgentStatus status_;
    int activeInteractions_ = 0;
    StateWithReason beforeSupervising_;
    Timer acwTimer_;
};

}  // namespace agentdesk::engine
