// The Call panel's model with voice applications, prerecorded messages and text messages against
// the real contact center: what the agent sees while the customer is in an application or hears a
// message, and what comes back.

#include "model/call_control.hpp"
#include "model/contact_center.hpp"
#include "model/voice_automation.hpp"
#include "model/voice_service.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/demo_hash.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace agentdesk;
using namespace std::chrono_literals;
namespace engine = agentdesk::engine;

namespace {

engine::CenterConfig center() {
    engine::CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    config.users = {agentdesk::testing::demoUser("anna", {"support"}, "Anna")};
    engine::ServiceConfig voice;
    voice.id = "support-voice";
    voice.name = "Support line";
    voice.skills = {"support"};
    voice.afterCallWork = engine::WrapUp::untilCompleted();
    config.services = {voice};
    config.customers = {engine::Customer{"c-1", "Maria Lopez", "+34 612 345 678", "", ""}};
    return config;
}

/// Keeps what the engine would store, in memory.
struct MemoryJournal final : engine::CallJournal {
    std::map<std::string, int> references;
    std::vector<events::ApplicationResult> results;
    std::vector<events::TextMessage> texts;
    int nextReference(std::string_view prefix) override { return references[std::string(prefix)] + 1; }
    void addResult(const std::string&, const std::string&, const events::ApplicationResult& result) override {
        if (!result.reference.empty()) ++references[result.reference.substr(0, 3)];
        results.push_back(result);
    }
    void addText(const std::string&, const std::string&, const std::string&, const events::TextMessage& text) override {
        ++references["SMS"];
        texts.push_back(text);
    }
};

struct Desktop {
    Harness harness;
    engine::ContactCenter contactCenter{harness.bus, harness.clock, harness.timers, center()};
    engine::VoiceService voiceService{contactCenter, harness.bus, harness.clock};
    MemoryJournal journal;
    engine::VoiceAutomation automation{contactCenter, voiceService, harness.bus, harness.clock, journal};
    voice::CallControl control{harness.bus, harness.clock};
    std::string call;

    Desktop() {
        harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false});
        harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
        call = *contactCenter.arrive(engine::Arrival{"support-voice", "c-1", {}, {}, std::nullopt});
        harness.bus.publish(events::Accept{call, "u-anna"});
    }
};

}  // namespace

TEST_CASE("after login the panel knows the applications and messages to offer") {
    Desktop d;
    CHECK(d.control.catalog().applications.size() == 3);
    CHECK(d.control.catalog().messages.size() == 3);
    REQUIRE(d.control.connected());
    CHECK(d.control.canUseAutomation());
}

TEST_CASE("a message plays with its progress, mutes the agent and can be stopped") {
    Desktop d;
    d.control.playMessage("disclaimer");  // 8 s
    CHECK(d.control.messagePlaying());
    CHECK(d.control.call()->state.muted);
    CHECK_FALSE(d.control.canUseAutomation());
    d.harness.advance(4s);
    CHECK(d.control.messageProgress() == doctest::Approx(0.5));
    d.control.toggleMute();  // refused while it plays
    CHECK_FALSE(d.control.takeError().empty());
    d.control.stopMessage();
    CHECK_FALSE(d.control.messagePlaying());
    CHECK_FALSE(d.control.call()->state.muted);
}

TEST_CASE("the customer in a voice signature: time left counts down, then the signature id is shown") {
    Desktop d;
    d.control.connectApplication("signature", true);  // 25 s
    CHECK(d.control.inApplication());
    d.harness.advance(10s);
    CHECK(d.control.applicationLeft() == 15s);
    d.control.toggleHold();
    CHECK(d.control.takeError().find("Voice signature") != std::string::npos);
    d.harness.advance(15s);
    CHECK_FALSE(d.control.inApplication());
    REQUIRE(d.control.call()->state.results.size() == 1);
    CHECK(d.control.call()->state.results[0].reference == "SIG-000001");
    CHECK(d.control.canUseAutomation());
}

TEST_CASE("handing the call to an application for good leaves it to wrap up, named like a transfer") {
    Desktop d;
    d.control.connectApplication("payment", false);
    REQUIRE(d.control.call());
    CHECK(d.control.call()->ended);
    CHECK(d.control.call()->transferredTo == "Payment by keypad");
}

TEST_CASE("a text is sent to the caller and shown with the call - the editor learns it went out") {
    Desktop d;
    d.control.sendText("", "Your reference is 4711");
    CHECK(d.control.takeTextSent());
    CHECK_FALSE(d.control.takeTextSent());
    REQUIRE(d.control.call()->state.texts.size() == 1);
    CHECK(d.control.call()->state.texts[0].number == "+34612345678");
    d.control.sendText("", "");
    CHECK_FALSE(d.control.takeTextSent());
    CHECK(d.control.takeError() == "Write the text message first.");
}
