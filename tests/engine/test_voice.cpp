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

CenterConfig voiceCenter() {
    CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    config.users = {agentdesk::testing::demoUser("anna", {"support"}), agentdesk::testing::demoUser("ben", {"support"})};
    ServiceConfig voice;
    voice.id = "support-voice";
    voice.name = "Support line";
    voice.skills = {"support"};
    voice.afterCallWork = WrapUp::untilCompleted();
    config.services = {voice};
    config.customers = {Customer{"c-1", "Maria Lopez", "+34 612 345 678", "", ""}};
    return config;
}

struct Phone {
    Harness harness;
    BusLog log{harness.bus};
    ContactCenter center{harness.bus, harness.clock, harness.timers, voiceCenter()};
    VoiceService voice{center, harness.bus, harness.clock};
    std::string call;

    Phone() {
        harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false});
        harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
        call = *center.arrive(Arrival{"support-voice", "c-1", {}, {}, std::nullopt});
        REQUIRE_FALSE(center.accept("u-anna", call));
    }
    events::CallState state() const { return log.last<events::CallState>().first; }
    std::optional<std::string> errorCode(std::uint64_t correlation) const {
        for (const auto& [error, message] : log.all<events::Error>()) {
            if (message.correlation == correlation) return error.code;
        }
        return std::nullopt;
    }
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
    CHECK(p.errorCode(twice) == "invalid_state");
    p.harness.advance(30s);
    p.harness.bus.publish(events::RetrieveCall{p.call, "u-anna"});
    CHECK_FALSE(p.state().held);
    CHECK(p.state().heldTotalMs == 30'000);
    p.harness.bus.publish(events::HoldCall{p.call, "u-anna"});
    p.harness.advance(15s);
    p.harness.bus.publish(events::RetrieveCall{p.call, "u-anna"});
    CHECK(p.state().heldTotalMs == 45'000);
    const std::uint64_t notHeld = p.harness.bus.publish(events::RetrieveCall{p.call, "u-anna"});
    CHECK(p.errorCode(notHeld) == "invalid_state");
}

TEST_CASE("mute toggles, and only the agent on the call controls it") {
    Phone p;
    p.harness.bus.publish(events::MuteCall{p.call, "u-anna", true});
    CHECK(p.state().muted);
    p.harness.bus.publish(events::MuteCall{p.call, "u-anna", false});
    CHECK_FALSE(p.state().muted);
    p.harness.bus.publish(events::LoginRequest{"ben", "demo", PhoneDevice::Softphone, {}, false});
    const std::uint64_t other = p.harness.bus.publish(events::MuteCall{p.call, "u-ben", true});
    CHECK(p.errorCode(other) == "not_yours");
}

TEST_CASE("recording: start, pause while the card number is read, resume, stop; the gap is kept") {
    Phone p;
    using events::RecordingAction;
    const std::uint64_t early = p.harness.bus.publish(events::RecordCall{p.call, "u-anna", RecordingAction::Pause});
    CHECK(p.errorCode(early) == "invalid_state");
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

TEST_CASE("DTMF digits go into the call and are echoed; invalid ones and digits on hold are refused") {
    Phone p;
    p.harness.bus.publish(events::SendDigits{p.call, "u-anna", "1"});
    p.harness.bus.publish(events::SendDigits{p.call, "u-anna", "42#"});
    CHECK(p.log.last<events::DigitsSent>().first.digits == "42#");
    CHECK(p.state().digitsSent == "142#");
    const std::uint64_t bad = p.harness.bus.publish(events::SendDigits{p.call, "u-anna", "12x"});
    CHECK(p.errorCode(bad) == "invalid_digits");
    p.harness.bus.publish(events::HoldCall{p.call, "u-anna"});
    const std::uint64_t held = p.harness.bus.publish(events::SendDigits{p.call, "u-anna", "5"});
    CHECK(p.errorCode(held) == "invalid_state");
}

TEST_CASE("after the call ends its controls are refused") {
    Phone p;
    p.harness.bus.publish(events::Release{p.call, "u-anna"});
    const std::uint64_t late = p.harness.bus.publish(events::HoldCall{p.call, "u-anna"});
    CHECK(p.errorCode(late) == "unknown_interaction");
    CHECK_FALSE(p.voice.call(p.call));
}
