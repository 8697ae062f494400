// The Email panel's model against the real contact center over the bus: what the agent sees as
// emails are accepted, pulled, answered, searched and reminded about.

#include "model/email_desk.hpp"
#include "model/html_text.hpp"

#include "model/chat_service.hpp"
#include "model/contact_center.hpp"
#include "store/email_archive.hpp"
#include "store/email_service.hpp"
#include "store/engine_store.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/events/desktop.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/bus_log.hpp"
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
    config.users = {agentdesk::testing::demoUser("anna", {"support"}, "Anna")};
    engine::ServiceConfig email;
    email.id = "support-email";
    email.name = "Support email";
    email.channel = Channel::Email;
    email.skills = {"support"};
    email.afterCallWork = engine::WrapUp::untilCompleted();
    email.dispositions = {"Resolved", "Spam"};
    config.services = {email};
    config.customers = {engine::Customer{"c-1", "Maria Lopez", "", "maria@example.es", ""}};
    config.chat.canned = {events::CannedResponse{"thanks", "Closing", "thx", "Thanks", "Thank you for your patience.", false}};
    return config;
}

struct Desktop {
    agentdesk::testing::ScratchDir dir{"agentdesk-email-desk"};
    Harness harness;
    agentdesk::testing::BusLog log{harness.bus};
    engine::ContactCenter contactCenter{harness.bus, harness.clock, harness.timers, center()};
    engine::EngineStore store{engine::EngineStore::fileIn(dir.path())};
    engine::EmailArchive archive{store};
    engine::EmailService service{contactCenter, archive, harness.bus, harness.clock, harness.timers};
    engine::ChatService chats{contactCenter, harness.bus, harness.clock, store};  // answers canned.get
    std::vector<std::string> reminders;
    email::EmailDesk desk{harness.bus, harness.clock,
                          [this](const std::string& title, const std::string& text) { reminders.push_back(title + ": " + text); }};

    Desktop() { harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::NoPhone, {}, false}); }
    std::string arrives(std::string subject, std::string body) {
        engine::InboundEmail email;
        email.serviceId = "support-email";
        email.from = "maria@example.es";
        email.subject = std::move(subject);
        email.plainBody = std::move(body);
        auto id = service.customerWrites(std::move(email));
        REQUIRE(id);
        return *id;
    }
    std::string accepted(std::string subject = "Broken zip", std::string body = "The zipper broke.") {
        harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
        const std::string id = arrives(std::move(subject), std::move(body));
        harness.bus.publish(events::Accept{id, "u-anna"});
        return id;
    }
};

}  // namespace

TEST_CASE("an accepted email shows its case - the reply written is sent and the email waits for wrap-up") {
    Desktop d;
    const std::string id = d.accepted();
    REQUIRE(d.desk.work().size() == 1);
    REQUIRE(d.desk.shown());
    CHECK(d.desk.shown()->summary.caseId == "C-1001");
    REQUIRE(d.desk.shown()->threads.size() == 1);
    CHECK(d.desk.shownWork() != nullptr);

    d.desk.setDraft("We will repair it for free.");
    d.desk.reply(false);
    CHECK(d.desk.takeError().empty());
    REQUIRE(d.desk.shown()->threads[0].messages.size() == 2);
    CHECK(d.desk.shown()->threads[0].messages[1].plainBody.starts_with("We will repair it for free."));
    CHECK(d.desk.work()[0].ended);
    d.harness.bus.publish(events::Complete{id, "u-anna", "Resolved", ""});
    CHECK(d.desk.work().empty());
}

TEST_CASE("the reply is kept as the case's draft and comes back when the case is shown again") {
    Desktop d;
    d.accepted();
    d.desk.setDraft("Dear Maria,");
    CHECK(d.desk.draftUnsaved());
    d.desk.saveDraft();
    CHECK_FALSE(d.desk.draftUnsaved());
    CHECK(d.archive.draft("u-anna", "C-1001") == "Dear Maria,");
    const std::string other = d.arrives("Gloves", "Do you sell gloves?");
    d.desk.showCase("C-1002");
    CHECK(d.desk.draft().empty());
    d.desk.showCase("C-1001");
    CHECK(d.desk.draft() == "Dear Maria,");
    CHECK_FALSE(other.empty());
}

TEST_CASE("the team queue lists waiting emails and Pull brings one into the agent's hands") {
    Desktop d;
    d.arrives("Invoice copy", "Please send the invoice again.");
    REQUIRE(d.desk.queue().size() == 1);  // refreshed as the email is queued
    CHECK(d.desk.queue()[0].subject == "Invoice copy");
    d.desk.pull(d.desk.queue()[0].interactionId);
    CHECK(d.desk.queue().empty());
    REQUIRE(d.desk.work().size() == 1);
    REQUIRE(d.desk.shown());
    CHECK(d.desk.shown()->summary.ownerId == "u-anna");
}

