// The personal line against the embedded contact center (UI-12..14, VOICE-02): where a call to
// the agent's own number goes, what the voicemail box lists, and what engine.db keeps.

#include "model/contact_center.hpp"
#include "store/engine_store.hpp"
#include "store/personal_line.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/events/voicemail.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/bus_log.hpp"
#include "engine/demo_hash.hpp"
#include "engine/scratch_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace agentdesk;
using namespace agentdesk::engine;
using agentdesk::testing::BusLog;
using namespace std::chrono_literals;

namespace {

CenterConfig lineCenter() {
    CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    UserAccount anna = agentdesk::testing::demoUser("anna", {"support"}, "Anna Berg");
    anna.extension = "2001";
    config.users = {anna, agentdesk::testing::demoUser("ben", {"support"})};
    ServiceConfig voice;
    voice.id = "support-voice";
    voice.name = "Support line";
    voice.skills = {"support"};
    config.services = {voice};
    config.customers = {Customer{"c-1", "Maria Lopez", "+34 612 345 678", "", ""}};
    return config;
}

struct Line {
    agentdesk::testing::ScratchDir dir{"agentdesk-personal-line"};
    Harness harness;
    BusLog log{harness.bus};
    EngineStore store{dir.path() / "engine.db"};
    ContactCenter center{harness.bus, harness.clock, harness.timers, lineCenter()};
    std::unique_ptr<PersonalLine> line = makeLine();

    std::unique_ptr<PersonalLine> makeLine() {
        return std::make_unique<PersonalLine>(center, store, harness.bus, harness.clock, dir.path() / "voicemail",
                                              HashCost::Minimal);
    }
    void logIn(PhoneDevice device = PhoneDevice::Softphone) {
        harness.bus.publish(events::LoginRequest{"anna", "demo", device, {}, false});
        harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
    }
    std::uint64_t call(std::string customerId = "c-1", std::string from = {}, std::string name = {}) {
        return harness.bus.publish(events::PersonalCall{"u-anna", std::move(from), std::move(customerId), std::move(name), 12});
    }
    std::uint64_t forwardTo(std::string number, bool always, bool noAnswer, bool busy, int seconds = 20) {
        return harness.bus.publish(
            events::SetCallForwarding{"u-anna", events::CallForwarding{always, noAnswer, busy, std::move(number), seconds}});
    }
    events::VoicemailBox box() const { return line->boxOf("u-anna"); }
    AgentState state() const { return center.agentState("u-anna")->state(); }
    std::string ringing() const {
        const auto all = log.all<events::Offered>();
        return all.empty() ? std::string() : all.back().first.interactionId;
    }
};

}  // namespace

