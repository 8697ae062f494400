// The Call panel's model against the real contact center: what the agent sees as a call is
// answered, held, muted, recorded, dialled into and released.

#include "model/call_control.hpp"
#include "model/contact_center.hpp"
#include "model/voice_service.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/demo_hash.hpp"

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace std::chrono_literals;
namespace engine = agentdesk::engine;

namespace {

engine::CenterConfig center(bool recordsCalls = false) {
    engine::CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    config.users = {agentdesk::testing::demoUser("anna", {"support"}, "Anna")};
    engine::ServiceConfig voice;
    voice.id = "support-voice";
    voice.name = "Support line";
    voice.skills = {"support"};
    voice.afterCallWork = engine::WrapUp::untilCompleted();
    voice.recordsCalls = recordsCalls;
    config.services = {voice};
    config.customers = {engine::Customer{"c-1", "Maria Lopez", "+34 612 345 678", "", ""}};
    return config;
}

struct Desktop {
    Harness harness;
    engine::ContactCenter contactCenter;
    engine::VoiceService voiceService{contactCenter, harness.bus, harness.clock};
    std::vector<std::string> kept;  // the recent numbers as last saved
    voice::CallControl control{harness.bus, harness.clock, [this](const std::vector<std::string>& n) { kept = n; }};
    std::string call;

    explicit Desktop(bool incomingCall = true, bool recordsCalls = false)
        : contactCenter(harness.bus, harness.clock, harness.timers, center(recordsCalls)) {
        harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false});
        harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
        if (incomingCall) call = *contactCenter.arrive(engine::Arrival{"support-voice", "c-1", {}, {}, std::nullopt});
    }
};

}  // namespace

TEST_CASE("the answered call shows its caller and timers - hold shows the hold timer - retrieve ends it") {
    Desktop d;
    CHECK_FALSE(d.control.call());  // ringing is not yet a call to control
    d.harness.bus.publish(events::Accept{d.call, "u-anna"});
    REQUIRE(d.control.connected());
    CHECK(d.control.call()->offer.customerName == "Maria Lopez");
    d.harness.advance(20s);
    CHECK(d.control.talkTime() == 20s);
    d.control.toggleHold();
    CHECK(d.control.call()->state.held);
    d.harness.advance(12s);
    CHECK(d.control.holdTime() == 12s);
    d.control.toggleHold();
    CHECK_FALSE(d.control.call()->state.held);
    CHECK(d.control.holdTime() == 0s);
    CHECK(d.control.call()->state.heldTotalMs == 12'000);
}

TEST_CASE("mute, recording and the dial pad change what the panel shows - a refusal reaches the agent") {
    Desktop d;
    d.harness.bus.publish(events::Accept{d.call, "u-anna"});
    d.control.toggleMute();
    CHECK(d.control.call()->state.muted);
    d.control.record(events::RecordingAction::Start);
    CHECK(d.control.call()->state.recording == events::Recording::On);
    d.control.record(events::RecordingAction::Pause);
    CHECK(d.control.call()->state.recording == events::Recording::Paused);
    d.control.sendDigits("1");
    d.control.sendDigits("2");
    CHECK(d.control.call()->state.digitsSent == "12");
    d.control.record(events::RecordingAction::Pause);
    CHECK(d.control.takeError() == "Cannot Pause the recording: the call is paused.");
    CHECK(d.control.takeError().empty());
}

TEST_CASE("the panel's buttons follow the call: hold, mute, the recording's next step, digits not on hold, nothing once ended") {
    using events::RecordingAction;
    Desktop d;
    CHECK_FALSE(d.control.canHold());  // ringing: nothing to control yet
    d.harness.bus.publish(events::Accept{d.call, "u-anna"});
    CHECK(d.control.canHold());
    CHECK(d.control.canMute());
    CHECK(d.control.canSendDigits());
    CHECK(d.control.canRecord(RecordingAction::Start));
    CHECK_FALSE(d.control.canRecord(RecordingAction::Pause));
    CHECK_FALSE(d.control.canRecord(RecordingAction::Stop));
    d.control.record(RecordingAction::Start);
    CHECK_FALSE(d.control.canRecord(RecordingAction::Start));
    CHECK(d.control.canRecord(RecordingAction::Pause));
    CHECK(d.control.canRecord(RecordingAction::Stop));
    d.control.record(RecordingAction::Pause);
    CHECK(d.control.canRecord(RecordingAction::Resume));
    d.control.toggleHold();
    CHECK_FALSE(d.control.canSendDigits());  // retrieve first
    CHECK(d.control.canHold());              // to retrieve
    d.control.toggleHold();
    CHECK(d.control.canSendDigits());
    d.control.release();
    CHECK_FALSE(d.control.canHold());
    CHECK_FALSE(d.control.canMute());
    CHECK_FALSE(d.control.canSendDigits());
    CHECK_FALSE(d.control.canRecord(RecordingAction::Resume));
}

TEST_CASE("a call its service records: REC from the answer, pause and resume offered, stop not") {
    using events::RecordingAction;
    Desktop d(true, true);
    d.harness.bus.publish(events::Accept{d.call, "u-anna"});
    REQUIRE(d.control.connected());
    CHECK(d.control.call()->state.serviceRecords);
    CHECK(d.control.call()->state.recording == events::Recording::On);
    CHECK(d.control.canRecord(RecordingAction::Pause));
    CHECK_FALSE(d.control.canRecord(RecordingAction::Stop));
    d.control.record(RecordingAction::Stop);  // the engine says why
    CHECK(d.control.takeError() == "Support line records every call: pause the recording instead.");
    CHECK(d.control.call()->state.recording == events::Recording::On);
}

TEST_CASE("released, the call stays on screen as ended until its wrap-up is complete") {
    Desktop d;
    d.harness.bus.publish(events::Accept{d.call, "u-anna"});
    d.control.release();
    REQUIRE(d.control.call());
    CHECK(d.control.call()->ended);
    CHECK_FALSE(d.control.connected());
    d.control.toggleHold();  // nothing to hold any more
    CHECK(d.control.takeError().empty());
    d.harness.bus.publish(events::Complete{d.call, "u-anna", "", ""});
    CHECK_FALSE(d.control.call());
}

TEST_CASE("placing a call: it shows as calling, then connected - the number tops the recent ones for redial") {
    Desktop d(false);
    voice::CallControl& control = d.control;
    control.setRecent({"+1206555014", "+34612345678"});
    CHECK(control.canDial());
    control.dial("+34 612-345-678", "support-voice");
    REQUIRE(control.call());
    CHECK(control.call()->dialling);
    CHECK_FALSE(control.connected());
    CHECK_FALSE(control.canDial());
    CHECK(control.recent() == std::vector<std::string>{"+34612345678", "+1206555014"});
    CHECK(d.kept == control.recent());
    d.harness.advance(5s);
    CHECK(control.connected());
    CHECK(control.call()->offer.customerName == "Maria Lopez");

    control.release();
    d.harness.bus.publish(events::Complete{control.call()->offer.interactionId, "u-anna", "", ""});
    CHECK(control.canDial());
    control.dial("not a number", "support-voice");
    CHECK(control.takeError() == "\"not a number\" is not a phone number: use digits, optionally starting with +.");
    CHECK(control.recent().size() == 2);
}
