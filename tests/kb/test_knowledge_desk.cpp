// The knowledge base on the desktop's bus (spec KB-02/03): using an article inserts it into the
// chat input or email reply through compose.insert and counts the use when an editor answers;
// without an editor it lands on the clipboard uncounted. Suggestions follow the interaction at
// hand; only a supervisor approves; other plugins search with kb.search.

#include "kb/kb_test_support.hpp"
#include "model/knowledge_desk.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/events/chat.hpp>
#include <agentdesk/events/core.hpp>
#include <agentdesk/events/desktop.hpp>
#include <agentdesk/events/interaction.hpp>
#include <agentdesk/events/kb.hpp>
#include <agentdesk/runtime/harness.hpp>

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace agentdesk::kb;
using namespace agentdesk::kb::testing;
using namespace std::chrono_literals;

namespace {

/// A stand-in for a chat or email plugin: its editor takes every compose.insert for its channel's
/// interactions and answers compose.inserted, as the real ones do.
struct FakeComposer {
    Bus& bus;
    std::string owns;  ///< the interaction whose editor is open
    std::vector<events::InsertText> received{};
    Subscription subscription = bus.subscribe<events::InsertText>([this](const events::InsertText& insert) {
        const std::string target = insert.interactionId.empty() ? owns : insert.interactionId;
        if (target != owns) return;
        received.push_back(insert);
        bus.publish(events::Inserted{target, insert.source});
    });
};

struct Desktop {
    TempDir dir;
    Harness harness;
    KnowledgeBase kb{dir.path() / "kb.db"};
    std::vector<std::string> clipboard;
    std::vector<Notification> notifications;
    std::vector<std::pair<std::string, std::string>> shown;
    KnowledgeDesk desk{kb, harness.bus, harness.clock, harness.timers,
                       DeskHooks{[this](const std::string& text) { clipboard.push_back(text); },
                                 [this](Notification n) { notifications.push_back(std::move(n)); },
                                 [this](const std::string& id, const std::string& query) { shown.emplace_back(id, query); }}};
    std::vector<events::KbArticleUsed> used;
    Subscription usedSubscription = harness.bus.subscribe<events::KbArticleUsed>(
        [this](const events::KbArticleUsed& e) { used.push_back(e); });

    Desktop() { REQUIRE(kb.seed(starterArticles(), kNow) > 40); }

    /// Logs in on this desktop as the contact center would answer it.
    void login(const Person& who) {
        const auto correlation = harness.bus.publish(events::LoginRequest{who.id, "demo", PhoneDevice::Softphone, {}, false});
        harness.bus.publish(events::LoggedIn{who.id, who.id, who.name, who.role, PhoneDevice::Softphone, {}, {}}, correlation);
        REQUIRE(desk.loggedIn());
    }

    /// A line of the chat from the customer (or the agent).
    void say(const std::string& interactionId, events::Party from, const std::string& text) {
        events::ChatMessage m;
        m.interactionId = interactionId;
        m.messageId = "m-" + std::to_string(++lines);
        m.from = from;
        m.text = text;
        harness.bus.publish(m);
    }
    int lines = 0;

    void offer(const std::string& id, Channel channel, const std::string& service, const std::string& subject,
               const std::string& preview = {}) {
        events::Offered o;
        o.interactionId = id;
        o.agentId = desk.person().id;
        o.channel = channel;
        o.serviceId = service;
        o.customerName = "Ingrid Larsen";
        o.subject = subject;
        o.preview = preview;
        harness.bus.publish(o);
    }
};

}  // namespace

TEST_CASE("using an article inserts its text into the open chat input and counts the use when the chat answers") {
    Desktop d;
    d.login(anna);
    FakeComposer chat{d.harness.bus, "chat-1"};
    d.harness.bus.publish(events::InteractionSelected{"chat-1", Channel::Chat});

    d.desk.use("where-is-my-order");
    REQUIRE(chat.received.size() == 1);
    CHECK(chat.received[0].source == "kb:where-is-my-order");
    CHECK(chat.received[0].interactionId == "chat-1");
    CHECK(chat.received[0].text == d.kb.article("where-is-my-order")->content.body);
    CHECK(d.kb.article("where-is-my-order")->useCount == 1);
    REQUIRE(d.used.size() == 1);
    CHECK(d.used[0].how == events::ArticleUse::Inserted);
    CHECK(d.used[0].interactionId == "chat-1");
    CHECK(d.used[0].agentId == "u-anna");
    CHECK(d.used[0].useCount == 1);

    // The answer came: the fallback timer is gone, nothing reaches the clipboard later.
    d.harness.advance(5s);
    CHECK(d.clipboard.empty());
    CHECK(d.notifications.empty());
    CHECK_FALSE(d.desk.inserting("where-is-my-order"));
}

