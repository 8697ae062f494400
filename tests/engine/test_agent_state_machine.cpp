// AgentStateMachine on its own (spec STATE-01..04): a virtual clock, a timer queue, and a record
// of every change the machine reports.

#include "model/agent_state_machine.hpp"

#include <agentdesk/runtime/harness.hpp>

#include <doctest/doctest.h>

#include <vector>

using namespace agentdesk;
using namespace agentdesk::engine;
using namespace std::chrono_literals;

namespace {

struct MachineFixture {
    Harness harness;
    std::vector<AgentStatus> changes;
    AgentStateMachine machine{harness.clock, harness.timers, [this](const AgentStatus& s) { changes.push_back(s); }};

    MachineFixture() { machine.logIn(); }
    const AgentStatus& now() const { return machine.status(); }
};

bool isNotReady(const AgentStatus& status, std::string_view reason) {
    return status.state == AgentState::NotReady && status.reason == reason;
}

}  // namespace

TEST_CASE("state machine: after login the agent is Not Ready with reason \"Logged in\"") {
    MachineFixture f;
    CHECK(isNotReady(f.now(), "Logged in"));
    CHECK(f.now().since == f.harness.clock.now());
    CHECK_FALSE(f.now().pending.has_value());
    CHECK(f.changes.size() == 1);
}

TEST_CASE("state machine: a center configured so starts the agent Ready after login") {
    Harness harness;
    AgentStateMachine machine(harness.clock, harness.timers);
    machine.logIn(AgentState::Ready);
    CHECK(machine.state() == AgentState::Ready);
    CHECK(machine.status().reason.empty());
}

TEST_CASE("state machine: Ready and Not Ready apply at once and restart the time in state") {
    MachineFixture f;
    f.harness.advance(5s);
    CHECK(f.machine.requestReady() == RequestOutcome::Applied);
    CHECK(f.now().state == AgentState::Ready);
    CHECK(f.now().since == f.harness.clock.now());

    f.harness.advance(7s);
    CHECK(f.machine.requestNotReady("Lunch") == RequestOutcome::Applied);
    CHECK(isNotReady(f.now(), "Lunch"));
    CHECK(f.now().since == f.harness.clock.now());

    f.harness.advance(1s);
    CHECK(f.machine.requestNotReady("Break") == RequestOutcome::Applied);  // another reason is a new span
    CHECK(isNotReady(f.now(), "Break"));
    CHECK(f.now().since == f.harness.clock.now());
}

TEST_CASE("state machine: every change is reported exactly once and a request that changes nothing not at all") {
    MachineFixture f;
    f.changes.clear();
    f.machine.requestReady();
    CHECK(f.changes.size() == 1);
    CHECK(f.machine.requestReady() == RequestOutcome::Unchanged);
    CHECK(f.changes.size() == 1);
    f.machine.requestNotReady("Break");
    f.machine.requestNotReady("Break");
    CHECK(f.changes.size() == 2);
}

TEST_CASE("state machine: Not Ready requested while Busy is pending and applies after the interaction and its ACW") {
    MachineFixture f;
    f.machine.requestReady();
    f.machine.interactionStarted();
    CHECK(f.now().state == AgentState::Busy);

    CHECK(f.machine.requestNotReady("Break") == RequestOutcome::Pending);
    CHECK(f.now().state == AgentState::Busy);
    REQUIRE(f.now().pending.has_value());
    CHECK(*f.now().pending == StateWithReason{AgentState::NotReady, "Break"});

    f.harness.advance(3min);
    f.machine.interactionEnded(WrapUp::limitedTo(30s));
    CHECK(f.now().state == AgentState::AfterCallWork);
    CHECK(f.now().pending.has_value());  // still shown as the next state during ACW
    const TimePoint acwEnds = f.harness.clock.now() + 30s;
    CHECK(f.now().acwEndsAt == acwEnds);

    f.harness.advance(30s);
    CHECK(isNotReady(f.now(), "Break"));
    CHECK(f.now().since == acwEnds);
    CHECK_FALSE(f.now().pending.has_value());
}

TEST_CASE("state machine: Ready requested while Busy is pending too") {
    MachineFixture f;  // Not Ready "Logged in"
    f.machine.interactionStarted();
    CHECK(f.machine.requestReady() == RequestOutcome::Pending);
    f.machine.interactionEnded(WrapUp::none());
    CHECK(f.now().state == AgentState::Ready);
}

TEST_CASE("state machine: ending the last interaction without wrap-up returns the agent to Ready") {
    MachineFixture f;
    f.machine.requestReady();
    f.machine.interactionStarted();
    f.machine.interactionEnded(WrapUp::none());
    CHECK(f.now().state == AgentState::Ready);
    CHECK(f.machine.activeInteractions() == 0);
}

TEST_CASE("state machine: the agent stays Busy until the last of several interactions ends") {
    MachineFixture f;
    f.machine.requestReady();
    f.machine.interactionStarted();
    f.machine.interactionStarted();
    const std::size_t reported = f.changes.size();
    CHECK(f.machine.activeInteractions() == 2);
    f.machine.interactionEnded(WrapUp::limitedTo(30s));
    CHECK(f.now().state == AgentState::Busy);
    CHECK(f.changes.size() == reported);  // nothing changed yet
    f.machine.interactionEnded(WrapUp::limitedTo(30s));
    CHECK(f.now().state == AgentState::AfterCallWork);
}

