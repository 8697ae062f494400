// The chat channel against the embedded contact center: what the agent sees in a chat's
// transcript, what the simulated customer does, and what is kept in the database.

#include "model/chat_customers.hpp"
#include "model/chat_service.hpp"
#include "model/contact_center.hpp"
#include "store/engine_store.hpp"

#include <agentdesk/events/chat.hpp>
#include <agentdesk/events/core.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/bus_log.hpp"
#include "engine/demo_hash.hpp"
#include "engine/scratch_dir.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

using namespace agentdesk;
using namespace agentdesk::engine;
using agentdesk::testing::BusLog;
using agentdesk::testing::ScratchDir;
using namespace std::chrono_literals;

namespace {

CenterConfig chatCenter() {
    CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    using agentdesk::testing::demoUser;
    config.users = {demoUser("anna", {"support"}, "Anna Kowalski"), demoUser("ben", {"support"}, "Ben Okafor"),
                    demoUser("sam", {"support"}, "Sam Reyes", "supervisor")};
    ServiceConfig chat;
    chat.id = "support-chat";
    chat.name = "Web chat support";
    chat.channel = Channel::Chat;
    chat.skills = {"support"};
    chat.afterCallWork = WrapUp::untilCompleted();
    chat.dispositions = {"Resolved", "Escalated"};
    ServiceConfig quick = chat;
    quick.id = "quick-chat";
    quick.name = "Quick questions";
    quick.afterCallWork = WrapUp::none();
    ServiceConfig voice;
    voice.id = "support-voice";
    voice.name = "Support line";
    voice.skills = {"support"};
    config.services = {chat, quick, voice};
    config.customers = {Customer{"c-1", "Maria Lopez", "+34 612 345 678", "maria@example.es", ""},
                        Customer{"c-2", "John Miller", "+1 206 555 0143", "john@example.com", ""}};
    ChatScript script;
    script.subject = "Where is my order?";
    script.opening = "My order has not arrived.";
    script.replies = {{"It is order 100482.", {}}, {"OK, I will wait.", {}}};
    script.closing = "Thanks, bye.";
    script.coBrowsePage = "https://shop.example/orders/100482";
    ChatScript shy;
    shy.subject = "Private matter";
    shy.opening = "I have a question.";
    shy.closing = "Bye.";
    config.chat.scripts = {script, shy};
    config.chat.maxFileBytes = 1024;
    config.chat.forms = {SecureFormConfig{"card-payment", "Card payment", {"Card number", "Expiry"}}};
    config.chat.canned = {events::CannedResponse{"greet", "Greetings", "hi", "Greeting", "Hello!", false}};
    return config;
}

struct ChatDesk {
    ScratchDir dir{"agentdesk-chat"};
    Harness harness;
    BusLog log{harness.bus};
    ContactCenter center{harness.bus, harness.clock, harness.timers, chatCenter()};
    EngineStore store{EngineStore::fileIn(dir.path())};
    ChatService chats{center, harness.bus, harness.clock, store};
    ChatCustomers customers{center, chats, harness.bus, harness.clock, harness.timers};

    ChatDesk() {
        for (const char* name : {"anna", "ben", "sam"}) {
            REQUIRE(harness.bus.publish(events::LoginRequest{name, "demo", PhoneDevice::Softphone, {}, false}));
        }
    }
    void ready(const char* agentId) { REQUIRE_FALSE(center.setState(agentId, AgentState::Ready, {})); }
    /// A scripted chat from Maria, accepted by `agentId`.
    std::string acceptedChat(const char* agentId, std::string service = "support-chat",
                             std::string subject = "Where is my order?", std::string customer = "c-1") {
        Arrival arrival{std::move(service), std::move(customer), {}, std::move(subject), std::nullopt};
        applyChatScript(arrival, center.config());
        auto id = center.arrive(arrival);
        REQUIRE(id);
        REQUIRE_FALSE(center.accept(agentId, *id));
        return *id;
    }
    template <typename Command>
    std::uint64_t send(Command command) {
        return harness.bus.publish(std::move(command));
    }
    std::vector<events::ChatMessage> linesOf(const std::string& id) const {
        std::vector<events::ChatMessage> lines;
        for (const auto& [line, message] : log.all<events::ChatMessage>()) {
            if (line.interactionId == id) lines.push_back(line);
        }
        return lines;
    }
};

}  // namespace

