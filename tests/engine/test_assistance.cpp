// Asking for assistance (OTHER-04) and supervisors joining interactions, against the embedded
// contact center: the raised hand every desktop lists, the Supervising state, the supervisor the
// center plays when none is logged in, and what ends it all.

#include "model/assistance.hpp"
#include "model/contact_center.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/events/support.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/bus_log.hpp"
#include "engine/demo_hash.hpp"

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace agentdesk::engine;
using agentdesk::testing::BusLog;
using namespace std::chrono_literals;

namespace {

CenterConfig assistedCenter() {
    CenterConfig config;
    config.settings.notReadyReasons = {"Break", "Meeting"};
    UserAccount anna = agentdesk::testing::demoUser("anna", {"support"}, "Anna Kowalski");
    anna.team = "Support";
    UserAccount ben = agentdesk::testing::demoUser("ben", {"support"}, "Ben Okafor");
    ben.team = "Support";
    UserAccount sam = agentdesk::testing::demoUser("sam", {"support"}, "Sam Rivera", "supervisor");
    sam.team = "Support";
    UserAccount zoe = agentdesk::testing::demoUser("zoe", {"support"}, "Zoe Park", "supervisor");
    zoe.team = "Sales";
    config.users = {anna, ben, zoe, sam};
    ServiceConfig voice;
    voice.id = "support-voice";
    voice.name = "Support line";
    voice.skills = {"support"};
    config.services = {voice};
    config.customers = {Customer{"c-1", "Maria Lopez", "+34 612 345 678", "", ""}};
    return config;
}

struct Floor {
    Harness harness;
    BusLog log{harness.bus};
    ContactCenter center{harness.bus, harness.clock, harness.timers, assistedCenter()};
    Assistance assistance{center, harness.bus, harness.clock, harness.timers};
    std::string call;

    Floor() {
        logIn("anna");
        harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
        call = *center.arrive(Arrival{"support-voice", "c-1", {}, {}, std::nullopt});
        REQUIRE_FALSE(center.accept("u-anna", call));
    }
    void logIn(const std::string& user) {
        harness.bus.publish(events::LoginRequest{user, "demo", PhoneDevice::Softphone, {}, false});
    }
    AgentState stateOf(std::string_view agentId) const { return center.agentState(agentId)->state(); }
};

}  // namespace

TEST_CASE("raising a hand on a call: every desktop hears who needs help, on what, and why") {
    Floor f;
    f.harness.advance(5s);
    f.harness.bus.publish(events::RequestAssistance{"u-anna", f.call, "Customer asks for a refund over my limit"});
    const auto raised = f.log.last<events::AssistanceRequested>().first.request;
    CHECK(raised.agentName == "Anna Kowalski");
    CHECK(raised.team == "Support");
    CHECK(raised.interactionId == f.call);
    CHECK(raised.customer == "Maria Lopez");
    CHECK(raised.serviceName == "Support line");
    CHECK(raised.note == "Customer asks for a refund over my limit");
    CHECK(raised.raisedAtMs == toEpochMs(f.harness.clock.now()));
    REQUIRE(f.assistance.open().size() == 1);

    const std::uint64_t again = f.harness.bus.publish(events::RequestAssistance{"u-anna", f.call, ""});
    CHECK(f.log.errorCode(again) == "already_requested");
    const std::uint64_t stranger = f.harness.bus.publish(events::RequestAssistance{"u-ben", f.call, ""});
    CHECK(f.log.errorCode(stranger) == "not_logged_in");
    f.logIn("ben");
    const std::uint64_t notTheirs = f.harness.bus.publish(events::RequestAssistance{"u-ben", f.call, ""});
    CHECK(f.log.errorCode(notTheirs) == "not_yours");

    const std::uint64_t list = f.harness.bus.publish(events::ListAssistance{"u-ben"});
    const auto [open, message] = f.log.last<events::OpenAssistance>();
    CHECK(message.correlation == list);
    REQUIRE(open.requests.size() == 1);
    CHECK(open.requests[0].requestId == raised.requestId);
}

TEST_CASE("the agent can lower their hand, and a hand also comes down when the interaction ends") {
    Floor f;
    f.logIn("sam");  // a supervisor is in: the center does not answer for one
    f.harness.bus.publish(events::RequestAssistance{"u-anna", f.call, ""});
    const std::string id = f.log.last<events::AssistanceRequested>().first.request.requestId;
    const std::uint64_t wrongAgent = f.harness.bus.publish(events::CancelAssistance{"u-sam", id});
    CHECK(f.log.errorCode(wrongAgent) == "not_yours");
    f.harness.bus.publish(events::CancelAssistance{"u-anna", id});
    CHECK(f.log.last<events::AssistanceCleared>().first.outcome == events::AssistanceOutcome::Cancelled);
    CHECK(f.assistance.open().empty());

    f.harness.bus.publish(events::RequestAssistance{"u-anna", f.call, "again"});
    REQUIRE(f.assistance.open().size() == 1);
    REQUIRE_FALSE(f.center.release("u-anna", f.call));
    const auto cleared = f.log.last<events::AssistanceCleared>().first;
    CHECK(cleared.outcome == events::AssistanceOutcome::InteractionEnded);
    CHECK(cleared.interactionId == f.call);
    CHECK(f.assistance.open().empty());
    f.harness.advance(Assistance::simulatedAnswer * 2);
    CHECK(f.log.all<events::SupervisionStarted>().empty());
}

