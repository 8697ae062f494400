// Voice applications, prerecorded messages and text messages against the embedded contact center
// (VOICE-19, 20, 23, 25): what the Call panel shows after each step, and what engine.db keeps.

#include "model/contact_center.hpp"
#include "model/voice_automation.hpp"
#include "model/voice_service.hpp"
#include "store/call_journal.hpp"
#include "store/customer_records.hpp"
#include "store/engine_store.hpp"
#include "store/interaction_recorder.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/events/customer.hpp>
#include <agentdesk/events/voice.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/bus_log.hpp"
#include "engine/demo_hash.hpp"
#include "engine/scratch_dir.hpp"

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace agentdesk::engine;
using agentdesk::testing::BusLog;
using namespace std::chrono_literals;

namespace {

CenterConfig automationCenter() {
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

struct Desk {
    agentdesk::testing::ScratchDir dir{"agentdesk-voice-apps"};
    Harness harness;
    BusLog log{harness.bus};
    EngineStore store{dir.path() / "engine.db"};
    ContactCenter center{harness.bus, harness.clock, harness.timers, automationCenter()};
    InteractionRecorder recorder{center, store};
    VoiceService voice{center, harness.bus, harness.clock};
    StoredCallJournal journal{store};
    VoiceAutomation automation{center, voice, harness.bus, harness.clock, journal};
    CustomerRecords customers{harness.bus, center.config(), store};
    std::string call;

    Desk() {
        harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false});
        harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
        call = *center.arrive(Arrival{"support-voice", "c-1", {}, {}, std::nullopt});
        REQUIRE_FALSE(center.accept("u-anna", call));
    }
    events::CallState state() const { return log.last<events::CallState>().first; }
};

}  // namespace

TEST_CASE("the catalog lists the configured voice applications and prerecorded messages") {
    Desk d;
    d.harness.bus.publish(events::GetVoiceCatalog{"u-anna"});
    const auto catalog = d.log.last<events::VoiceCatalog>().first;
    REQUIRE(catalog.applications.size() == 3);
    CHECK(catalog.applications[2].kind == events::ApplicationKind::Signature);
    CHECK_FALSE(catalog.applications[2].canKeep);
    REQUIRE(catalog.messages.size() == 3);
    CHECK(catalog.messages[0].name == "Recording disclaimer");
}