TEST_CASE("a chat rings with the customer's first message, and the transcript starts with it") {
    ChatDesk desk;
    desk.ready("u-anna");
    Arrival arrival{"support-chat", "c-1", {}, "Where is my order?", std::nullopt};
    applyChatScript(arrival, desk.center.config());
    const std::string id = *desk.center.arrive(arrival);
    const auto offer = desk.log.last<events::Offered>().first;
    CHECK(offer.preview == "My order has not arrived.");
    CHECK(offer.medium == ChatMedium::WebChat);
    CHECK(offer.from == "Maria Lopez");

    REQUIRE_FALSE(desk.center.accept("u-anna", id));
    const std::uint64_t asked = desk.send(events::GetTranscript{id, "u-anna"});
    const auto [transcript, message] = desk.log.last<events::ChatTranscript>();
    CHECK(message.correlation == asked);
    REQUIRE(transcript.messages.size() == 1);
    CHECK(transcript.messages[0].from == events::Party::Customer);
    CHECK(transcript.messages[0].text == "My order has not arrived.");
}

TEST_CASE("the customer reads the agent's message, types, answers from the script, and finally leaves") {
    ChatDesk desk;
    desk.ready("u-anna");
    const std::string id = desk.acceptedChat("u-anna");
    desk.send(events::SendChat{id, "u-anna", "Could you give me your order number?"});
    auto lines = desk.linesOf(id);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].from == events::Party::Agent);
    CHECK(lines[0].authorName == "Anna Kowalski");
    CHECK(lines[0].delivery == events::Delivery::Sent);
    const std::string sent = lines[0].messageId;

    desk.harness.advance(2s);
    auto receipts = desk.log.all<events::ChatDelivery>();
    REQUIRE(receipts.size() == 2);
    CHECK(receipts[0].first.delivery == events::Delivery::Delivered);
    CHECK(receipts[1].first.delivery == events::Delivery::Read);
    CHECK(receipts[1].first.messageId == sent);

    desk.harness.advance(1s);
    REQUIRE(desk.log.count<events::ChatTyping>() == 1);
    CHECK(desk.log.last<events::ChatTyping>().first.typing);
    desk.harness.advance(ChatCustomers::typingTime("It is order 100482."));
    lines = desk.linesOf(id);
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].from == events::Party::Customer);
    CHECK(lines[1].text == "It is order 100482.");
    CHECK_FALSE(desk.log.last<events::ChatTyping>().first.typing);

    desk.send(events::SendChat{id, "u-anna", "Thanks, it is on its way."});
    desk.harness.advance(15s);
    desk.send(events::SendChat{id, "u-anna", "Anything else?"});
    desk.harness.advance(3s + ChatCustomers::typingTime("Thanks, bye."));
    lines = desk.linesOf(id);
    CHECK(lines.back().text == "Thanks, bye.");
    CHECK(desk.center.interaction(id)->stage == Stage::Connected);
    desk.harness.advance(4s);
    const auto ended = desk.log.last<events::Ended>().first;
    CHECK(ended.by == events::EndedBy::Customer);
    CHECK(ended.wrapUp);
    CHECK(desk.linesOf(id).back().text == "Maria Lopez left the chat");

    // Nothing more can be sent, and the whole conversation is in the database.
    const std::uint64_t late = desk.send(events::SendChat{id, "u-anna", "Hello?"});
    REQUIRE(desk.log.errorFor(late));
    CHECK(desk.log.errorFor(late)->code == "invalid_state");
    const auto stored = desk.store.chatMessages(id);
    CHECK(stored.size() == desk.linesOf(id).size() + 1);  // + the opening line
    CHECK(stored[1].delivery == events::Delivery::Read);
    REQUIRE_FALSE(desk.center.complete("u-anna", id, "Resolved", ""));
}

