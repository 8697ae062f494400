// The email channel against the embedded contact center: cases and threads, replies with wrap-up,
// the team queue, drafts that outlive a restart, masking, forwarding and transfer, follow-ups and
// search, as a desktop sees them on the bus and as they are kept in engine.db.

#include "model/contact_center.hpp"
#include "model/email_masking.hpp"
#include "store/email_archive.hpp"
#include "store/email_service.hpp"
#include "store/engine_store.hpp"
#include "store/migrations.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/events/email.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/bus_log.hpp"
#include "engine/demo_hash.hpp"
#include "engine/scratch_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <memory>

using namespace agentdesk;
using namespace agentdesk::engine;
using agentdesk::testing::BusLog;
using agentdesk::testing::ScratchDir;
using namespace std::chrono_literals;

namespace {

CenterConfig emailCenter() {
    CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    using agentdesk::testing::demoUser;
    config.users = {demoUser("anna", {"support"}, "Anna Kowalski"), demoUser("ben", {"support"}, "Ben Okafor")};
    ServiceConfig email;
    email.id = "support-email";
    email.name = "Support email";
    email.channel = Channel::Email;
    email.skills = {"support"};
    email.afterCallWork = WrapUp::untilCompleted();
    email.dispositions = {"Resolved", "Spam", "No reply needed"};
    email.subjectFiles = {{"Damaged parcel", {"files/damaged-parcel.png"}}};
    ServiceConfig billing = email;
    billing.id = "billing-email";
    billing.name = "Billing email";
    billing.skills = {"billing"};
    config.services = {email, billing};
    config.customers = {Customer{"c-1", "Maria Lopez", "+34 612 345 678", "maria@example.es", ""},
                        Customer{"c-2", "John Miller", "+1 206 555 0143", "john@example.com", ""}};
    config.scenarioDir = std::filesystem::path(AGENTDESK_TEST_ASSETS) / "scenario";
    return config;
}

InboundEmail mail(std::string from, std::string subject, std::string body) {
    InboundEmail email;
    email.serviceId = "support-email";
    email.from = std::move(from);
    email.subject = std::move(subject);
    email.plainBody = std::move(body);
    return email;
}

/// A case search as an agent would type it.
struct Search {
    events::SearchEmail query;
    Search() { query.agentId = "u-anna"; }
    Search& text(std::string t) { query.text = std::move(t); return *this; }
    Search& customer(std::string c) { query.customer = std::move(c); return *this; }
    Search& state(std::string s) { query.state = std::move(s); return *this; }
    Search& fromMs(std::int64_t ms) { query.fromMs = ms; return *this; }
    Search& toMs(std::int64_t ms) { query.toMs = ms; return *this; }
    operator const events::SearchEmail&() const { return query; }
};

struct EmailDesk {
    ScratchDir dir{"agentdesk-email"};
    Harness harness;
    BusLog log{harness.bus};
    ContactCenter center{harness.bus, harness.clock, harness.timers, emailCenter()};
    std::unique_ptr<EngineStore> store = std::make_unique<EngineStore>(EngineStore::fileIn(dir.path()));
    std::unique_ptr<EmailArchive> archive = std::make_unique<EmailArchive>(*store);
    std::unique_ptr<EmailService> emails =
        std::make_unique<EmailService>(center, *archive, harness.bus, harness.clock, harness.timers);

    EmailDesk() {
        for (const char* name : {"anna", "ben"}) {
            REQUIRE(harness.bus.publish(events::LoginRequest{name, "demo", PhoneDevice::Softphone, {}, false}));
        }
    }
    void ready(const char* agentId) { REQUIRE_FALSE(center.setState(agentId, AgentState::Ready, {})); }
    /// An email from Maria, accepted by Anna.
    std::string acceptedEmail(std::string subject = "Broken zip on a jacket",
                              std::string body = "The zipper of my jacket broke after a week.") {
        ready("u-anna");
        auto id = emails->customerWrites(mail("maria@example.es", std::move(subject), std::move(body)));
        REQUIRE(id);
        REQUIRE_FALSE(center.accept("u-anna", *id));
        return *id;
    }
    template <typename Command>
    std::uint64_t send(Command command) {
        return harness.bus.publish(std::move(command));
    }
    events::EmailCase caseOf(std::string caseId, std::string interactionId = {}, std::string agentId = "u-anna") {
        const std::uint64_t asked = send(events::GetEmailCase{agentId, caseId, interactionId});
        const auto [found, message] = log.last<events::EmailCase>();
        REQUIRE(message.correlation == asked);
        return found;
    }
    /// Reopens engine.db as after a restart of the desktop.
    void restart() {
        emails.reset();
        archive.reset();
        store.reset();
        store = std::make_unique<EngineStore>(EngineStore::fileIn(dir.path()));
        archive = std::make_unique<EmailArchive>(*store);
        emails = std::make_unique<EmailService>(center, *archive, harness.bus, harness.clock, harness.timers);
    }
    std::int64_t rowsWhere(std::string_view condition, std::string_view text) {
        Statement query = store->database().prepare(
            std::string("SELECT count(*) FROM email_messages WHERE ") + std::string(condition));
        query.bind(1, text);
        query.step();
        return query.columnInt64(0);
    }
};

}  // namespace

TEST_CASE("card numbers and account ids are found - order numbers and phone numbers are left alone") {
    const std::string text = "Card 4111 1111 1111 1111, order 100482, phone +1 206 555 0143, IBAN DE89370400440532013000.";
    int masked = 0;
    const std::string out = maskDetected(text, &masked);
    CHECK(masked == 2);
    CHECK(out == "Card **** **** **** 1111, order 100482, phone +1 206 555 0143, IBAN ******************3000.");
    CHECK(findSensitiveData("4111 1111 1111 1112").empty());  // fails the Luhn check
    CHECK(maskSpans("Passport X12 éa", {{9, 7}}) == "Passport *** **");  // é is two bytes, one star
}

