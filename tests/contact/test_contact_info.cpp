// Contact Info against the real contact center and its store: the customer pops up when a chat
// rings, with what they did before, and a past chat's transcript opens from the history.

#include "model/contact_info.hpp"
#include "model/chat_service.hpp"
#include "model/contact_center.hpp"
#include "model/voice_automation.hpp"
#include "model/voice_service.hpp"
#include "store/call_journal.hpp"
#include "store/customer_records.hpp"
#include "store/engine_store.hpp"
#include "store/interaction_recorder.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/events/desktop.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/demo_hash.hpp"
#include "engine/scratch_dir.hpp"

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace std::chrono_literals;
namespace engine = agentdesk::engine;

namespace {

engine::CenterConfig center() {
    engine::CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    config.users = {agentdesk::testing::demoUser("anna", {"support"}, "Anna Kowalski")};
    engine::ServiceConfig chat;
    chat.id = "support-chat";
    chat.name = "Web chat support";
    chat.channel = Channel::Chat;
    chat.skills = {"support"};
    chat.afterCallWork = engine::WrapUp::untilCompleted();
    chat.dispositions = {"Resolved"};
    engine::ServiceConfig voice = chat;
    voice.id = "support-voice";
    voice.name = "Support line";
    voice.channel = Channel::Voice;
    config.services = {chat, voice};
    config.customers = {engine::Customer{"c-1", "Maria Lopez", "+34 612 345 678", "maria@example.es", "Lopez Trekking"}};
    return config;
}

struct Desktop {
    agentdesk::testing::ScratchDir dir{"agentdesk-contact"};
    Harness harness;
    engine::ContactCenter contactCenter{harness.bus, harness.clock, harness.timers, center()};
    engine::EngineStore store{engine::EngineStore::fileIn(dir.path())};
    engine::InteractionRecorder recorder{contactCenter, store};
    engine::ChatService chats{contactCenter, harness.bus, harness.clock, store};
    engine::CustomerRecords records{harness.bus, contactCenter.config(), store};
    int popped = 0;
    contact::ContactInfo info{harness.bus, [this](const events::CustomerRecord&) { ++popped; }};

    Desktop() {
        harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false});
        harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
    }
    std::string arrive(const char* service, const char* customer, const char* from = "") {
        engine::Arrival arrival{service, customer, from, "Where is my order?", std::nullopt};
        arrival.message = "Hello, my order is late.";
        return *contactCenter.arrive(arrival);
    }
};

}  // namespace

TEST_CASE("the customer's record pops up when a chat rings, with earlier chats and their transcripts") {
    Desktop d;
    const std::string first = d.arrive("support-chat", "c-1");
    REQUIRE(d.info.record());
    CHECK(d.popped == 1);
    CHECK(d.info.record()->customer.name == "Maria Lopez");
    CHECK(d.info.record()->customer.company == "Lopez Trekking");
    REQUIRE(d.info.record()->history.size() == 1);
    CHECK(d.info.record()->history[0].outcome == "queued");

    d.harness.bus.publish(events::Accept{first, "u-anna"});
    d.harness.bus.publish(events::SendChat{first, "u-anna", "It ships tomorrow."});
    d.harness.bus.publish(events::Release{first, "u-anna"});
    d.harness.bus.publish(events::Complete{first, "u-anna", "Resolved", "order 100482 ships tomorrow"});

    // She comes back by phone a day later: the call rings with her chat in the history.
    d.harness.advance(24h);
    const std::string call = d.arrive("support-voice", "c-1");
    CHECK(d.info.interactionId() == call);
    const auto& history = d.info.record()->history;
    REQUIRE(history.size() == 2);
    CHECK(history[0].interactionId == call);
    CHECK(history[0].channel == Channel::Voice);
    CHECK(history[1].interactionId == first);
    CHECK(history[1].outcome == "handled");
    CHECK(history[1].disposition == "Resolved");
    CHECK(history[1].notes == "order 100482 ships tomorrow");
    CHECK(history[1].agentName == "Anna Kowalski");
    CHECK(history[1].serviceName == "Web chat support");
    CHECK(d.popped == 1);  // the same customer: the panel is already hers

    d.info.openTranscript(first);
    const auto& lines = d.info.transcript().messages;
    REQUIRE(lines.size() >= 2);
    CHECK(lines[0].text == "Hello, my order is late.");
    CHECK(lines[1].text == "It ships tomorrow.");
}

TEST_CASE("an unknown caller shows as unknown, then with their earlier calls from the same number") {
    Desktop d;
    const std::string call = d.arrive("support-voice", "", "+44 20 7946 0000");
    REQUIRE(d.info.record());
    CHECK(d.info.record()->found);  // the call just queued is already in the history
    CHECK(d.info.record()->history.size() == 1);
    CHECK(d.info.record()->customer.phone == "+44 20 7946 0000");

    d.harness.bus.publish(events::GetCustomer{"", "+1 000"});
    (void)call;
    CHECK_FALSE(d.records.lookUp("", "+1 000").found);
    CHECK(d.records.lookUp("", "maria@example.es").customer.id == "c-1");
}

TEST_CASE("a text sent from the call appears in the customer's history shown at once") {
    Desktop d;
    engine::VoiceService voice{d.contactCenter, d.harness.bus, d.harness.clock};
    engine::StoredCallJournal journal{d.store};
    engine::VoiceAutomation automation{d.contactCenter, voice, d.harness.bus, d.harness.clock, journal};
    const std::string call = *d.contactCenter.arrive(engine::Arrival{"support-voice", "c-1", {}, {}, std::nullopt});
    d.harness.bus.publish(events::Accept{call, "u-anna"});
    REQUIRE(d.info.record());
    const std::size_t before = d.info.record()->history.size();
    d.harness.advance(5s);
    d.harness.bus.publish(events::SendSms{call, "u-anna", "", "Your parcel ships today"});
    const auto& history = d.info.record()->history;
    REQUIRE(history.size() == before + 1);
    CHECK(history.front().outcome == "sms sent");  // newest first
    CHECK(history.front().subject == "Your parcel ships today");
    CHECK(history.front().serviceName == "SMS to +34612345678");
}