TEST_CASE("/ban ends the chat at once, puts the agent in wrap-up, and refuses that customer's next chat") {
    ChatDesk desk;
    desk.ready("u-anna");
    const std::string id = desk.acceptedChat("u-anna", "quick-chat");  // a service without wrap-up
    desk.send(events::BanCustomer{id, "u-anna"});
    CHECK(desk.log.last<events::CustomerBanned>().first.identity == "Maria Lopez");
    const auto ended = desk.log.last<events::Ended>().first;
    CHECK(ended.wrapUp);
    CHECK(desk.center.agentState("u-anna")->state() == AgentState::AfterCallWork);
    CHECK(desk.store.isBanned("+34 612 345 678"));
    REQUIRE_FALSE(desk.center.complete("u-anna", id, "", ""));

    // The same customer again, by chat and by text message (her phone number): refused.
    auto refusal = desk.center.checkArrival(Arrival{"support-chat", "c-1", {}, {}, std::nullopt});
    REQUIRE(refusal);
    CHECK(refusal->code == "customer_blacklisted");
    CHECK_FALSE(desk.center.arrive(Arrival{"support-chat", "", "+34 612 345 678", {}, std::nullopt, ChatMedium::Sms}));
    // Another customer, and a phone call from her, are still taken.
    CHECK(desk.center.arrive(Arrival{"support-chat", "c-2", {}, {}, std::nullopt}));
    CHECK(desk.center.arrive(Arrival{"support-voice", "c-1", {}, {}, std::nullopt}));

    // Only a supervisor lifts a ban.
    const std::uint64_t byAgent = desk.send(events::LiftBan{"u-anna", "Maria Lopez"});
    CHECK(desk.log.errorFor(byAgent)->code == "no_permission");
    for (const char* identity : {"Maria Lopez", "+34 612 345 678", "maria@example.es"}) {
        desk.send(events::LiftBan{"u-sam", identity});
    }
    CHECK(desk.log.count<events::BanLifted>() == 3);
    CHECK_FALSE(desk.center.checkArrival(Arrival{"support-chat", "c-1", {}, {}, std::nullopt}));
}

TEST_CASE("an agent handles three chats at once, each with its own transcript") {
    ChatDesk desk;
    desk.ready("u-anna");
    std::vector<std::string> ids;
    for (int i = 0; i < 3; ++i) ids.push_back(desk.acceptedChat("u-anna"));
    CHECK(desk.center.interactionsOf("u-anna").size() == 3);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        desk.send(events::SendChat{ids[i], "u-anna", fmt::format("message {}", i)});
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto* transcript = desk.chats.transcript(ids[i]);
        REQUIRE(transcript);
        REQUIRE(transcript->size() == 2);
        CHECK(transcript->back().text == fmt::format("message {}", i));
    }
    // A fourth waits: capacity is three chats.
    Arrival fourth{"support-chat", "c-2", {}, {}, std::nullopt};
    const std::string waiting = *desk.center.arrive(fourth);
    CHECK(desk.center.interaction(waiting)->stage == Stage::Queued);
}

TEST_CASE("a chat transferred to a colleague rings there with the note, and the transcript goes with it") {
    ChatDesk desk;
    desk.ready("u-anna");
    const std::string id = desk.acceptedChat("u-anna");
    desk.send(events::SendChat{id, "u-anna", "Let me pass you to billing."});

    const std::uint64_t notReady = desk.send(events::TransferChat{id, "u-anna", "u-ben", "", "refund"});
    REQUIRE(desk.log.errorFor(notReady));
    CHECK(desk.log.errorFor(notReady)->code == "target_unavailable");
    CHECK(desk.log.errorFor(notReady)->message.find("Ben Okafor is Not Ready") != std::string::npos);

    desk.ready("u-ben");
    desk.send(events::TransferChat{id, "u-anna", "u-ben", "", "wants a refund for order 100482"});
    const auto ended = desk.log.last<events::Ended>().first;
    CHECK(ended.agentId == "u-anna");
    CHECK(ended.by == events::EndedBy::Transferred);
    CHECK_FALSE(ended.wrapUp);
    CHECK(desk.center.agentState("u-anna")->state() == AgentState::Ready);
    const auto offer = desk.log.last<events::Offered>().first;
    CHECK(offer.agentId == "u-ben");
    CHECK(offer.transferNote == "wants a refund for order 100482");

    REQUIRE_FALSE(desk.center.accept("u-ben", id));
    desk.send(events::GetTranscript{id, "u-ben"});
    const auto transcript = desk.log.last<events::ChatTranscript>().first.messages;
    REQUIRE(transcript.size() == 3);
    CHECK(transcript[1].text == "Let me pass you to billing.");
    CHECK(transcript[2].from == events::Party::System);
    CHECK(transcript[2].text == "Anna Kowalski transferred the chat: wants a refund for order 100482");
    // Anna is out of it.
    const std::uint64_t stale = desk.send(events::SendChat{id, "u-anna", "still there?"});
    CHECK(desk.log.errorFor(stale)->code == "not_yours");
}