TEST_CASE("an article inserted for the selected email goes into its reply, and so does a canned response") {
    Desktop d;
    const std::string id = d.accepted();
    d.desk.setDraft("Hello Maria,");
    d.harness.bus.publish(events::InsertText{"", "Our repair service fixes zips for free.", "kb:repairs"});
    CHECK(d.desk.draft() == "Hello Maria,");  // nothing selected: another editor's business
    d.harness.bus.publish(events::InteractionSelected{id, Channel::Email});
    d.harness.bus.publish(events::InsertText{"", "Our repair service fixes zips for free.", "kb:repairs"});
    CHECK(d.desk.draft() == "Hello Maria,\nOur repair service fixes zips for free.");
    const auto inserted = d.log.last<events::Inserted>().first;
    CHECK(inserted.interactionId == id);
    CHECK(inserted.source == "kb:repairs");
    // Canned responses, as for chats.
    REQUIRE(d.desk.canned().size() == 1);
    d.desk.insertIntoDraft(d.desk.canned()[0].text);
    CHECK(d.desk.draft() == "Hello Maria,\nOur repair service fixes zips for free.\nThank you for your patience.");
}

TEST_CASE("search lists the cases found and a refused action comes back as a message for the agent") {
    Desktop d;
    d.accepted("Broken zip", "The zipper of my anorak broke.");
    d.arrives("Gloves", "Do you sell gloves?");
    d.desk.search("anorak");
    REQUIRE(d.desk.results().size() == 1);
    CHECK(d.desk.results()[0].caseId == "C-1001");
    d.desk.forward("not an address", "");
    CHECK(d.desk.takeError() == "\"not an address\" is not an email address.");
    CHECK(d.desk.takeError().empty());
}

TEST_CASE("a follow-up shows in My follow-ups, reminds the agent when due, and goes once the follow-up email is sent") {
    Desktop d;
    d.accepted();
    d.desk.scheduleFollowUp(3h, "Did the parcel arrive?");
    REQUIRE(d.desk.followUps().size() == 1);
    CHECK_FALSE(d.desk.followUps()[0].due);
    d.harness.advance(3h);
    REQUIRE(d.reminders.size() == 1);
    CHECK(d.reminders[0] == "Follow-up due: C-1001: Did the parcel arrive?");
    CHECK(d.desk.followUps()[0].due);
    d.desk.compose("", "C-1001", "maria@example.es", "Your parcel", "Has it arrived?");
    CHECK(d.desk.followUps().empty());  // sending the follow-up email finishes it
}

TEST_CASE("HTML is shown as text - scripts and styles dropped, entities decoded, blocks on their own lines") {
    const std::string html =
        "<html><head><style>p{color:red}</style></head><body><p>Hello&nbsp;Anna,</p>"
        "<script>alert('x')</script><p>My order <b>100482</b> &amp; the invoice:</p><ul><li>boots</li><li>socks</li></ul>"
        "<p>Price: 20&euro; &#8211; thanks<br>Maria</p><!-- tracking --></body></html>";
    CHECK(email::htmlToText(html) ==
          "Hello Anna,\n\nMy order 100482 & the invoice:\n\n\xE2\x80\xA2 boots\n\xE2\x80\xA2 socks\nPrice: 20\xE2\x82\xAC \xE2\x80\x93 thanks\nMaria");
    CHECK(email::htmlToText("a &unknown; b < c") == "a &unknown; b");  // a tag left open ends the text
}

TEST_CASE("a new email written in the panel opens a case - a follow-up email adds a thread to the case shown") {
    Desktop d;
    d.desk.compose("support-email", "", "maria@example.es", "Your jacket", "It is ready for pick-up.");
    const auto sent = d.log.last<events::EmailSent>().first.message;
    CHECK(sent.kind == events::EmailKind::Outbound);
    CHECK(sent.agentId == "u-anna");
    d.desk.showCase(sent.caseId);
    REQUIRE(d.desk.shown());
    d.desk.compose("", d.desk.shown()->summary.caseId, "maria@example.es", "Opening hours", "We open at nine.");
    REQUIRE(d.desk.shown());
    CHECK(d.desk.shown()->threads.size() == 2);  // shown again with the new thread
    d.desk.compose("support-email", "", "maria", "Hi", "Text");
    CHECK(d.desk.takeError() == "\"maria\" is not an email address.");
}
