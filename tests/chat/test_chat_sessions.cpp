// The Chats panel's model against the real contact center, over a synchronous bus: what the agent
// sees as chats arrive, switch, get answered, transferred, banned and wrapped up.

#include "model/chat_sessions.hpp"
#include "model/chat_customers.hpp"
#include "model/chat_service.hpp"
#include "model/contact_center.hpp"
#include "store/engine_store.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/events/desktop.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/bus_log.hpp"
#include "engine/demo_hash.hpp"
#include "engine/scratch_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace agentdesk;
using namespace agentdesk::chat;
using namespace std::chrono_literals;
namespace engine = agentdesk::engine;

namespace {

engine::CenterConfig center() {
    engine::CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    config.users = {agentdesk::testing::demoUser("anna", {"support"}, "Anna"),
                    agentdesk::testing::demoUser("ben", {"support"}, "Ben")};
    engine::ServiceConfig chat;
    chat.id = "support-chat";
    chat.name = "Web chat support";
    chat.channel = Channel::Chat;
    chat.skills = {"support"};
    chat.afterCallWork = engine::WrapUp::untilCompleted();
    chat.dispositions = {"Resolved"};
    config.services = {chat};
    config.customers = {engine::Customer{"c-1", "Maria Lopez", "+34 612 345 678", "maria@example.es", ""},
                        engine::Customer{"c-2", "John Miller", "+1 206 555 0143", "john@example.com", ""},
                        engine::Customer{"c-3", "Aiko Tanaka", "+81 90 1234 5678", "aiko@example.jp", ""}};
    engine::ChatScript script;
    script.opening = "Hello, a question about my order.";
    script.replies = {{"It is order 100482.", {}}};
    script.closing = "Thanks!";
    config.chat.scripts = {script};
    config.chat.canned = {events::CannedResponse{"greet", "Greetings", "hi", "Greeting", "Hello, I am {agent}.", false}};
    config.chat.maxFileBytes = 64;
    return config;
}

struct Desktop {
    agentdesk::testing::ScratchDir dir{"agentdesk-chatui"};
    Harness harness;
    agentdesk::testing::BusLog log{harness.bus};
    engine::ContactCenter contactCenter{harness.bus, harness.clock, harness.timers, center()};
    engine::EngineStore store{engine::EngineStore::fileIn(dir.path())};
    engine::ChatService chats{contactCenter, harness.bus, harness.clock, store};
    engine::ChatCustomers customers{contactCenter, chats, harness.bus, harness.clock, harness.timers};
    std::vector<std::string> attention;
    int draftSaves = 0;
    ChatSessions model{harness.bus, harness.clock,
                       [this](const ChatSession& s) { attention.push_back(s.offer.customerName); },
                       [this] { ++draftSaves; }};

    void loginAndReady(const char* name) {
        harness.bus.publish(events::LoginRequest{name, "demo", PhoneDevice::Softphone, {}, false});
        harness.bus.publish(events::SetState{std::string("u-") + name, AgentState::Ready, {}});
    }
    /// A chat from `customer`, accepted by anna.
    std::string chat(const char* customer) {
        engine::Arrival arrival{"support-chat", customer, {}, {}, std::nullopt};
        engine::applyChatScript(arrival, contactCenter.config());
        const std::string id = *contactCenter.arrive(arrival);
        harness.bus.publish(events::Accept{id, "u-anna"});
        return id;
    }
};

}  // namespace

TEST_CASE("an accepted chat opens with its transcript, and the first one is shown") {
    Desktop d;
    d.loginAndReady("anna");
    const std::string id = d.chat("c-1");
    REQUIRE(d.model.sessions().size() == 1);
    const ChatSession& session = d.model.sessions().front();
    CHECK(session.offer.customerName == "Maria Lopez");
    REQUIRE(session.messages.size() == 1);
    CHECK(session.messages[0].text == "Hello, a question about my order.");
    CHECK(d.model.active() == id);
    CHECK(d.attention == std::vector<std::string>{"Maria Lopez"});
    CHECK(d.model.canned().size() == 1);
}