TEST_CASE("a chat transferred to a service waits in its queue for the next agent") {
    ChatDesk desk;
    desk.ready("u-anna");
    const std::string id = desk.acceptedChat("u-anna");
    const std::uint64_t wrong = desk.send(events::TransferChat{id, "u-anna", "", "support-voice", ""});
    CHECK(desk.log.errorFor(wrong)->message == "Support line does not take Chat interactions.");
    desk.send(events::TransferChat{id, "u-anna", "", "quick-chat", ""});
    // Anna is Ready again and the chat is routed straight back to the only Ready agent: her.
    const auto offer = desk.log.last<events::Offered>().first;
    CHECK(offer.serviceId == "quick-chat");
    CHECK(desk.center.interaction(id)->service->id == "quick-chat");
}

TEST_CASE("files: too large or of a forbidden type are refused with the limit - others are stored and fetched") {
    ChatDesk desk;
    desk.ready("u-anna");
    const std::string id = desk.acceptedChat("u-anna");
    const std::uint64_t big = desk.send(events::SendFile{id, "u-anna", "scan.pdf", "application/pdf", std::vector<char>(2048, 'x'), ""});
    REQUIRE(desk.log.errorFor(big));
    CHECK(desk.log.errorFor(big)->code == "file_too_large");
    CHECK(desk.log.errorFor(big)->message == "\"scan.pdf\" is 2 KB; files in a chat may be at most 1 KB.");
    const std::uint64_t exe = desk.send(events::SendFile{id, "u-anna", "setup.exe", "application/x-msdownload", {'M', 'Z'}, ""});
    CHECK(desk.log.errorFor(exe)->code == "file_type_not_allowed");
    CHECK(desk.linesOf(id).empty());

    desk.send(events::SendFile{id, "u-anna", "label.png", "image/png", {'\x89', 'P', 'N', 'G'}, "Your return label"});
    const auto line = desk.linesOf(id).back();
    REQUIRE(line.attachments.size() == 1);
    CHECK(line.attachments[0].sizeBytes == 4);
    CHECK(line.text == "Your return label");
    desk.send(events::GetFile{line.attachments[0].fileId});
    const auto file = desk.log.last<events::ChatFile>().first;
    CHECK(file.name == "label.png");
    CHECK(file.data == std::vector<char>{'\x89', 'P', 'N', 'G'});
}

TEST_CASE("a secure form's values go to secure storage, never into the transcript") {
    ChatDesk desk;
    desk.ready("u-anna");
    const std::string id = desk.acceptedChat("u-anna");
    desk.send(events::GetForms{"u-anna"});
    const auto forms = desk.log.last<events::ChatForms>().first.forms;
    REQUIRE(forms.size() == 1);
    CHECK(forms[0].title == "Card payment");
    desk.send(events::SendForm{id, "u-anna", forms[0].id});
    CHECK(desk.log.last<events::ChatForm>().first.status == events::FormStatus::Sent);
    desk.harness.advance(7s);
    const auto filled = desk.log.last<events::ChatForm>().first;
    CHECK(filled.status == events::FormStatus::Filled);
    REQUIRE_FALSE(filled.reference.empty());
    const auto values = desk.store.secureForm(filled.reference);
    REQUIRE(values);
    CHECK(values->at("Card number") == "4111 1111 1111 1111");
    for (const auto& line : desk.store.chatMessages(id)) CHECK(line.text.find("4111") == std::string::npos);
    CHECK(desk.linesOf(id).back().text == "Card payment received (kept in secure storage)");
}