TEST_CASE("a new email opens a case that waits in its service's queue with the message stored") {
    EmailDesk desk;
    InboundEmail email = mail("maria@example.es", "Damaged parcel", "The box arrived crushed.");
    email.htmlBody = "<p>The box arrived <b>crushed</b>.</p>";
    email.cc = "partner@example.es";
    email.attachments = {{"box.jpg", "image/jpeg", 245'000}};
    const auto id = desk.emails->customerWrites(email);
    REQUIRE(id);
    const auto queued = desk.log.last<events::Queued>().first;
    CHECK(queued.channel == Channel::Email);
    CHECK(queued.from == "maria@example.es");
    const auto received = desk.log.last<events::EmailReceived>().first;
    CHECK(received.summary.interactionId == *id);
    CHECK(received.message.plainBody == "The box arrived crushed.");
    const events::EmailCase found = desk.caseOf({}, *id);
    CHECK(found.summary.caseId == "C-1001");
    CHECK(found.summary.state == events::CaseState::Queued);
    CHECK(found.summary.customerId == "c-1");
    REQUIRE(found.threads.size() == 1);
    REQUIRE(found.threads[0].messages.size() == 1);
    const events::EmailMessage& stored = found.threads[0].messages[0];
    CHECK(stored.kind == events::EmailKind::Inbound);
    CHECK(stored.cc == "partner@example.es");
    CHECK(stored.htmlBody == "<p>The box arrived <b>crushed</b>.</p>");
    REQUIRE(stored.attachments.size() == 1);
    CHECK(stored.attachments[0].sizeBytes == 245'000);
    CHECK(stored.headers.contains("Message-ID"));
}

TEST_CASE("an email the simulation sends without a text gets one about its subject") {
    EmailDesk desk;
    const auto id = desk.center.arrive(Arrival{"support-email", "c-2", {}, "Exchange for a larger size", std::nullopt});
    REQUIRE(id);
    const events::EmailMessage message = desk.caseOf({}, *id).threads.at(0).messages.at(0);
    CHECK(message.from == "john@example.com");
    CHECK(message.plainBody.starts_with("Hello,\n\nExchange for a larger size: could you help me with this?"));
    CHECK(message.plainBody.ends_with("John Miller"));
    REQUIRE(desk.emails->customerWrites(mail("john@example.com", "Empty", "")));
    CHECK_FALSE(desk.log.last<events::EmailReceived>().first.message.plainBody.empty());
}

TEST_CASE("an accepted email answered with a quote is kept in its thread and the agent wraps up") {
    EmailDesk desk;
    const std::string id = desk.acceptedEmail();
    CHECK(desk.center.agentState("u-anna")->state() == AgentState::Busy);
    const std::string caseId = desk.caseOf({}, id).summary.caseId;
    CHECK(desk.caseOf(caseId).summary.state == events::CaseState::Open);

    const std::uint64_t empty = desk.send(events::ReplyEmail{id, "u-anna", 0, false, true, "  "});
    CHECK(desk.log.errorFor(empty)->code == "invalid_input");
    const std::uint64_t sent = desk.send(events::ReplyEmail{id, "u-anna", 0, false, true, "We will send a new jacket."});
    const auto [reply, message] = desk.log.last<events::EmailSent>();
    CHECK(message.correlation == sent);
    CHECK(reply.message.kind == events::EmailKind::Reply);
    CHECK(reply.message.to == "maria@example.es");
    CHECK(reply.message.subject == "Re: [C-1001] Broken zip on a jacket");
    CHECK(reply.message.plainBody.starts_with("We will send a new jacket.\n\nOn "));
    CHECK(reply.message.plainBody.find("> The zipper of my jacket broke after a week.") != std::string::npos);

    const auto ended = desk.log.last<events::Ended>().first;
    CHECK(ended.interactionId == id);
    CHECK(ended.wrapUp);
    CHECK(desk.center.agentState("u-anna")->state() == AgentState::AfterCallWork);
    const events::EmailCase afterReply = desk.caseOf(caseId);
    REQUIRE(afterReply.threads.size() == 1);
    CHECK(afterReply.threads[0].messages.size() == 2);
    CHECK(afterReply.threads[0].messages[1].agentId == "u-anna");

    REQUIRE_FALSE(desk.center.complete("u-anna", id, "Resolved", ""));
    CHECK(desk.caseOf(caseId).summary.state == events::CaseState::Closed);
    CHECK(desk.center.agentState("u-anna")->state() == AgentState::Ready);
}

TEST_CASE("a simulated customer thanks for the first reply in the thread it answers, once") {
    EmailDesk desk;
    bool simulating = true;
    desk.emails->simulateCustomerAnswers([&] { return simulating; }, 40min);
    const std::string id = desk.acceptedEmail();
    desk.send(events::ReplyEmail{id, "u-anna", 0, false, true, "Please send a photo."});
    REQUIRE_FALSE(desk.center.complete("u-anna", id, "Resolved", ""));
    desk.harness.advance(40min - 1s);
    CHECK(desk.log.count<events::EmailReceived>() == 1);
    desk.harness.advance(1s);
    REQUIRE(desk.log.count<events::EmailReceived>() == 2);
    const auto answer = desk.log.last<events::EmailReceived>().first;
    CHECK(answer.summary.caseId == "C-1001");
    CHECK(answer.message.subject == "Re: [C-1001] Broken zip on a jacket");
    CHECK(desk.caseOf("C-1001").threads.size() == 1);  // in the thread of the reply
    // The second reply gets no answer: the conversation does not go on for ever.
    REQUIRE_FALSE(desk.center.accept("u-anna", answer.summary.interactionId));
    desk.send(events::ReplyEmail{answer.summary.interactionId, "u-anna", 0, false, true, "You are welcome."});
    desk.harness.advance(2h);
    CHECK(desk.log.count<events::EmailReceived>() == 2);
    // Nor is a first reply answered while the simulation is stopped.
    REQUIRE_FALSE(desk.center.complete("u-anna", answer.summary.interactionId, "Resolved", ""));
    simulating = false;
    const std::string other = desk.acceptedEmail("Gloves", "Do you sell gloves?");
    desk.send(events::ReplyEmail{other, "u-anna", 0, false, true, "Yes, in three sizes."});
    desk.harness.advance(2h);
    CHECK(desk.log.count<events::EmailReceived>() == 3);
}

TEST_CASE("closing without a reply needs a disposition of the service and goes through wrap-up") {
    EmailDesk desk;
    const std::string id = desk.acceptedEmail("Win a prize", "Click here");
    const std::uint64_t wrong = desk.send(events::CloseEmail{id, "u-anna", "Lottery", ""});
    CHECK(desk.log.errorFor(wrong)->code == "unknown_disposition");
    desk.send(events::CloseEmail{id, "u-anna", "Spam", "obvious spam"});
    const auto completed = desk.log.last<events::Completed>().first;
    CHECK(completed.interactionId == id);
    CHECK(completed.disposition == "Spam");
    CHECK(completed.notes == "obvious spam");
    CHECK(desk.log.count<events::EmailSent>() == 0);
    CHECK(desk.archive->search(Search().state("Closed")).size() == 1);
}

TEST_CASE("an agent who is Not Ready pulls a waiting email from the team queue") {
    EmailDesk desk;
    const auto id = desk.emails->customerWrites(mail("john@example.com", "Invoice copy needed", "Please send it."));
    REQUIRE(id);
    CHECK(desk.log.count<events::Offered>() == 0);  // nobody is Ready: it waits
    desk.send(events::GetEmailQueue{"u-anna"});
    const auto queue = desk.log.last<events::EmailQueue>().first;
    REQUIRE(queue.waiting.size() == 1);
    CHECK(queue.waiting[0].interactionId == *id);
    CHECK(queue.waiting[0].subject == "Invoice copy needed");

    desk.send(events::PullEmail{*id, "u-anna"});
    const auto connected = desk.log.last<events::Connected>().first;
    CHECK(connected.interactionId == *id);
    CHECK(connected.agentId == "u-anna");
    CHECK(desk.caseOf(queue.waiting[0].caseId).summary.ownerId == "u-anna");
    const std::uint64_t again = desk.send(events::PullEmail{*id, "u-ben"});
    CHECK(desk.log.errorFor(again)->code == "unknown_interaction");
    desk.send(events::GetEmailQueue{"u-ben"});
    CHECK(desk.log.last<events::EmailQueue>().first.waiting.empty());
}

TEST_CASE("a draft is kept in the store and is there again after a restart") {
    EmailDesk desk;
    const std::string id = desk.acceptedEmail();
    const std::string caseId = desk.caseOf({}, id).summary.caseId;
    desk.send(events::SaveEmailDraft{caseId, "u-anna", "Dear Maria, we are"});
    CHECK(desk.log.last<events::EmailDraft>().first.body == "Dear Maria, we are");
    desk.restart();
    CHECK(desk.caseOf(caseId).draft == "Dear Maria, we are");
    desk.send(events::GetEmailDraft{caseId, "u-anna"});
    CHECK(desk.log.last<events::EmailDraft>().first.body == "Dear Maria, we are");
    desk.send(events::GetEmailDraft{caseId, "u-ben"});
    CHECK(desk.log.last<events::EmailDraft>().first.body.empty());  // drafts are the agent's own
    // Sending the reply uses the draft up.
    desk.send(events::ReplyEmail{id, "u-anna", 0, false, false, "Dear Maria, we are sorry."});
    CHECK(desk.caseOf(caseId).draft.empty());
}

TEST_CASE("a card number in a reply is masked before the reply is stored") {
    EmailDesk desk;
    const std::string id = desk.acceptedEmail();
    desk.send(events::ReplyEmail{id, "u-anna", 0, false, false, "We charged 4111 1111 1111 1111 again."});
    CHECK(desk.log.last<events::EmailSent>().first.message.plainBody == "We charged **** **** **** 1111 again.");
    CHECK(desk.rowsWhere("instr(body, ?1) > 0", "4111 1111 1111 1111") == 0);
    CHECK(desk.rowsWhere("instr(body, ?1) > 0", "**** **** **** 1111") == 1);
}

TEST_CASE("masking a customer's email replaces the stored text for good - search no longer finds it") {
    EmailDesk desk;
    InboundEmail email = mail("maria@example.es", "Refund", "My card 5500 0000 0000 0004 and passport K7731 please.");
    email.htmlBody = "<p>My card 5500 0000 0000 0004 and passport K7731 please.</p>";
    desk.ready("u-anna");
    const auto id = desk.emails->customerWrites(email);
    REQUIRE_FALSE(desk.center.accept("u-anna", *id));
    const events::EmailCase found = desk.caseOf({}, *id);
    const std::int64_t messageId = found.threads[0].messages[0].messageId;
    CHECK(desk.archive->search(Search().text("K7731")).size() == 1);

    const std::uint64_t stranger = desk.send(events::MaskEmail{"u-ben", messageId, {}, true});
    CHECK(desk.log.errorFor(stranger)->code == "not_yours");
    const std::size_t at = email.plainBody.find("K7731");
    desk.send(events::MaskEmail{"u-anna", messageId, {{static_cast<std::int64_t>(at), 5}}, true});
    const auto masked = desk.log.last<events::EmailMasked>().first;
    CHECK(masked.masked == 2);
    CHECK(masked.message.plainBody == "My card **** **** **** 0004 and passport ***** please.");
    CHECK(masked.message.htmlBody == "<p>My card **** **** **** 0004 and passport ***** please.</p>");
    CHECK(desk.rowsWhere("instr(body, ?1) > 0 OR instr(html_body, ?1) > 0", "K7731") == 0);
    CHECK(desk.rowsWhere("instr(body, ?1) > 0 OR instr(html_body, ?1) > 0", "5500 0000") == 0);
    CHECK(desk.archive->search(Search().text("K7731")).empty());
    CHECK(desk.archive->search(Search().text("passport")).size() == 1);
}

TEST_CASE("a customer's answer with the case number joins the case in the thread it answers") {
    EmailDesk desk;
    const std::string first = desk.acceptedEmail();
    desk.send(events::ReplyEmail{first, "u-anna", 0, false, true, "Please send a photo of the zip."});
    const events::EmailMessage reply = desk.log.last<events::EmailSent>().first.message;
    REQUIRE_FALSE(desk.center.complete("u-anna", first, "Resolved", ""));

    InboundEmail answer = mail("maria@example.es", "Re: [C-1001] Broken zip on a jacket", "Here is the photo.");
    answer.headers["In-Reply-To"] = reply.headers.at("Message-ID");
    const auto second = desk.emails->customerWrites(answer);
    REQUIRE(second);
    CHECK(*second != first);
    events::EmailCase found = desk.caseOf("C-1001");
    CHECK(found.summary.interactionId == *second);
    CHECK(found.summary.state != events::CaseState::Closed);
    REQUIRE(found.threads.size() == 1);
    CHECK(found.threads[0].messages.size() == 3);

    // The case number alone: same case, a thread of its own.
    REQUIRE(desk.emails->customerWrites(mail("maria@example.es", "[C-1001] Also the hood", "The hood tore too.")));
    found = desk.caseOf("C-1001");
    REQUIRE(found.threads.size() == 2);
    CHECK(found.threads[1].messages[0].plainBody == "The hood tore too.");
    // No case number: a new case.
    REQUIRE(desk.emails->customerWrites(mail("maria@example.es", "New question", "Do you sell gloves?")));
    CHECK(desk.archive->search(Search().customer("maria@")).size() == 2);
}

TEST_CASE("search finds cases by the words of a body, a customer, a state and dates") {
    EmailDesk desk;
    desk.harness.advance(1h);
    desk.emails->customerWrites(mail("maria@example.es", "Broken zip", "The zipper of my anorak broke."));
    desk.harness.advance(1h);
    const std::int64_t between = toEpochMs(desk.harness.clock.now());
    desk.emails->customerWrites(mail("john@example.com", "Boots", "The soles of my walking boots came off."));
    desk.emails->customerWrites(mail("john@example.com", "Invoice", "Please send the invoice again."));

    CHECK(desk.archive->search(Search().text("zipp")).empty());  // whole words, unless asked for a prefix
    desk.send(Search().text("zipp*").query);
    const auto found = desk.log.last<events::EmailSearchResults>().first.cases;
    REQUIRE(found.size() == 1);
    CHECK(found[0].customerAddress == "maria@example.es");
    CHECK(found[0].snippet.find("[zipper]") != std::string::npos);
    CHECK(desk.archive->search(Search().text("walking soles")).size() == 1);
    CHECK(desk.archive->search(Search().text("walking gloves")).empty());
    CHECK(desk.archive->search(Search().customer("john")).size() == 2);
    CHECK(desk.archive->search(Search().fromMs(between)).size() == 2);
    CHECK(desk.archive->search(Search().toMs(between)).size() == 1);
    CHECK(desk.archive->search(Search().state("Queued")).size() == 3);
    CHECK(desk.archive->search(Search().text("\"AND OR*")).empty());  // typed operators are text
}

TEST_CASE("forwarding records the message in the case and the agent keeps the email") {
    EmailDesk desk;
    const std::string id = desk.acceptedEmail();
    const std::uint64_t bad = desk.send(events::ForwardEmail{id, "u-anna", 0, "repairs at example", "see below"});
    CHECK(desk.log.errorFor(bad)->code == "invalid_address");
    desk.send(events::ForwardEmail{id, "u-anna", 0, "repairs@partner.example", "Can you fix this zip?"});
    const events::EmailMessage forward = desk.log.last<events::EmailSent>().first.message;
    CHECK(forward.kind == events::EmailKind::Forward);
    CHECK(forward.to == "repairs@partner.example");
    CHECK(forward.plainBody.starts_with("Can you fix this zip?\n\n---------- Forwarded message ----------"));
    const events::EmailCase found = desk.caseOf({}, id);
    REQUIRE(found.threads.size() == 1);
    CHECK(found.threads[0].messages.back().kind == events::EmailKind::Forward);
    CHECK(desk.center.interaction(id)->stage == Stage::Connected);
}

TEST_CASE("transfer hands the email to a colleague or to another service's queue") {
    EmailDesk desk;
    const std::string id = desk.acceptedEmail();
    const std::string caseId = desk.caseOf({}, id).summary.caseId;
    const std::uint64_t both = desk.send(events::TransferEmail{id, "u-anna", "u-ben", "billing-email", ""});
    CHECK(desk.log.errorFor(both)->code == "invalid_input");
    desk.ready("u-ben");
    desk.send(events::TransferEmail{id, "u-anna", "u-ben", "", "Ben knows this jacket"});
    CHECK(desk.log.last<events::Ended>().first.by == events::EndedBy::Transferred);
    const auto offer = desk.log.last<events::Offered>().first;
    CHECK(offer.agentId == "u-ben");
    CHECK(offer.transferNote == "Ben knows this jacket");
    CHECK(desk.caseOf(caseId).summary.ownerId == "u-ben");

    // Ben changes the service: the email waits in Billing's queue.
    REQUIRE_FALSE(desk.center.accept("u-ben", id));
    desk.send(events::TransferEmail{id, "u-ben", "", "billing-email", "A billing question"});
    const events::EmailCaseSummary moved = desk.caseOf(caseId).summary;
    CHECK(moved.serviceId == "billing-email");
    CHECK(moved.state == events::CaseState::Queued);
    CHECK(desk.center.queue("billing-email").size() == 1);
}

TEST_CASE("a follow-up reminds its agent at its time on the center's clock, also after a restart") {
    EmailDesk desk;
    const std::string id = desk.acceptedEmail();
    const std::string caseId = desk.caseOf({}, id).summary.caseId;
    const std::int64_t now = toEpochMs(desk.harness.clock.now());
    const std::uint64_t past = desk.send(events::ScheduleFollowUp{"u-anna", caseId, now - 1, "too late"});
    CHECK(desk.log.errorFor(past)->code == "invalid_input");
    desk.send(events::ScheduleFollowUp{"u-anna", caseId, now + 2 * 3'600'000, "Check the parcel arrived"});
    const auto scheduled = desk.log.last<events::EmailFollowUpScheduled>().first.followUp;
    CHECK(scheduled.subject == "Broken zip on a jacket");
    desk.restart();
    desk.harness.advance(2h - 1s);
    CHECK(desk.log.count<events::EmailFollowUpDue>() == 0);
    desk.harness.advance(1s);
    REQUIRE(desk.log.count<events::EmailFollowUpDue>() == 1);
    const auto due = desk.log.last<events::EmailFollowUpDue>().first.followUp;
    CHECK(due.followUpId == scheduled.followUpId);
    CHECK(due.agentId == "u-anna");
    CHECK(due.note == "Check the parcel arrived");
    desk.send(events::GetFollowUps{"u-anna"});
    const auto listed = desk.log.last<events::EmailFollowUps>().first.followUps;
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].due);
    // The follow-up email in the case is what was promised: the follow-up is done.
    desk.send(events::ComposeEmail{"u-anna", "", caseId, "maria@example.es", "Your parcel", "Did it arrive?"});
    CHECK(desk.log.last<events::EmailFollowUps>().first.followUps.empty());
    CHECK(desk.archive->openFollowUps("u-anna").empty());
}

TEST_CASE("a new outbound email opens a case and a follow-up email adds a thread to it") {
    EmailDesk desk;
    const std::uint64_t bad = desk.send(events::ComposeEmail{"u-anna", "support-email", "", "nobody", "Hi", "Text"});
    CHECK(desk.log.errorFor(bad)->code == "invalid_address");
    desk.send(events::ComposeEmail{"u-anna", "support-email", "", "john@example.com", "Your boots", "They are ready."});
    const events::EmailMessage sent = desk.log.last<events::EmailSent>().first.message;
    CHECK(sent.kind == events::EmailKind::Outbound);
    CHECK(sent.subject == "[C-1001] Your boots");
    events::EmailCase found = desk.caseOf(sent.caseId);
    CHECK(found.summary.customerId == "c-2");
    CHECK(found.summary.ownerId == "u-anna");
    desk.send(events::ComposeEmail{"u-anna", "", sent.caseId, "john@example.com", "Pick-up hours", "9 to 5."});
    found = desk.caseOf(sent.caseId);
    CHECK(found.threads.size() == 2);
}

TEST_CASE("a database from before email threads is upgraded - its cases and messages are kept, threaded and searchable") {
    ScratchDir dir{"agentdesk-email-upgrade"};
    const auto file = EngineStore::fileIn(dir.path());
    {
        Database db(file);
        applyMigrations(db, engineMigrations().first(4));
        REQUIRE(db.userVersion() == 4);
        db.exec("INSERT INTO email_cases (id, customer_id, subject, status, service_id, created_ms, updated_ms) "
                "VALUES ('C-1001', 'c-1', 'Old question', 'open', 'support-email', 1000, 2000);"
                "INSERT INTO email_messages (case_id, direction, from_address, to_address, subject, body, at_ms) "
                "VALUES ('C-1001', 'in', 'maria@example.es', 'support@center.example', 'Old question', 'Is the tent waterproof?', 1000),"
                "       ('C-1001', 'out', 'support@center.example', 'maria@example.es', 'Re: Old question', 'Yes, to 3000 mm.', 2000);");
    }
    EngineStore store(file);
    CHECK(store.database().userVersion() == latestSchemaVersion());
    EmailArchive archive(store);
    const auto threads = archive.threads("C-1001");
    REQUIRE(threads.size() == 1);
    REQUIRE(threads[0].messages.size() == 2);
    CHECK(threads[0].messages[0].kind == events::EmailKind::Inbound);
    CHECK(threads[0].messages[1].kind == events::EmailKind::Reply);
    const auto found = archive.search(Search().text("waterproof"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].caseId == "C-1001");
    CHECK(archive.createCase({}) == "C-1002");  // numbering goes on after the old cases
}

// ---- My Queue (EMAIL-04), follow-ups done without an email (EMAIL-14), attachments (EMAIL-13) -----------

TEST_CASE("a postponed email leaves the agent's work for My Queue and is taken again - capacity applies, also after a restart") {
    EmailDesk desk;
    const std::string id = desk.acceptedEmail();
    const std::string caseId = desk.caseOf({}, id).summary.caseId;
    const std::int64_t now = toEpochMs(desk.harness.clock.now());
    const std::uint64_t past = desk.send(events::PostponeEmail{id, "u-anna", now - 1, ""});
    CHECK(desk.log.errorFor(past)->code == "invalid_input");
    const std::uint64_t postponed = desk.send(events::PostponeEmail{id, "u-anna", now + 3'600'000, "Waiting for the warehouse"});
    CHECK_FALSE(desk.log.errorFor(postponed));
    const auto ended = desk.log.last<events::Ended>().first;
    CHECK(ended.interactionId == id);
    CHECK_FALSE(ended.wrapUp);
    CHECK(desk.center.interactionsOf("u-anna").empty());  // no longer counts against the email capacity
    CHECK(desk.center.agentState("u-anna")->state() == AgentState::Ready);
    const auto [queue, answer] = desk.log.last<events::EmailMyQueue>();
    CHECK(answer.correlation == postponed);
    CHECK(queue.agentId == "u-anna");
    REQUIRE(queue.items.size() == 1);
    CHECK(queue.items[0].caseId == caseId);
    CHECK(queue.items[0].reason == events::MyQueueReason::Postponed);
    CHECK(queue.items[0].sinceMs == now);
    CHECK(queue.items[0].untilMs == now + 3'600'000);
    CHECK(queue.items[0].subject == "Broken zip on a jacket");
    CHECK(queue.items[0].customerName == "Maria Lopez");
    CHECK(queue.items[0].note == "Waiting for the warehouse");
    const events::EmailCaseSummary parked = desk.caseOf(caseId).summary;
    CHECK(parked.state == events::CaseState::Open);  // not closed by the interaction's end
    CHECK(parked.ownerId == "u-anna");
    CHECK(parked.interactionId.empty());

    // Two new emails fill Anna's capacity (2): taking the postponed one is refused until one is done.
    const std::string second = desk.acceptedEmail("Gloves", "Do you sell gloves?");
    // Busy with one, she is offered the next as her capacity allows.
    const auto third = desk.emails->customerWrites(mail("maria@example.es", "Boots", "Are the boots waterproof?"));
    REQUIRE(third);
    REQUIRE_FALSE(desk.center.accept("u-anna", *third));
    CHECK(desk.center.interactionsOf("u-anna").size() == 2);
    const std::uint64_t full = desk.send(events::TakeFromMyQueue{"u-anna", caseId});
    REQUIRE(desk.log.errorFor(full));
    CHECK(desk.log.errorFor(full)->code == "target_unavailable");
    CHECK(desk.log.errorFor(full)->message == "You already handle 2 emails at once, as many as you may: finish one first.");
    const std::uint64_t notHers = desk.send(events::TakeFromMyQueue{"u-ben", caseId});
    CHECK(desk.log.errorFor(notHers)->code == "unknown_case");

    // After a restart of the desktop it is still there, and its time is still reminded.
    desk.restart();
    desk.send(events::GetMyQueue{"u-anna"});
    REQUIRE(desk.log.last<events::EmailMyQueue>().first.items.size() == 1);
    desk.harness.advance(1h - 1s);
    CHECK(desk.log.count<events::EmailMyQueueDue>() == 0);
    desk.harness.advance(1s);
    REQUIRE(desk.log.count<events::EmailMyQueueDue>() == 1);
    CHECK(desk.log.last<events::EmailMyQueueDue>().first.item.caseId == caseId);

    desk.send(events::CloseEmail{second, "u-anna", "No reply needed", ""});  // through wrap-up, completed
    REQUIRE(desk.center.interaction(second) == nullptr);
    const std::uint64_t taken = desk.send(events::TakeFromMyQueue{"u-anna", caseId});
    CHECK_FALSE(desk.log.errorFor(taken));
    const auto [connected, how] = desk.log.last<events::Connected>();
    CHECK(how.correlation == taken);
    CHECK(connected.agentId == "u-anna");
    CHECK(desk.log.last<events::Offered>().first.subject == "Broken zip on a jacket");
    const events::EmailCaseSummary back = desk.caseOf(caseId).summary;
    CHECK(back.interactionId == connected.interactionId);
    CHECK(back.state == events::CaseState::Open);
    CHECK(desk.log.last<events::EmailMyQueue>().first.items.empty());
    CHECK(desk.archive->myQueue("u-anna").empty());
    // It is worked on as any email: the reply joins the case's thread.
    desk.send(events::ReplyEmail{connected.interactionId, "u-anna", 0, false, false, "The warehouse found a jacket for you."});
    CHECK(desk.caseOf(caseId).threads.at(0).messages.size() == 2);
    (void)third;
}

TEST_CASE("an email transferred to a colleague who cannot take it now waits in their My Queue") {
    EmailDesk desk;
    const std::string id = desk.acceptedEmail();
    const std::string caseId = desk.caseOf({}, id).summary.caseId;
    const std::uint64_t nobody = desk.send(events::TransferEmail{id, "u-anna", "u-zoe", "", ""});
    CHECK(desk.log.errorFor(nobody)->code == "unknown_agent");
    // Ben is Not Ready: the email does not ring at him, it waits for him.
    const std::size_t offers = desk.log.count<events::Offered>();
    const std::uint64_t handed = desk.send(events::TransferEmail{id, "u-anna", "u-ben", "", "Ben knows this jacket"});
    CHECK_FALSE(desk.log.errorFor(handed));
    CHECK(desk.log.count<events::Offered>() == offers);
    const auto ended = desk.log.last<events::Ended>().first;
    CHECK(ended.by == events::EndedBy::Transferred);
    CHECK_FALSE(ended.wrapUp);
    CHECK(desk.center.interactionsOf("u-anna").empty());
    const events::EmailMyQueue bens = desk.log.last<events::EmailMyQueue>().first;
    CHECK(bens.agentId == "u-ben");
    REQUIRE(bens.items.size() == 1);
    CHECK(bens.items[0].reason == events::MyQueueReason::Transferred);
    CHECK(bens.items[0].fromAgentId == "u-anna");
    CHECK(bens.items[0].note == "Ben knows this jacket");
    CHECK(desk.caseOf(caseId).summary.ownerId == "u-ben");

    // Ben logs out and in again (a restart of the desktop in between): it still waits for him.
    REQUIRE(desk.harness.bus.publish(events::LogoutRequest{"u-ben"}));
    desk.restart();
    REQUIRE(desk.harness.bus.publish(events::LoginRequest{"ben", "demo", PhoneDevice::Softphone, {}, false}));
    desk.send(events::GetMyQueue{"u-ben"});
    REQUIRE(desk.log.last<events::EmailMyQueue>().first.items.size() == 1);
    // Taken while Not Ready, as a pull is: his now.
    const std::uint64_t taken = desk.send(events::TakeFromMyQueue{"u-ben", caseId});
    CHECK_FALSE(desk.log.errorFor(taken));
    const auto connected = desk.log.last<events::Connected>().first;
    CHECK(connected.agentId == "u-ben");
    CHECK(desk.log.last<events::Offered>().first.transferNote.empty());
    CHECK(desk.caseOf(caseId).summary.interactionId == connected.interactionId);
}

TEST_CASE("an email transferred to a logged-out colleague waits in their My Queue - a Ready one still gets it at once") {
    EmailDesk desk;
    REQUIRE(desk.harness.bus.publish(events::LogoutRequest{"u-ben"}));
    const std::string id = desk.acceptedEmail();
    desk.send(events::TransferEmail{id, "u-anna", "u-ben", "", ""});
    CHECK(desk.archive->myQueue("u-ben").size() == 1);

    REQUIRE(desk.harness.bus.publish(events::LoginRequest{"ben", "demo", PhoneDevice::Softphone, {}, false}));
    desk.ready("u-ben");
    const std::string other = desk.acceptedEmail("Gloves", "Do you sell gloves?");
    // Anna is Ready again first, so the new email went to her; Ben is Ready and idle: it rings at him.
    REQUIRE(desk.center.interaction(other)->agentId == "u-anna");
    desk.send(events::TransferEmail{other, "u-anna", "u-ben", "", ""});
    CHECK(desk.log.last<events::Offered>().first.agentId == "u-ben");
    CHECK(desk.archive->myQueue("u-ben").size() == 1);
}

TEST_CASE("an email handed to a colleague who rejects it or lets it ring out waits in their My Queue, not the team queue") {
    EmailDesk desk;
    const std::string id = desk.acceptedEmail();
    const std::string caseId = desk.caseOf({}, id).summary.caseId;
    const std::string service = desk.caseOf(caseId).summary.serviceId;
    desk.ready("u-ben");
    desk.send(events::TransferEmail{id, "u-anna", "u-ben", "", "Ben knows this jacket"});
    REQUIRE(desk.log.last<events::Offered>().first.agentId == "u-ben");

    events::WithdrawReason why{};
    SUBCASE("rejected") {
        REQUIRE_FALSE(desk.center.reject("u-ben", id));
        why = events::WithdrawReason::Rejected;
    }
    SUBCASE("rung out") {
        desk.harness.advance(desk.center.config().settings.ringTimeout);
        why = events::WithdrawReason::NotAnswered;
    }
    CHECK(desk.log.last<events::OfferWithdrawn>().first.why == why);
    CHECK(desk.center.queue(service).empty());
    CHECK(desk.center.interaction(id) == nullptr);
    const events::EmailMyQueue bens = desk.log.last<events::EmailMyQueue>().first;
    CHECK(bens.agentId == "u-ben");
    REQUIRE(bens.items.size() == 1);
    CHECK(bens.items[0].caseId == caseId);
    CHECK(bens.items[0].reason == events::MyQueueReason::Transferred);
    CHECK(bens.items[0].fromAgentId == "u-anna");
    CHECK(bens.items[0].note == "Ben knows this jacket");
    const events::EmailCaseSummary parked = desk.caseOf(caseId).summary;
    CHECK(parked.ownerId == "u-ben");
    CHECK(parked.state == events::CaseState::Open);

    // He takes it when he is ready for it: his to work on.
    desk.send(events::TakeFromMyQueue{"u-ben", caseId});
    const auto connected = desk.log.last<events::Connected>().first;
    CHECK(connected.agentId == "u-ben");
    CHECK(desk.caseOf(caseId).summary.interactionId == connected.interactionId);
    CHECK(desk.archive->myQueue("u-ben").empty());
}

TEST_CASE("an email the team queue offered and the agent rejected goes back to the team queue") {
    EmailDesk desk;
    desk.ready("u-ben");
    auto id = desk.emails->customerWrites(mail("maria@example.es", "Gloves", "Do you sell gloves?"));
    REQUIRE(id);
    REQUIRE(desk.log.last<events::Offered>().first.agentId == "u-ben");
    REQUIRE_FALSE(desk.center.reject("u-ben", *id));
    CHECK(desk.archive->myQueue("u-ben").empty());
    REQUIRE(desk.center.interaction(*id) != nullptr);
    CHECK(desk.center.interaction(*id)->stage == Stage::Queued);
}

TEST_CASE("a due follow-up waits in My Queue - Done ends it without an email and the case records it") {
    EmailDesk desk;
    const std::string id = desk.acceptedEmail();
    const std::string caseId = desk.caseOf({}, id).summary.caseId;
    const std::int64_t now = toEpochMs(desk.harness.clock.now());
    desk.send(events::ScheduleFollowUp{"u-anna", caseId, now + 3'600'000, "Did the parcel arrive?"});
    const std::int64_t followUpId = desk.log.last<events::EmailFollowUpScheduled>().first.followUp.followUpId;
    desk.send(events::GetMyQueue{"u-anna"});
    CHECK(desk.log.last<events::EmailMyQueue>().first.items.empty());  // not due yet
    desk.harness.advance(1h);
    const events::EmailMyQueue queue = desk.log.last<events::EmailMyQueue>().first;
    REQUIRE(queue.items.size() == 1);
    CHECK(queue.items[0].reason == events::MyQueueReason::FollowUp);
    CHECK(queue.items[0].followUpId == followUpId);
    CHECK(queue.items[0].sinceMs == now + 3'600'000);
    CHECK(queue.items[0].note == "Did the parcel arrive?");

    const std::uint64_t notHis = desk.send(events::FinishFollowUp{"u-ben", followUpId, ""});
    CHECK(desk.log.errorFor(notHis)->code == "unknown_followup");
    const std::size_t sent = desk.log.count<events::EmailSent>();
    const std::uint64_t done = desk.send(events::FinishFollowUp{"u-anna", followUpId, "She called: it arrived"});
    CHECK_FALSE(desk.log.errorFor(done));
    CHECK(desk.log.count<events::EmailSent>() == sent);  // nothing was sent
    CHECK(desk.log.last<events::EmailFollowUps>().first.followUps.empty());
    CHECK(desk.log.last<events::EmailMyQueue>().first.items.empty());
    const std::uint64_t twice = desk.send(events::FinishFollowUp{"u-anna", followUpId, ""});
    CHECK(desk.log.errorFor(twice)->code == "unknown_followup");
    desk.restart();
    const events::EmailCase record = desk.caseOf(caseId);
    REQUIRE(record.followUps.size() == 1);
    CHECK(record.followUps[0].outcome == events::FollowUpOutcome::Done);
    CHECK(record.followUps[0].doneAtMs == now + 3'600'000);
    CHECK(record.followUps[0].doneNote == "She called: it arrived");
}

TEST_CASE("attachments of a reply: a file too large or of a refused type stops it with a clear error, a good one is stored and listed") {
    EmailDesk desk;
    const std::string id = desk.acceptedEmail();
    const std::string caseId = desk.caseOf({}, id).summary.caseId;
    events::EmailFile large{"scan.pdf", "application/pdf", std::vector<char>(6 * 1024 * 1024, 'x')};
    const std::uint64_t tooLarge = desk.send(events::ReplyEmail{id, "u-anna", 0, false, true, "The label.", {large}});
    REQUIRE(desk.log.errorFor(tooLarge));
    CHECK(desk.log.errorFor(tooLarge)->code == "file_too_large");
    CHECK(desk.log.errorFor(tooLarge)->message == "\"scan.pdf\" is 6.0 MB; attachments may be at most 5.0 MB. Nothing was sent.");
    events::EmailFile program{"setup.exe", "application/x-msdownload", std::vector<char>(10, 'x')};
    const std::uint64_t refused = desk.send(events::ReplyEmail{id, "u-anna", 0, false, true, "The label.", {program}});
    CHECK(desk.log.errorFor(refused)->code == "file_type_not_allowed");
    CHECK(desk.log.count<events::EmailSent>() == 0);
    CHECK(desk.center.interaction(id)->stage == Stage::Connected);  // still the agent's to answer

    events::EmailFile label{"label.pdf", "application/pdf", std::vector<char>(2048, 'L')};
    desk.send(events::ReplyEmail{id, "u-anna", 0, false, true, "The return label is attached.", {label}});
    const events::EmailMessage sent = desk.log.last<events::EmailSent>().first.message;
    REQUIRE(sent.attachments.size() == 1);
    CHECK(sent.attachments[0].name == "label.pdf");
    CHECK(sent.attachments[0].sizeBytes == 2048);
    const events::EmailMessage stored = desk.caseOf(caseId).threads.at(0).messages.at(1);
    REQUIRE(stored.attachments.size() == 1);
    CHECK(stored.attachments[0].mimeType == "application/pdf");
    CHECK(desk.archive->attachmentBytes(sent.messageId, "label.pdf") == label.data);

    // A new email carries them too.
    desk.send(events::ComposeEmail{"u-anna", "support-email", "", "john@example.com", "Your invoice", "Attached.",
                                   {events::EmailFile{"invoice.txt", "text/plain", {'4', '2'}}}});
    CHECK(desk.log.last<events::EmailSent>().first.message.attachments.at(0).sizeBytes == 2);
}

TEST_CASE("the files of a customer's email are kept with it and fetched by name - a file known by name only says so") {
    EmailDesk desk;
    InboundEmail email = mail("maria@example.es", "Damaged parcel", "Photos attached.");
    const std::vector<char> photo{'\x89', 'P', 'N', 'G', '\0', '\xff'};
    email.files = {{"box.png", "image/png", photo}, {"notes.txt", "text/plain", {'h', 'i'}}};
    const auto id = desk.emails->customerWrites(email);
    REQUIRE(id);
    const events::EmailMessage received = desk.log.last<events::EmailReceived>().first.message;
    REQUIRE(received.attachments.size() == 2);
    CHECK(received.attachments[0].name == "box.png");
    CHECK(received.attachments[0].sizeBytes == 6);

    const std::uint64_t asked = desk.send(events::GetEmailAttachment{"u-ben", received.messageId, "box.png"});
    const auto [file, answer] = desk.log.last<events::EmailAttachmentData>();
    CHECK(answer.correlation == asked);
    CHECK(file.messageId == received.messageId);
    CHECK(file.name == "box.png");
    CHECK(file.mimeType == "image/png");
    CHECK(file.data == photo);  // binary bytes intact, the zero byte included

    const std::uint64_t other = desk.send(events::GetEmailAttachment{"u-anna", received.messageId, "invoice.pdf"});
    CHECK(desk.log.errorFor(other)->code == "unknown_file");
    CHECK(desk.log.errorFor(other)->message == "This email has no file \"invoice.pdf\".");
    const std::uint64_t gone = desk.send(events::GetEmailAttachment{"u-anna", received.messageId + 100, "box.png"});
    CHECK(desk.log.errorFor(gone)->code == "unknown_message");

    // An older email whose files were listed by name and size only.
    InboundEmail listed = mail("john@example.com", "Old scan", "See the scan.");
    listed.attachments = {{"scan.pdf", "application/pdf", 120'000}};
    REQUIRE(desk.emails->customerWrites(listed));
    const std::int64_t listedId = desk.log.last<events::EmailReceived>().first.message.messageId;
    const std::uint64_t nameOnly = desk.send(events::GetEmailAttachment{"u-anna", listedId, "scan.pdf"});
    CHECK(desk.log.errorFor(nameOnly)->code == "unknown_file");
    CHECK(desk.log.errorFor(nameOnly)->message == "Only the name and size of \"scan.pdf\" were kept, not the file itself.");

    // They outlive a restart, and a forward carries them.
    desk.restart();
    desk.ready("u-anna");
    REQUIRE_FALSE(desk.center.accept("u-anna", *id));
    desk.send(events::ForwardEmail{*id, "u-anna", received.messageId, "carrier@partner.example", "Damage claim"});
    const events::EmailMessage forward = desk.log.last<events::EmailSent>().first.message;
    REQUIRE(forward.attachments.size() == 2);
    desk.send(events::GetEmailAttachment{"u-anna", forward.messageId, "notes.txt"});
    CHECK(desk.log.last<events::EmailAttachmentData>().first.data == std::vector<char>{'h', 'i'});
}

TEST_CASE("a simulated customer writing about a subject with files in the scenario attaches them") {
    EmailDesk desk;
    const auto id = desk.center.arrive(Arrival{"support-email", "c-2", {}, "Damaged parcel", std::nullopt});
    REQUIRE(id);
    const events::EmailMessage message = desk.caseOf({}, *id).threads.at(0).messages.at(0);
    REQUIRE(message.attachments.size() == 1);
    CHECK(message.attachments[0].name == "damaged-parcel.png");
    CHECK(message.attachments[0].mimeType == "image/png");
    const auto onDisk = std::filesystem::file_size(std::filesystem::path(AGENTDESK_TEST_ASSETS) / "scenario/files/damaged-parcel.png");
    CHECK(message.attachments[0].sizeBytes == static_cast<std::int64_t>(onDisk));
    CHECK(desk.archive->attachmentBytes(message.messageId, "damaged-parcel.png")->size() == onDisk);

    const auto other = desk.center.arrive(Arrival{"support-email", "c-2", {}, "Invoice copy needed", std::nullopt});
    REQUIRE(other);
    CHECK(desk.caseOf({}, *other).threads.at(0).messages.at(0).attachments.empty());
}

TEST_CASE("when the customer writes again to a postponed case, Take brings that new email") {
    EmailDesk desk;
    const std::string id = desk.acceptedEmail();
    const std::string caseId = desk.caseOf({}, id).summary.caseId;
    desk.send(events::PostponeEmail{id, "u-anna", 0, ""});
    REQUIRE_FALSE(desk.center.setState("u-anna", AgentState::NotReady, "Break"));
    const auto again = desk.emails->customerWrites(mail("maria@example.es", "Re: [C-1001] Broken zip on a jacket", "Any news?"));
    REQUIRE(again);
    CHECK(desk.caseOf(caseId).summary.interactionId == *again);
    CHECK(desk.archive->myQueue("u-anna").size() == 1);
    const std::uint64_t taken = desk.send(events::TakeFromMyQueue{"u-anna", caseId});
    CHECK_FALSE(desk.log.errorFor(taken));
    CHECK(desk.log.last<events::Connected>().first.interactionId == *again);
    CHECK(desk.archive->myQueue("u-anna").empty());
    CHECK(desk.center.queue("support-email").empty());
}