TEST_CASE("three chats at once: unread counts in the background, drafts stay with their session") {
    Desktop d;
    d.loginAndReady("anna");
    const std::string maria = d.chat("c-1");
    const std::string john = d.chat("c-2");
    const std::string aiko = d.chat("c-3");
    REQUIRE(d.model.sessions().size() == 3);
    CHECK(d.model.active() == maria);

    d.model.setDraft(maria, "Let me check that for");
    d.model.activate(john);
    CHECK(d.log.last<events::InteractionSelected>().first.interactionId == john);
    d.model.setDraft(john, "Which size do you wear?");
    d.model.sendDraft(john);
    d.model.activate(aiko);
    d.model.setDraft(aiko, "Good morning");

    // John answers while Anna looks at Aiko's chat.
    d.harness.advance(3s + engine::ChatCustomers::typingTime("It is order 100482."));
    CHECK(d.model.find(john)->unread == 1);
    CHECK(d.model.find(john)->messages.back().text == "It is order 100482.");
    CHECK(d.model.find(john)->messages[1].delivery == events::Delivery::Read);

    d.model.activate(maria);
    CHECK(d.model.find(maria)->draft == "Let me check that for");
    CHECK(d.model.find(aiko)->draft == "Good morning");
    CHECK(d.model.find(john)->draft.empty());
    CHECK(d.model.drafts() == std::map<std::string, std::string>{{maria, "Let me check that for"}, {aiko, "Good morning"}});
    d.model.activateNext();
    CHECK(d.model.active() == john);
    CHECK(d.model.find(john)->unread == 0);
}

TEST_CASE("the customer sees the agent typing, and a refused message goes back into the input") {
    Desktop d;
    d.loginAndReady("anna");
    const std::string id = d.chat("c-1");
    d.model.setDraft(id, "H");
    CHECK(d.log.last<events::ChatTyping>().first.party == events::Party::Agent);
    CHECK(d.log.last<events::ChatTyping>().first.typing);
    d.model.setDraft(id, "Hello");
    CHECK(d.log.count<events::ChatTyping>() == 1);  // only changes travel

    d.harness.bus.publish(events::Release{id, "u-anna"});  // the chat ends before the message goes
    d.model.setDraft(id, "Are you still there?");
    d.model.sendDraft(id);
    CHECK(d.model.find(id)->draft == "Are you still there?");
    CHECK(d.model.takeError() == "The chat has ended: nothing more can be sent.");
}

TEST_CASE("typing /ban blacklists the customer and ends the chat into wrap-up") {
    Desktop d;
    d.loginAndReady("anna");
    const std::string id = d.chat("c-1");
    d.model.setDraft(id, "/ban");
    d.model.sendDraft(id);
    CHECK(d.log.count<events::CustomerBanned>() == 1);
    CHECK(d.log.count<events::SendChat>() == 0);
    REQUIRE(d.model.find(id));
    CHECK(d.model.find(id)->ended);
    CHECK(d.contactCenter.agentState("u-anna")->state() == AgentState::AfterCallWork);
    CHECK(d.contactCenter.checkArrival(engine::Arrival{"support-chat", "c-1", {}, {}, std::nullopt})->code ==
          "customer_blacklisted");
    d.harness.bus.publish(events::Complete{id, "u-anna", "Resolved", "abusive"});
    CHECK(d.model.sessions().empty());
}

TEST_CASE("#shortcut and Tab insert a canned response with the agent's name - KB text arrives through compose.insert") {
    Desktop d;
    d.loginAndReady("anna");
    const std::string id = d.chat("c-1");
    d.model.setDraft(id, "#hi");
    CHECK(d.model.expandShortcut(id));
    CHECK(d.model.find(id)->draft == "Hello, I am Anna.");
    d.model.setDraft(id, "#nothing");
    CHECK_FALSE(d.model.expandShortcut(id));

    d.model.setDraft(id, "See:");
    d.harness.bus.publish(events::InsertText{"", "Returns are free within 60 days.", "kb:returns"});
    CHECK(d.model.find(id)->draft == "See: Returns are free within 60 days.");
    CHECK(d.log.last<events::Inserted>().first.source == "kb:returns");
    CHECK(d.log.last<events::Inserted>().first.interactionId == id);
}

TEST_CASE("a transferred chat leaves the list - a too large file is refused with the limit") {
    Desktop d;
    d.loginAndReady("anna");
    d.loginAndReady("ben");
    // Ben is Ready too: route the chat to Anna explicitly by taking Ben out first.
    d.harness.bus.publish(events::SetState{"u-ben", AgentState::NotReady, "Break"});
    const std::string id = d.chat("c-1");

    const std::filesystem::path big = d.dir.path() / "scan.pdf";
    std::ofstream(big) << std::string(100, 'x');
    d.model.sendFile(id, big);
    CHECK(d.model.takeError() == "\"scan.pdf\" is 100 bytes; files in a chat may be at most 64 bytes.");
    d.model.sendFile(id, d.dir.path() / "missing.png");
    CHECK(d.model.takeError().find("Cannot read") == 0);

    d.harness.bus.publish(events::SetState{"u-ben", AgentState::Ready, {}});
    d.model.transferToAgent(id, "u-ben", "refund");
    CHECK(d.model.sessions().empty());
    CHECK(d.log.last<events::Offered>().first.agentId == "u-ben");
}

TEST_CASE("drafts restored after a restart come back with their chat") {
    Desktop d;
    d.model.restoreDrafts({{"x-1", "half a sentence"}});
    CHECK(d.model.drafts().at("x-1") == "half a sentence");
}