TEST_CASE("using an article inserts it into the email reply of the interaction named") {
    Desktop d;
    d.login(ben);
    FakeComposer email{d.harness.bus, "email-7"};
    d.desk.use("invoice-copy", "email-7");
    REQUIRE(email.received.size() == 1);
    CHECK(email.received[0].interactionId == "email-7");
    CHECK(d.kb.article("invoice-copy")->useCount == 1);
    REQUIRE(d.used.size() == 1);
    CHECK(d.used[0].interactionId == "email-7");
}

TEST_CASE("with no editor to answer, the text goes to the clipboard with a notification and the use is not counted") {
    Desktop d;
    d.login(anna);
    FakeComposer elsewhere{d.harness.bus, "chat-9"};  // an editor for another interaction stays silent
    d.desk.use("broken-zip", "voice-1");
    CHECK(d.desk.inserting("broken-zip"));
    d.harness.advance(kInsertAnswerTimeout - 100ms);
    CHECK(d.clipboard.empty());
    d.harness.advance(200ms);
    REQUIRE(d.clipboard.size() == 1);
    CHECK(d.clipboard[0] == d.kb.article("broken-zip")->content.body);
    REQUIRE(d.notifications.size() == 1);
    CHECK(d.notifications[0].message.find("clipboard") != std::string::npos);
    CHECK(d.kb.article("broken-zip")->useCount == 0);
    CHECK(d.used.empty());
    CHECK_FALSE(d.desk.inserting("broken-zip"));

    // An answer arriving after the fallback counts nothing either.
    d.harness.bus.publish(events::Inserted{"voice-1", "kb:broken-zip"});
    CHECK(d.kb.article("broken-zip")->useCount == 0);
}

TEST_CASE("an answer for another source does not count this article's use") {
    Desktop d;
    d.login(anna);
    d.desk.use("return-policy", "chat-1");
    d.harness.bus.publish(events::Inserted{"chat-1", "canned:greeting"});
    d.harness.bus.publish(events::Inserted{"chat-1", "kb:refund-timing"});
    CHECK(d.kb.article("return-policy")->useCount == 0);
    CHECK(d.kb.article("refund-timing")->useCount == 0);
    d.harness.bus.publish(events::Inserted{"chat-1", "kb:return-policy"});
    CHECK(d.kb.article("return-policy")->useCount == 1);
}

TEST_CASE("copying an article puts its text on the clipboard and counts the use") {
    Desktop d;
    d.login(anna);
    d.desk.copy("gift-cards");
    REQUIRE(d.clipboard.size() == 1);
    CHECK(d.kb.article("gift-cards")->useCount == 1);
    REQUIRE(d.used.size() == 1);
    CHECK(d.used[0].how == events::ArticleUse::Copied);
    d.desk.copy("no-such-article");
    CHECK(d.desk.lastError().find("no-such-article") != std::string::npos);
}

TEST_CASE("suggestions follow the offered chat and the customer's latest messages") {
    Desktop d;
    d.login(anna);
    CHECK(d.desk.suggestions().empty());
    d.offer("chat-1", Channel::Chat, "support-chat", "Where is my order?", "Hello, my parcel has not arrived yet");
    REQUIRE_FALSE(d.desk.suggestions().empty());
    CHECK(d.desk.suggestions().front().articleId == "where-is-my-order");
    REQUIRE(d.desk.context());
    CHECK(d.desk.context()->customerName == "Ingrid Larsen");

    // The customer moves on to another question: the newest lines lead.
    d.say("chat-1", events::Party::Customer, "Also the zip on my jacket broke, the slider came off");
    CHECK(d.desk.suggestions().front().articleId == "broken-zip");
    // The agent's own lines are not the customer's needs.
    d.say("chat-1", events::Party::Agent, "Let me check the gift card balance");
    CHECK(d.desk.suggestions().front().articleId == "broken-zip");
}

