// Call control against the embedded contact center: hold with its timer, mute, recording with
// pauses kept as gaps, and DTMF digits — what the call panel shows after each step.

#include "model/contact_center.hpp"
#include "model/voice_service.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/events/voice.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/bus_log.hpp"
#include "engine/demo_hash.hpp"

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace agentdesk::engine;
using agentdesk::testing::BusLog;
using namespace std::chrono_literals;

namespace {

CenterConfig voiceCenter(bool recordsCalls = false) {
    CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    config.users = {agentdesk::testing::demoUser("anna", {"support"}), agentdesk::testing::demoUser("ben", {"support"})};
    ServiceConfig voice;
    voice.id = "support-voice";
    voice.name = "Support line";
    voice.skills = {"support"};
    voice.afterCallWork = WrapUp::untilCompleted();
    voice.recordsCalls = recordsCalls;
    config.services = {voice};
    config.customers = {Customer{"c-1", "Maria Lopez", "+34 612 345 678", "", ""}};
    return config;
}

struct Phone {
    Harness harness;
    BusLog log{harness.bus};
    ContactCenter center;
    VoiceService voice{center, harness.bus, harness.clock};
    std::string call;

    explicit Phone(bool recordsCalls = false)
        : center(harness.bus, harness.clock, harness.timers, voiceCenter(recordsCalls)) {
        harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false});
        harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
        call = *center.arrive(Arrival{"support-voice", "c-1", {}, {}, std::nullopt});
        REQUIRE_FALSE(center.accept("u-anna", call));
    }
    events::CallState state() const { return log.last<events::CallState>().first; }
};

}  // namespace

TEST_CASE("an answered call starts unheld, unmuted and not recorded") {
    Phone p;
    const auto state = p.state();
    CHECK(state.interactionId == p.call);
    CHECK(state.agentId == "u-anna");
    CHECK_FALSE(state.held);
    CHECK_FALSE(state.muted);
    CHECK(state.recording == events::Recording::Off);
}