TEST_CASE("state machine: ACW timeout returns the agent to Ready at the right virtual time") {
    MachineFixture f;
    f.machine.requestReady();
    f.machine.interactionStarted();
    f.machine.interactionEnded(WrapUp::limitedTo(60s));
    const TimePoint acwStart = f.harness.clock.now();

    f.harness.advance(59s);
    CHECK(f.now().state == AgentState::AfterCallWork);
    f.harness.advance(1s);
    CHECK(f.now().state == AgentState::Ready);
    CHECK(f.now().since == acwStart + 60s);
    CHECK_FALSE(f.now().acwEndsAt.has_value());
}

TEST_CASE("state machine: choosing Ready during ACW completes it at once and its timeout no longer fires") {
    MachineFixture f;
    f.machine.interactionStarted();
    f.machine.requestNotReady("Break");  // pending
    f.machine.interactionEnded(WrapUp::limitedTo(60s));
    f.harness.advance(10s);

    CHECK(f.machine.requestReady() == RequestOutcome::Applied);
    CHECK(f.now().state == AgentState::Ready);
    CHECK_FALSE(f.now().pending.has_value());  // the explicit choice replaces the pending one
    const std::size_t reported = f.changes.size();
    f.harness.advance(2min);
    CHECK(f.now().state == AgentState::Ready);
    CHECK(f.changes.size() == reported);
    CHECK(f.harness.timers.size() == 0);
}

TEST_CASE("state machine: choosing Not Ready during ACW completes it with that reason") {
    MachineFixture f;
    f.machine.requestReady();
    f.machine.interactionStarted();
    f.machine.interactionEnded(WrapUp::untilCompleted());
    CHECK(f.machine.requestNotReady("Meeting") == RequestOutcome::Applied);
    CHECK(isNotReady(f.now(), "Meeting"));
}

TEST_CASE("state machine: ACW without a timeout lasts until the agent completes it") {
    MachineFixture f;
    f.machine.requestReady();
    f.machine.interactionStarted();
    f.machine.interactionEnded(WrapUp::untilCompleted());
    CHECK_FALSE(f.now().acwEndsAt.has_value());
    f.harness.advance(8h);
    CHECK(f.now().state == AgentState::AfterCallWork);
    f.machine.completeAfterCallWork();
    CHECK(f.now().state == AgentState::Ready);
}

TEST_CASE("state machine: completing ACW goes to the pending Not Ready") {
    MachineFixture f;
    f.machine.requestReady();
    f.machine.interactionStarted();
    f.machine.requestNotReady("Training");
    f.machine.interactionEnded(WrapUp::untilCompleted());
    f.machine.completeAfterCallWork();
    CHECK(isNotReady(f.now(), "Training"));
}

TEST_CASE("state machine: work started while Not Ready returns the agent to that Not Ready") {
    MachineFixture f;
    f.machine.requestNotReady("Lunch");
    f.machine.interactionStarted();  // an outbound call made during lunch
    CHECK(f.now().state == AgentState::Busy);
    f.machine.interactionEnded(WrapUp::none());
    CHECK(isNotReady(f.now(), "Lunch"));
}

TEST_CASE("state machine: an offer not answered in time sets the agent Not Ready \"No answer\"") {
    MachineFixture f;
    f.machine.requestReady();
    f.machine.offerNotAnswered();
    CHECK(isNotReady(f.now(), "No answer"));
}

TEST_CASE("state machine: rejecting an offered interaction sets the agent Not Ready \"Rejected\"") {
    MachineFixture f;
    f.machine.requestReady();
    f.machine.offerRejected();
    CHECK(isNotReady(f.now(), "Rejected"));
}

TEST_CASE("state machine: an offer missed while Busy with other work makes Not Ready pending, not immediate") {
    MachineFixture f;
    f.machine.requestReady();
    f.machine.interactionStarted();
    f.machine.offerNotAnswered();
    CHECK(f.now().state == AgentState::Busy);
    REQUIRE(f.now().pending.has_value());
    CHECK(f.now().pending->reason == "No answer");
    f.machine.interactionEnded(WrapUp::none());
    CHECK(isNotReady(f.now(), "No answer"));
}

TEST_CASE("state machine: requests are refused while logged out and logout clears everything") {
    Harness harness;
    AgentStateMachine machine(harness.clock, harness.timers);
    CHECK(machine.requestReady() == RequestOutcome::Refused);
    machine.interactionStarted();
    CHECK(machine.activeInteractions() == 0);

    machine.logIn();
    machine.requestReady();
    machine.interactionStarted();
    machine.interactionEnded(WrapUp::limitedTo(30s));
    machine.logOut();
    CHECK(machine.state() == AgentState::LoggedOut);
    CHECK_FALSE(machine.status().acwEndsAt.has_value());
    CHECK(harness.timers.size() == 0);
}
