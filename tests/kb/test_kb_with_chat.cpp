// The knowledge base with the real Chats model and contact center, over a synchronous bus: an
// article used during a chat lands in that chat's draft, and the chat's answer counts the use.
// Built only in a tree that has the chat plugin (its model answers compose.insert).

#if __has_include("model/chat_sessions.hpp") && __has_include("model/chat_service.hpp") && \
    __has_include("model/chat_customers.hpp")

#include "kb/kb_test_support.hpp"
#include "model/chat_customers.hpp"
#include "model/chat_service.hpp"
#include "model/chat_sessions.hpp"
#include "model/contact_center.hpp"
#include "model/knowledge_desk.hpp"
#include "store/engine_store.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/demo_hash.hpp"

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace agentdesk::kb::testing;
namespace engine = agentdesk::engine;

namespace {

engine::CenterConfig supportChatCenter() {
    engine::CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    engine::UserAccount anna;
    anna.id = "u-anna";
    anna.userName = "anna";
    anna.displayName = "Anna Kowalski";
    anna.role = "agent";
    anna.skills = {"support"};
    anna.passwordHash = agentdesk::testing::demoHash();
    config.users.push_back(anna);
    engine::ServiceConfig chat;
    chat.id = "support-chat";
    chat.name = "Web chat support";
    chat.channel = Channel::Chat;
    chat.skills = {"support"};
    chat.afterCallWork = engine::WrapUp::untilCompleted();
    config.services = {chat};
    config.customers = {engine::Customer{"c-1", "Ingrid Larsen", "+47 412 34 567", "ingrid.larsen@example.no", ""}};
    engine::ChatScript script;
    script.opening = "Hi, the zip on my jacket broke and the slider came off. Can it be repaired?";
    config.chat.scripts = {script};
    return config;
}

}  // namespace

TEST_CASE("an article used during a chat goes into that chat's draft and the chat's answer counts the use") {
    TempDir dir;
    Harness harness;
    engine::ContactCenter center{harness.bus, harness.clock, harness.timers, supportChatCenter()};
    engine::EngineStore store{engine::EngineStore::fileIn(dir.path())};
    engine::ChatService chats{center, harness.bus, harness.clock, store};
    chat::ChatSessions sessions{harness.bus, harness.clock};
    kb::KnowledgeBase base{dir.path() / "kb.db"};
    REQUIRE(base.seed(starterArticles(), kNow) > 40);
    std::vector<std::string> clipboard;
    kb::KnowledgeDesk desk{base, harness.bus, harness.clock, harness.timers,
                           kb::DeskHooks{[&](const std::string& text) { clipboard.push_back(text); }, {}, {}}};

    harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false});
    harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
    engine::Arrival arrival{"support-chat", "c-1", {}, {}, std::nullopt};
    engine::applyChatScript(arrival, center.config());
    const std::string id = *center.arrive(arrival);
    harness.bus.publish(events::Accept{id, "u-anna"});
    REQUIRE(sessions.find(id));

    REQUIRE_FALSE(desk.suggestions().empty());
    CHECK(desk.suggestions().front().articleId == "broken-zip");

    sessions.setDraft(id, "Hello Ingrid. ");
    desk.use("broken-zip");
    const std::string& draft = sessions.find(id)->draft;
    CHECK(draft.starts_with("Hello Ingrid. "));
    CHECK(draft.find("Many zips that seem broken") != std::string::npos);
    CHECK(base.article("broken-zip")->useCount == 1);
    harness.advance(kb::kInsertAnswerTimeout * 2);
    CHECK(clipboard.empty());
}

#endif