TEST_CASE("hold and retrieve: the hold timer starts at hold and adds up over several holds") {
    Phone p;
    p.harness.advance(10s);
    p.harness.bus.publish(events::HoldCall{p.call, "u-anna"});
    CHECK(p.state().held);
    CHECK(p.state().heldSinceMs == toEpochMs(p.harness.clock.now()));
    const std::uint64_t twice = p.harness.bus.publish(events::HoldCall{p.call, "u-anna"});
    CHECK(p.log.errorCode(twice) == "invalid_state");
    p.harness.advance(30s);
    p.harness.bus.publish(events::RetrieveCall{p.call, "u-anna"});
    CHECK_FALSE(p.state().held);
    CHECK(p.state().heldTotalMs == 30'000);
    p.harness.bus.publish(events::HoldCall{p.call, "u-anna"});
    p.harness.advance(15s);
    p.harness.bus.publish(events::RetrieveCall{p.call, "u-anna"});
    CHECK(p.state().heldTotalMs == 45'000);
    const std::uint64_t notHeld = p.harness.bus.publish(events::RetrieveCall{p.call, "u-anna"});
    CHECK(p.log.errorCode(notHeld) == "invalid_state");
}

TEST_CASE("mute toggles, and only the agent on the call controls it") {
    Phone p;
    p.harness.bus.publish(events::MuteCall{p.call, "u-anna", true});
    CHECK(p.state().muted);
    p.harness.bus.publish(events::MuteCall{p.call, "u-anna", false});
    CHECK_FALSE(p.state().muted);
    p.harness.bus.publish(events::LoginRequest{"ben", "demo", PhoneDevice::Softphone, {}, false});
    const std::uint64_t other = p.harness.bus.publish(events::MuteCall{p.call, "u-ben", true});
    CHECK(p.log.errorCode(other) == "not_yours");
}

TEST_CASE("recording: start, pause while the card number is read, resume, stop - the gap is kept") {
    Phone p;
    using events::RecordingAction;
    const std::uint64_t early = p.harness.bus.publish(events::RecordCall{p.call, "u-anna", RecordingAction::Pause});
    CHECK(p.log.errorCode(early) == "invalid_state");
    const std::int64_t t0 = toEpochMs(p.harness.clock.now());
    p.harness.bus.publish(events::RecordCall{p.call, "u-anna", RecordingAction::Start});
    CHECK(p.state().recording == events::Recording::On);
    p.harness.advance(20s);
    p.harness.bus.publish(events::RecordCall{p.call, "u-anna", RecordingAction::Pause});
    CHECK(p.state().recording == events::Recording::Paused);
    p.harness.advance(15s);
    p.harness.bus.publish(events::RecordCall{p.call, "u-anna", RecordingAction::Resume});
    p.harness.advance(5s);
    p.harness.bus.publish(events::RecordCall{p.call, "u-anna", RecordingAction::Stop});
    const auto state = p.state();
    CHECK(state.recording == events::Recording::Off);
    REQUIRE(state.recorded.size() == 2);
    CHECK(state.recorded[0].fromMs == t0);
    CHECK(state.recorded[0].toMs == t0 + 20'000);
    CHECK(state.recorded[1].fromMs == t0 + 35'000);
    CHECK(state.recorded[1].toMs == t0 + 40'000);
}

TEST_CASE("a service that records every call: recording from the answer, paused and resumed, never stopped") {
    Phone p(true);
    using events::RecordingAction;
    const std::int64_t answeredAt = toEpochMs(p.harness.clock.now());
    CHECK(p.state().serviceRecords);
    CHECK(p.state().recording == events::Recording::On);
    REQUIRE(p.state().recorded.size() == 1);
    CHECK(p.state().recorded[0].fromMs == answeredAt);
    const std::uint64_t start = p.harness.bus.publish(events::RecordCall{p.call, "u-anna", RecordingAction::Start});
    CHECK(p.log.errorCode(start) == "invalid_state");
    const std::uint64_t stop = p.harness.bus.publish(events::RecordCall{p.call, "u-anna", RecordingAction::Stop});
    CHECK(p.log.errorFor(stop)->message == "Support line records every call: pause the recording instead.");
    p.harness.advance(10s);
    p.harness.bus.publish(events::RecordCall{p.call, "u-anna", RecordingAction::Pause});
    CHECK(p.state().recording == events::Recording::Paused);
    p.harness.advance(5s);
    p.harness.bus.publish(events::RecordCall{p.call, "u-anna", RecordingAction::Resume});
    CHECK(p.state().recording == events::Recording::On);
    REQUIRE(p.state().recorded.size() == 2);
    CHECK(p.state().recorded[0].toMs == answeredAt + 10'000);
    CHECK(p.state().recorded[1].fromMs == answeredAt + 15'000);
}

TEST_CASE("DTMF digits go into the call and are echoed - invalid ones and digits on hold are refused") {
    Phone p;
    p.harness.bus.publish(events::SendDigits{p.call, "u-anna", "1"});
    p.harness.bus.publish(events::SendDigits{p.call, "u-anna", "42#"});
    CHECK(p.log.last<events::DigitsSent>().first.digits == "42#");
    CHECK(p.state().digitsSent == "142#");
    const std::uint64_t bad = p.harness.bus.publish(events::SendDigits{p.call, "u-anna", "12x"});
    CHECK(p.log.errorCode(bad) == "invalid_digits");
    p.harness.bus.publish(events::HoldCall{p.call, "u-anna"});
    const std::uint64_t held = p.harness.bus.publish(events::SendDigits{p.call, "u-anna", "5"});
    CHECK(p.log.errorCode(held) == "invalid_state");
}

TEST_CASE("after the call ends its controls are refused") {
    Phone p;
    p.harness.bus.publish(events::Release{p.call, "u-anna"});
    const std::uint64_t late = p.harness.bus.publish(events::HoldCall{p.call, "u-anna"});
    CHECK(p.log.errorCode(late) == "unknown_interaction");
    CHECK_FALSE(p.voice.call(p.call));
}

TEST_CASE("an outbound call: the number is normalised, it rings at the customer, who answers - the agent is Busy") {
    Phone p;
    p.harness.bus.publish(events::Release{p.call, "u-anna"});
    p.harness.bus.publish(events::Complete{p.call, "u-anna", "", ""});
    REQUIRE(p.center.agentState("u-anna")->state() == AgentState::Ready);

    const std::uint64_t bad = p.harness.bus.publish(events::Dial{"u-anna", "call me maybe", "support-voice"});
    CHECK(p.log.errorCode(bad) == "invalid_number");
    const std::uint64_t noService = p.harness.bus.publish(events::Dial{"u-anna", "+34 612 345 678", "nope"});
    CHECK(p.log.errorCode(noService) == "unknown_service");

    p.harness.bus.publish(events::Dial{"u-anna", "+34 (612) 345-678", "support-voice"});
    const auto offer = p.log.last<events::Offered>().first;
    CHECK(offer.outbound);
    CHECK(offer.from == "+34612345678");
    CHECK(offer.customerName == "Maria Lopez");  // the number is hers
    CHECK(p.center.agentState("u-anna")->state() == AgentState::Ready);  // not yet talking
    const std::uint64_t second = p.harness.bus.publish(events::Dial{"u-anna", "+1 206 555 0143", "support-voice"});
    CHECK(p.log.errorCode(second) == "invalid_state");

    p.harness.advance(5s);
    CHECK(p.log.last<events::Connected>().first.interactionId == offer.interactionId);
    CHECK(p.center.agentState("u-anna")->state() == AgentState::Busy);
    CHECK(p.voice.call(offer.interactionId));
}

TEST_CASE("hanging up an outbound call before it is answered ends it with nothing to wrap up") {
    Phone p;
    p.harness.bus.publish(events::Release{p.call, "u-anna"});
    p.harness.bus.publish(events::Complete{p.call, "u-anna", "", ""});
    p.harness.bus.publish(events::Dial{"u-anna", "+44 20 7946 0000", "support-voice"});
    const std::string id = p.log.last<events::Offered>().first.interactionId;
    p.harness.bus.publish(events::Release{id, "u-anna"});
    CHECK_FALSE(p.log.last<events::Ended>().first.wrapUp);
    CHECK(p.log.last<events::Completed>().first.interactionId == id);
    p.harness.advance(10s);
    CHECK(p.center.agentState("u-anna")->state() == AgentState::Ready);
    CHECK_FALSE(p.center.interaction(id));
}