TEST_CASE("a personal call rings at the agent as personal, rejecting it sends it to voicemail, the state stays") {
    Line l;
    l.logIn();
    l.call();
    const auto offer = l.log.last<events::Offered>().first;
    CHECK(offer.personal);
    CHECK(offer.customerName == "Maria Lopez");
    CHECK(offer.serviceName == "Personal call");
    CHECK(l.log.count<events::NewVoicemail>() == 0);

    REQUIRE_FALSE(l.center.reject("u-anna", offer.interactionId));
    CHECK(l.state() == AgentState::Ready);  // not "Rejected" Not Ready: it was no service call
    CHECK(l.center.liveInteractions() == 0);
    const auto message = l.log.last<events::NewVoicemail>().first.message;
    CHECK(message.callerName == "Maria Lopez");
    CHECK(message.callerNumber == "+34 612 345 678");
    CHECK(message.durationMs == 12'000);
    CHECK_FALSE(message.heard);
    const events::VoicemailBox box = l.log.last<events::VoicemailBox>().first;
    CHECK(box.unheard == 1);
    REQUIRE(box.messages.size() == 1);
    CHECK(box.messages[0].messageId == message.messageId);

    // The recording is a WAV file of the message's length (8 kHz, 8 bits, mono).
    REQUIRE(std::filesystem::exists(message.audioFile));
    CHECK(std::filesystem::file_size(message.audioFile) == 44 + 12 * 8000);
    std::ifstream wav(message.audioFile, std::ios::binary);
    char riff[4] = {};
    wav.read(riff, 4);
    CHECK(std::string(riff, 4) == "RIFF");
}

TEST_CASE("a personal call that rings out goes to voicemail without making the agent Not Ready") {
    Line l;
    l.logIn();
    l.call("", "+44 20 7946 0000", "");
    CHECK(l.log.last<events::Offered>().first.ringTimeoutMs == 20'000);
    l.harness.advance(19s);
    CHECK(l.log.count<events::NewVoicemail>() == 0);
    l.harness.advance(2s);
    CHECK(l.state() == AgentState::Ready);
    const auto message = l.log.last<events::NewVoicemail>().first.message;
    CHECK(message.callerName.empty());
    CHECK(message.callerNumber == "+44 20 7946 0000");
}

TEST_CASE("an answered personal call is a call like others, with no wrap-up after it") {
    Line l;
    l.logIn();
    l.call("", "+44 20 7946 0000", "Ben Okafor");
    const std::string id = l.ringing();
    CHECK(l.log.last<events::Offered>().first.customerName == "Ben Okafor");
    REQUIRE_FALSE(l.center.accept("u-anna", id));
    CHECK(l.state() == AgentState::Busy);
    // A second caller finds the agent busy: voicemail.
    l.call();
    CHECK(l.log.count<events::Offered>() == 1);
    CHECK(l.log.count<events::NewVoicemail>() == 1);
    REQUIRE_FALSE(l.center.release("u-anna", id));
    CHECK(l.state() == AgentState::Ready);
}

TEST_CASE("a logged-out agent, or one without a phone, gets personal calls as voicemail") {
    Line l;
    l.call();
    CHECK(l.log.count<events::Offered>() == 0);
    CHECK(l.log.count<events::NewVoicemail>() == 1);
    l.logIn(PhoneDevice::NoPhone);
    l.call();
    CHECK(l.log.count<events::Offered>() == 0);
    CHECK(l.box().messages.size() == 2);
    CHECK(l.log.errorCode(l.harness.bus.publish(events::PersonalCall{"u-nobody", "+1 555 0100", "", "", 5})) ==
          "unknown_agent");
}

TEST_CASE("logging out while a personal call rings sends it to voicemail") {
    Line l;
    l.logIn();
    l.call();
    l.harness.bus.publish(events::LogoutRequest{"u-anna"});
    CHECK(l.log.count<events::NewVoicemail>() == 1);
    CHECK(l.center.liveInteractions() == 0);
}

TEST_CASE("forwarding always sends personal calls on without ringing, service calls still ring") {
    Line l;
    l.logIn();
    REQUIRE_FALSE(l.log.errorFor(l.forwardTo("+49 (30) 1234-5678", true, false, false)));
    CHECK(l.box().forwarding.number == "+493012345678");
    CHECK(l.box().forwarding.active());
    l.call();
    CHECK(l.log.count<events::Offered>() == 0);
    const auto forwarded = l.log.last<events::CallForwarded>().first.call;
    CHECK(forwarded.reason == events::ForwardReason::Always);
    CHECK(forwarded.to == "+493012345678");
    CHECK(forwarded.callerName == "Maria Lopez");
    CHECK(l.box().forwarded.size() == 1);
    CHECK(l.box().messages.empty());
    // The ACD's calls are not forwarded.
    REQUIRE(l.center.arrive(Arrival{"support-voice", "c-1", {}, {}, std::nullopt}));
    CHECK(l.log.count<events::Offered>() == 1);
}

TEST_CASE("forwarding when busy: a personal call while on a call goes to the number") {
    Line l;
    l.logIn();
    l.forwardTo("+49 30 1234 5678", false, false, true);
    const std::string service = *l.center.arrive(Arrival{"support-voice", "c-1", {}, {}, std::nullopt});
    REQUIRE_FALSE(l.center.accept("u-anna", service));
    l.call("", "+1 555 0100", "");
    CHECK(l.log.last<events::CallForwarded>().first.call.reason == events::ForwardReason::Busy);
    CHECK(l.log.count<events::NewVoicemail>() == 0);
    // Not busy: it rings.
    REQUIRE_FALSE(l.center.release("u-anna", service));
    l.call("", "+1 555 0100", "");
    CHECK(l.log.last<events::Offered>().first.personal);
}

TEST_CASE("forwarding on no answer: rings its seconds, then goes to the number, rejected still goes to voicemail") {
    Line l;
    l.logIn();
    l.forwardTo("+49 30 1234 5678", false, true, false, 8);
    l.call();
    CHECK(l.log.last<events::Offered>().first.ringTimeoutMs == 8'000);
    l.harness.advance(7s);
    CHECK(l.log.count<events::CallForwarded>() == 0);
    l.harness.advance(2s);
    CHECK(l.log.last<events::CallForwarded>().first.call.reason == events::ForwardReason::NoAnswer);
    CHECK(l.state() == AgentState::Ready);
    l.call();
    REQUIRE_FALSE(l.center.reject("u-anna", l.ringing()));
    CHECK(l.log.count<events::NewVoicemail>() == 1);
}

TEST_CASE("forwarding settings are checked and kept") {
    Line l;
    l.logIn();
    CHECK(l.log.errorCode(l.forwardTo("", true, false, false)) == "invalid_number");
    CHECK(l.log.errorFor(l.forwardTo("call me", false, false, false))->message.find("not a phone number") !=
          std::string::npos);
    CHECK(l.log.errorCode(l.forwardTo("2001", true, false, false)) == "invalid_number");  // own extension
    CHECK(l.log.errorCode(l.forwardTo("+49 30 1234 5678", false, true, false, 2)) == "invalid_input");
    CHECK_FALSE(l.box().forwarding.active());
    // Off, but the number is remembered for next time.
    REQUIRE_FALSE(l.log.errorFor(l.forwardTo("+49 30 1234 5678", false, false, false)));
    CHECK_FALSE(l.box().forwarding.active());
    CHECK(l.box().forwarding.number == "+493012345678");

    l.forwardTo("+49 30 1234 5678", false, true, true, 30);
    l.line = l.makeLine();  // the engine starts again over the same database
    CHECK(l.box().forwarding.noAnswer);
    CHECK(l.box().forwarding.busy);
    CHECK(l.box().forwarding.noAnswerSeconds == 30);
}

TEST_CASE("greetings and the PIN: chosen, checked and kept as a hash") {
    Line l;
    l.logIn();
    CHECK(l.box().greetingText == "You have reached Anna Berg. Please leave a message after the tone.");
    auto& bus = l.harness.bus;
    CHECK(l.log.errorCode(bus.publish(events::SetGreeting{"u-anna", events::Greeting::Personal, "  "})) ==
          "invalid_input");
    CHECK(l.log.errorCode(bus.publish(events::SetGreeting{"u-anna", events::Greeting::Personal, std::string(401, 'a')})) ==
          "invalid_input");
    REQUIRE_FALSE(l.log.errorFor(bus.publish(events::SetGreeting{"u-anna", events::Greeting::Absent, ""})));
    CHECK(l.box().greetingText.starts_with("Anna Berg is away"));
    REQUIRE_FALSE(l.log.errorFor(bus.publish(events::SetGreeting{"u-anna", events::Greeting::Personal, "Hi, Anna here."})));
    CHECK(l.box().greeting == events::Greeting::Personal);
    CHECK(l.box().greetingText == "Hi, Anna here.");

    CHECK_FALSE(l.box().pinSet);
    CHECK(l.log.errorCode(bus.publish(events::SetVoicemailPin{"u-anna", "12a4"})) == "invalid_input");
    CHECK(l.log.errorCode(bus.publish(events::SetVoicemailPin{"u-anna", "123"})) == "invalid_input");
    REQUIRE_FALSE(l.log.errorFor(bus.publish(events::SetVoicemailPin{"u-anna", "2468"})));
    CHECK(l.box().pinSet);
    Statement pin = l.store.database().prepare("SELECT pin_hash FROM voicemail_boxes WHERE agent_id = 'u-anna'");
    REQUIRE(pin.step());
    CHECK(pin.columnText(0).find("2468") == std::string::npos);
    CHECK(verifyPassword("2468", pin.columnText(0)));
    REQUIRE_FALSE(l.log.errorFor(bus.publish(events::SetVoicemailPin{"u-anna", ""})));
    CHECK_FALSE(l.box().pinSet);

    // Changes need a session.
    bus.publish(events::LogoutRequest{"u-anna"});
    CHECK(l.log.errorCode(bus.publish(events::SetVoicemailPin{"u-anna", "2468"})) == "not_logged_in");
}

TEST_CASE("messages are marked heard or new again, and deleted with their recording, only by their agent") {
    Line l;
    l.logIn();
    l.call();
    l.harness.advance(21s);
    l.harness.advance(1min);
    l.call("", "+1 555 0100", "");
    l.harness.advance(21s);
    auto box = l.box();
    REQUIRE(box.messages.size() == 2);
    CHECK(box.messages[0].callerNumber == "+1 555 0100");  // newest first
    CHECK(box.unheard == 2);
    auto& bus = l.harness.bus;
    const std::int64_t older = box.messages[1].messageId;
    bus.publish(events::MarkVoicemail{"u-anna", older, true});
    CHECK(l.box().unheard == 1);
    CHECK(l.box().messages[1].heard);
    bus.publish(events::MarkVoicemail{"u-anna", older, false});
    CHECK(l.box().unheard == 2);

    const std::string file = box.messages[1].audioFile;
    REQUIRE(std::filesystem::exists(file));
    bus.publish(events::LoginRequest{"ben", "demo", PhoneDevice::Softphone, {}, false});
    CHECK(l.log.errorCode(bus.publish(events::DeleteVoicemail{"u-ben", older})) == "unknown_message");
    REQUIRE_FALSE(l.log.errorFor(bus.publish(events::DeleteVoicemail{"u-anna", older})));
    CHECK_FALSE(std::filesystem::exists(file));
    CHECK(l.box().messages.size() == 1);
    CHECK(l.log.errorCode(bus.publish(events::DeleteVoicemail{"u-anna", older})) == "unknown_message");
    CHECK(l.log.errorCode(bus.publish(events::MarkVoicemail{"u-anna", older, true})) == "unknown_message");
}

TEST_CASE("a voicemail is called back with the personal service") {
    Line l;
    l.logIn();
    REQUIRE_FALSE(l.center.dial("u-anna", l.center.personalService().id, "+1 555 0100"));
    const auto offer = l.log.last<events::Offered>().first;
    CHECK(offer.outbound);
    CHECK(offer.serviceName == "Personal call");
}