TEST_CASE("a supervisor who joins is Supervising, the hand clears as handled, and leaving restores their state") {
    Floor f;
    f.logIn("sam");
    f.harness.bus.publish(events::SetState{"u-sam", AgentState::NotReady, "Meeting"});
    f.harness.bus.publish(events::RequestAssistance{"u-anna", f.call, "help"});

    f.harness.bus.publish(events::JoinInteraction{"u-sam", f.call, events::SupervisionMode::Monitor});
    const auto started = f.log.last<events::SupervisionStarted>().first;
    CHECK(started.supervisorName == "Sam Rivera");
    CHECK(started.agentId == "u-anna");
    CHECK(started.mode == events::SupervisionMode::Monitor);
    CHECK(f.stateOf("u-sam") == AgentState::Supervising);
    const auto cleared = f.log.last<events::AssistanceCleared>().first;
    CHECK(cleared.outcome == events::AssistanceOutcome::Handled);
    CHECK(cleared.by == "Sam Rivera");
    CHECK(f.assistance.open().empty());

    // Changing how they take part keeps the supervision; choosing Ready waits until it ends.
    f.harness.bus.publish(events::JoinInteraction{"u-sam", f.call, events::SupervisionMode::Barge});
    CHECK(f.log.last<events::SupervisionStarted>().first.mode == events::SupervisionMode::Barge);
    f.harness.bus.publish(events::SetState{"u-sam", AgentState::Ready, {}});
    CHECK(f.stateOf("u-sam") == AgentState::Supervising);
    REQUIRE(f.center.agentState("u-sam")->status().pending);

    f.harness.bus.publish(events::LeaveInteraction{"u-sam", f.call});
    CHECK(f.log.last<events::SupervisionEnded>().first.interactionId == f.call);
    CHECK(f.stateOf("u-sam") == AgentState::Ready);
}

TEST_CASE("without a pending choice the supervisor returns to the state they joined from, and the call's end ends it") {
    Floor f;
    f.logIn("sam");
    f.harness.bus.publish(events::SetState{"u-sam", AgentState::NotReady, "Meeting"});
    f.harness.bus.publish(events::JoinInteraction{"u-sam", f.call, events::SupervisionMode::Coach});
    CHECK(f.stateOf("u-sam") == AgentState::Supervising);
    REQUIRE_FALSE(f.center.release("u-anna", f.call));
    CHECK(f.log.last<events::SupervisionEnded>().first.supervisorId == "u-sam");
    CHECK(f.stateOf("u-sam") == AgentState::NotReady);
    CHECK(f.center.agentState("u-sam")->status().reason == "Meeting");
}

TEST_CASE("only a logged-in supervisor without work of their own can join, and not their own interaction") {
    Floor f;
    f.logIn("ben");
    const std::uint64_t agent = f.harness.bus.publish(events::JoinInteraction{"u-ben", f.call, events::SupervisionMode::Monitor});
    CHECK(f.log.errorCode(agent) == "not_a_supervisor");
    const std::uint64_t loggedOut =
        f.harness.bus.publish(events::JoinInteraction{"u-sam", f.call, events::SupervisionMode::Monitor});
    CHECK(f.log.errorCode(loggedOut) == "not_logged_in");

    f.logIn("sam");
    f.harness.bus.publish(events::SetState{"u-sam", AgentState::Ready, {}});
    // Sam is the longest-idle Ready agent now: the next call goes to him and he is Busy.
    const std::string second = *f.center.arrive(Arrival{"support-voice", "c-1", {}, {}, std::nullopt});
    REQUIRE_FALSE(f.center.accept("u-sam", second));
    const std::uint64_t busy = f.harness.bus.publish(events::JoinInteraction{"u-sam", f.call, events::SupervisionMode::Monitor});
    CHECK(f.log.errorCode(busy) == "busy");
    const std::uint64_t own = f.harness.bus.publish(events::JoinInteraction{"u-sam", second, events::SupervisionMode::Monitor});
    CHECK(f.log.errorCode(own) == "invalid_state");
    CHECK(f.stateOf("u-sam") == AgentState::Busy);
}

TEST_CASE("with no supervisor logged in, the team's supervisor answers a raised hand and later leaves") {
    Floor f;
    f.harness.bus.publish(events::RequestAssistance{"u-anna", f.call, "help"});
    f.harness.advance(Assistance::simulatedAnswer - 1s);
    CHECK(f.log.all<events::SupervisionStarted>().empty());
    f.harness.advance(1s);
    const auto started = f.log.last<events::SupervisionStarted>().first;
    CHECK(started.supervisorName == "Sam Rivera");  // Anna's team (Support), not the first supervisor listed
    CHECK(started.mode == events::SupervisionMode::Coach);
    CHECK(f.log.last<events::AssistanceCleared>().first.outcome == events::AssistanceOutcome::Handled);
    f.harness.advance(Assistance::simulatedStay);
    CHECK(f.log.last<events::SupervisionEnded>().first.agentId == "u-anna");
}