TEST_CASE("co-browsing: requested, then active on the customer's page, and stopped by the agent") {
    ChatDesk desk;
    desk.ready("u-anna");
    const std::string id = desk.acceptedChat("u-anna");
    desk.send(events::RequestCoBrowse{id, "u-anna"});
    CHECK(desk.log.last<events::ChatCoBrowse>().first.state == events::CoBrowseState::Requested);
    desk.harness.advance(3s);
    const auto active = desk.log.last<events::ChatCoBrowse>().first;
    CHECK(active.state == events::CoBrowseState::Active);
    CHECK(active.url == "https://shop.example/orders/100482");
    desk.send(events::StopCoBrowse{id, "u-anna"});
    CHECK(desk.log.last<events::ChatCoBrowse>().first.state == events::CoBrowseState::Ended);

    // A customer whose script names no page declines.
    desk.ready("u-ben");
    const std::string shy = desk.acceptedChat("u-ben", "support-chat", "Private matter", "c-2");
    desk.send(events::RequestCoBrowse{shy, "u-ben"});
    desk.harness.advance(3s);
    CHECK(desk.log.last<events::ChatCoBrowse>().first.state == events::CoBrowseState::Declined);
}

TEST_CASE("canned responses: shared ones from configuration, personal ones created, edited, deleted and kept") {
    ChatDesk desk;
    desk.send(events::GetCanned{"u-anna"});
    CHECK(desk.log.last<events::CannedList>().first.responses.size() == 1);

    desk.send(events::SaveCanned{"u-anna", {"", "", "ret", "Return label", "The label is in your inbox.", true}});
    auto list = desk.log.last<events::CannedList>().first.responses;
    REQUIRE(list.size() == 2);
    CHECK(list[1].personal);
    CHECK(list[1].category == "My responses");
    events::CannedResponse edited = list[1];
    edited.text = "The prepaid label is in your inbox.";
    desk.send(events::SaveCanned{"u-anna", edited});
    list = desk.log.last<events::CannedList>().first.responses;
    REQUIRE(list.size() == 2);
    CHECK(list[1].text == "The prepaid label is in your inbox.");
    CHECK(desk.store.personalCanned("u-ben").empty());

    const std::uint64_t shared = desk.send(events::SaveCanned{"u-anna", {"greet", "", "", "Hi", "Changed", false}});
    CHECK(desk.log.errorFor(shared)->code == "not_yours");
    const std::uint64_t empty = desk.send(events::SaveCanned{"u-anna", {"", "", "", " ", "text", true}});
    CHECK(desk.log.errorFor(empty)->code == "invalid_input");

    desk.send(events::DeleteCanned{"u-anna", edited.id});
    CHECK(desk.log.last<events::CannedList>().first.responses.size() == 1);
}

TEST_CASE("chat.json: a script naming a file that is not there is refused with the entry and the fix") {
    ScratchDir dir{"agentdesk-chatcfg"};
    const auto content = nlohmann::json::parse(R"({"scripts": [{"opening": "Hi", "closing": "Bye",
        "replies": [{"text": "photo", "file": "files/missing.png"}]}]})");
    CHECK_THROWS_WITH_AS(parseChatSettings(content, dir.path()),
                         "chat script 1, reply 1: the file \"files/missing.png\" is not in the scenario folder",
                         ConfigError);
}

TEST_CASE("the shipped scenario's chat scripts and canned responses load") {
    const CenterConfig config = loadCenterConfig(std::filesystem::path(AGENTDESK_TEST_ASSETS) / "scenario");
    for (const ServiceConfig& service : config.services) {
        if (service.channel != Channel::Chat) continue;
        for (const std::string& subject : service.subjects) {
            const ChatScript* script = config.chat.scriptFor(subject);
            REQUIRE(script);
            CHECK_MESSAGE(script->subject == subject, "no script written for \"" << subject << "\"");
        }
    }
    CHECK(config.chat.canned.size() >= 8);
    CHECK(config.chat.findForm("card-payment"));
}