TEST_CASE("a voice application with return: the controls wait, then the customer is back with the result") {
    Desk d;
    using events::RecordingAction;
    d.harness.bus.publish(events::RecordCall{d.call, "u-anna", RecordingAction::Start});
    d.harness.advance(10s);
    d.harness.bus.publish(events::ConnectApplication{d.call, "u-anna", "payment", true});
    CHECK(d.state().application.name == "Payment by keypad");
    CHECK(d.log.last<events::ApplicationConnected>().first.returnsToAgent);
    // Card numbers are not recorded: the payment paused the recording.
    CHECK(d.state().recording == events::Recording::Paused);
    const std::uint64_t hold = d.harness.bus.publish(events::HoldCall{d.call, "u-anna"});
    CHECK(d.log.errorCode(hold) == "invalid_state");
    const std::uint64_t twice = d.harness.bus.publish(events::ConnectApplication{d.call, "u-anna", "survey", true});
    CHECK(d.log.errorCode(twice) == "invalid_state");

    d.harness.advance(45s);
    const auto state = d.state();
    CHECK(state.application.applicationId.empty());
    REQUIRE(state.results.size() == 1);
    CHECK(state.results[0].outcome == events::ApplicationOutcome::Completed);
    CHECK(state.results[0].detail == "Payment accepted");
    CHECK(state.results[0].reference == "PAY-000001");
    CHECK(state.recording == events::Recording::On);
    REQUIRE(state.recorded.size() == 2);
    CHECK(state.recorded[1].fromMs - state.recorded[0].toMs == 45'000);  // the gap is the payment
    // The controls are the agent's again.
    d.harness.bus.publish(events::HoldCall{d.call, "u-anna"});
    CHECK(d.state().held);
    CHECK(d.journal.results(d.call).size() == 1);
}

TEST_CASE("a voice signature comes back with its id, kept in engine.db across a restart") {
    Desk d;
    const std::uint64_t keep = d.harness.bus.publish(events::ConnectApplication{d.call, "u-anna", "signature", false});
    CHECK(d.log.errorCode(keep) == "invalid_state");  // a signature always gives the call back
    d.harness.bus.publish(events::ConnectApplication{d.call, "u-anna", "signature", true});
    d.harness.advance(25s);
    const auto finished = d.log.last<events::ApplicationFinished>().first;
    CHECK(finished.interactionId == d.call);
    CHECK(finished.result.kind == events::ApplicationKind::Signature);
    CHECK(finished.result.reference == "SIG-000001");
    CHECK(finished.result.detail == "Consent recorded (25 s)");
    CHECK(d.state().results.back().reference == "SIG-000001");

    // On file, as a desktop opening engine.db afresh reads it; the next signature gets the next id.
    d.harness.bus.publish(events::Release{d.call, "u-anna"});
    d.harness.bus.publish(events::Complete{d.call, "u-anna", {}, {}});
    EngineStore again{d.dir.path() / "engine.db"};
    StoredCallJournal reopened{again};
    REQUIRE(reopened.results(d.call).size() == 1);
    CHECK(reopened.results(d.call)[0].reference == "SIG-000001");
    CHECK(reopened.nextReference("SIG") == 2);
}

TEST_CASE("a customer who hangs up in the application: the result says so, and no reference is made") {
    Desk d;
    d.harness.bus.publish(events::ConnectApplication{d.call, "u-anna", "signature", true});
    d.harness.advance(10s);
    d.center.customerLeft(d.call);
    const auto finished = d.log.last<events::ApplicationFinished>().first;
    CHECK(finished.result.outcome == events::ApplicationOutcome::Abandoned);
    CHECK(finished.result.reference.empty());
    d.harness.advance(30s);  // the application's own end does not come any more
    CHECK(d.log.all<events::ApplicationFinished>().size() == 1);
    CHECK(d.journal.nextReference("SIG") == 1);
}

TEST_CASE("handing the call to an application for good ends it for the agent with After Call Work") {
    Desk d;
    d.harness.bus.publish(events::ConnectApplication{d.call, "u-anna", "survey", false});
    const auto ended = d.log.last<events::Ended>().first;
    CHECK(ended.interactionId == d.call);
    CHECK(ended.by == events::EndedBy::Transferred);
    CHECK(ended.wrapUp);
    CHECK_FALSE(d.log.last<events::ApplicationConnected>().first.returnsToAgent);
    CHECK(d.voice.call(d.call) == nullptr);
    // The survey still reports, into the store.
    d.harness.advance(40s);
    const auto result = d.log.last<events::ApplicationFinished>().first.result;
    CHECK(result.outcome == events::ApplicationOutcome::Completed);
    CHECK(result.reference == "SUR-000001");
    CHECK(result.detail.starts_with("Survey answered: "));
    CHECK(d.journal.results(d.call).size() == 1);
}

TEST_CASE("an unknown application or message is refused with a readable error") {
    Desk d;
    const std::uint64_t app = d.harness.bus.publish(events::ConnectApplication{d.call, "u-anna", "lottery", true});
    CHECK(d.log.errorCode(app) == "unknown_application");
    const std::uint64_t message = d.harness.bus.publish(events::PlayMessage{d.call, "u-anna", "weather"});
    CHECK(d.log.errorCode(message) == "unknown_message");
    d.harness.bus.publish(events::HoldCall{d.call, "u-anna"});
    const std::uint64_t held = d.harness.bus.publish(events::PlayMessage{d.call, "u-anna", "hours"});
    CHECK(d.log.errorCode(held) == "invalid_state");
}

TEST_CASE("a prerecorded message mutes the agent while it plays, then the microphone is as before") {
    Desk d;
    d.harness.bus.publish(events::PlayMessage{d.call, "u-anna", "hours"});
    auto state = d.state();
    CHECK(state.muted);
    CHECK(state.message.name == "Opening hours");
    CHECK(state.message.endsAtMs - state.message.startedMs == 15'000);
    const std::uint64_t unmute = d.harness.bus.publish(events::MuteCall{d.call, "u-anna", false});
    CHECK(d.log.errorCode(unmute) == "invalid_state");
    d.harness.advance(15s);
    CHECK_FALSE(d.state().muted);
    CHECK(d.state().message.messageId.empty());

    // Muted before: muted after; stopped early.
    d.harness.bus.publish(events::MuteCall{d.call, "u-anna", true});
    d.harness.bus.publish(events::PlayMessage{d.call, "u-anna", "privacy"});
    d.harness.advance(5s);
    d.harness.bus.publish(events::StopMessage{d.call, "u-anna"});
    CHECK(d.state().message.messageId.empty());
    CHECK(d.state().muted);
    const std::uint64_t none = d.harness.bus.publish(events::StopMessage{d.call, "u-anna"});
    CHECK(d.log.errorCode(none) == "invalid_state");
}

TEST_CASE("a text message goes to the caller's number, stays with the call and joins the customer's history") {
    Desk d;
    d.harness.bus.publish(events::SendSms{d.call, "u-anna", "", "Your case number is 4711."});
    const auto sent = d.log.last<events::SmsSent>().first;
    CHECK(sent.customerId == "c-1");
    CHECK(sent.message.number == "+34612345678");
    CHECK(sent.message.smsId == "SMS-000001");
    REQUIRE(d.state().texts.size() == 1);
    CHECK(d.state().texts[0].text == "Your case number is 4711.");

    d.harness.bus.publish(events::GetCustomer{"c-1", {}});
    const auto record = d.log.last<events::CustomerRecord>().first;
    const auto sms = std::find_if(record.history.begin(), record.history.end(),
                                  [](const events::HistoryEntry& e) { return e.outcome == "sms sent"; });
    REQUIRE(sms != record.history.end());
    CHECK(sms->subject == "Your case number is 4711.");
    CHECK(sms->interactionId == d.call);

    const std::uint64_t empty = d.harness.bus.publish(events::SendSms{d.call, "u-anna", "", "  "});
    CHECK(d.log.errorCode(empty) == "invalid_text");
    const std::uint64_t tooLong = d.harness.bus.publish(events::SendSms{d.call, "u-anna", "", std::string(481, 'x')});
    CHECK(d.log.errorCode(tooLong) == "invalid_text");
    const std::uint64_t badNumber = d.harness.bus.publish(events::SendSms{d.call, "u-anna", "call me", "Hello"});
    CHECK(d.log.errorCode(badNumber) == "invalid_number");
    d.harness.bus.publish(events::SendSms{d.call, "u-anna", "+44 7700 900123", std::string(480, 'x')});
    CHECK(d.log.last<events::SmsSent>().first.message.smsId == "SMS-000002");
}