TEST_CASE("suggestions are for the selected interaction, and only this agent's offers count") {
    Desktop d;
    d.login(anna);
    d.offer("email-1", Channel::Email, "support-email", "Invoice copy needed");
    d.offer("chat-2", Channel::Chat, "sales-chat", "Sleeping bag temperature ratings");
    CHECK(d.desk.suggestions().front().articleId == "sleeping-bag-temperature-ratings");
    d.harness.bus.publish(events::InteractionSelected{"email-1", Channel::Email});
    CHECK(d.desk.suggestions().front().articleId == "invoice-copy");

    events::Offered other;
    other.interactionId = "chat-3";
    other.agentId = "u-maya";  // a colleague's offer seen on the same bus
    other.subject = "Warranty question";
    d.harness.bus.publish(other);
    d.harness.bus.publish(events::InteractionSelected{"", Channel::Chat});
    CHECK(d.desk.context()->interactionId == "chat-2");

    events::Completed completed;
    completed.interactionId = "chat-2";
    completed.agentId = "u-anna";
    d.harness.bus.publish(completed);
    CHECK(d.desk.context() == nullptr);
    CHECK(d.desk.suggestions().empty());
}

TEST_CASE("a proposal from an agent is approved by the supervisor on their desktop, then published and searchable") {
    Desktop d;
    d.login(anna);
    CHECK_FALSE(d.desk.isSupervisor());
    ArticleContent edit = d.kb.article("camping-stove-fuel")->content;
    edit.body += "\n\nAlcohol stoves: the fuel bottle must be empty and clean to fly.";
    REQUIRE(d.desk.proposeEdit("camping-stove-fuel", edit, "alcohol stoves"));
    const auto pending = d.kb.pending();
    REQUIRE(pending.size() == 1);
    CHECK_FALSE(d.desk.approve(pending[0].id, ""));
    CHECK(d.desk.lastError() == "Only a supervisor can approve articles.");
    CHECK(d.kb.article("camping-stove-fuel")->version == 1);

    d.harness.bus.publish(events::LoggedOut{"u-anna", ""});
    d.login(sam);
    CHECK(d.desk.isSupervisor());
    REQUIRE(d.desk.approve(pending[0].id, "Good catch"));
    CHECK(d.kb.article("camping-stove-fuel")->version == 2);
    CHECK(d.kb.search("alcohol stoves").front().articleId == "camping-stove-fuel");
    CHECK(d.kb.history("camping-stove-fuel").front().reviewerName == "Sam Rivera");
}

TEST_CASE("other plugins search with kb.search and open an article with kb.open") {
    Desktop d;
    std::vector<std::pair<events::KbSearchResults, std::uint64_t>> answers;
    auto s = d.harness.bus.subscribe<events::KbSearchResults>(
        [&](const events::KbSearchResults& r, const Message& m) { answers.emplace_back(r, m.correlation); });
    std::vector<events::Error> errors;
    auto e = d.harness.bus.subscribe<events::Error>([&](const events::Error& error) { errors.push_back(error); });

    const auto correlation = d.harness.bus.publish(events::KbSearch{"damaged parcel", "", 3});
    REQUIRE(answers.size() == 1);
    CHECK(answers[0].second == correlation);
    REQUIRE_FALSE(answers[0].first.hits.empty());
    CHECK(answers[0].first.hits.front().articleId == "damaged-parcel");
    CHECK(answers[0].first.hits.front().title == "A parcel arrived damaged");  // no markers on the bus
    CHECK(answers[0].first.hits.front().snippet.find(kMarkStart) == std::string::npos);

    d.harness.bus.publish(events::KbOpen{"damaged-parcel", "photo"});
    CHECK(d.shown == std::vector<std::pair<std::string, std::string>>{{"damaged-parcel", "photo"}});
    d.harness.bus.publish(events::KbOpen{"nothing-here", ""});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == "unknown_article");
}
