// The Email panel's model against the real contact center over the bus: what the agent sees as
// emails are accepted, pulled, answered, searched and reminded about.

#include "model/compose_font.hpp"
#include "model/email_desk.hpp"
#include "model/html_text.hpp"
#include "model/shortcuts.hpp"

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

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

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

TEST_CASE("Postpone puts the email shown in My Queue - Take brings it back with its draft") {
    Desktop d;
    d.accepted();
    d.desk.setDraft("Dear Maria, the warehouse");
    d.desk.postpone(toEpochMs(d.harness.clock.now() + 2h), "Waiting for the warehouse");
    CHECK(d.desk.takeError().empty());
    CHECK(d.desk.work().empty());  // out of the agent's active work
    REQUIRE(d.desk.myQueue().size() == 1);
    const events::MyQueueItem item = d.desk.myQueue()[0];
    CHECK(item.reason == events::MyQueueReason::Postponed);
    CHECK(item.caseId == "C-1001");
    CHECK(item.subject == "Broken zip");
    CHECK(item.customerName == "Maria Lopez");
    CHECK(item.note == "Waiting for the warehouse");
    d.harness.advance(2h);
    REQUIRE(d.reminders.size() == 1);
    CHECK(d.reminders[0] == "Postponed email: C-1001 Broken zip is waiting in My Queue");

    d.desk.take("C-1001");
    CHECK(d.desk.takeError().empty());
    CHECK(d.desk.myQueue().empty());
    REQUIRE(d.desk.work().size() == 1);
    REQUIRE(d.desk.shownWork());
    CHECK(d.desk.shown()->summary.caseId == "C-1001");
    CHECK(d.desk.draft() == "Dear Maria, the warehouse");  // kept as the case's draft meanwhile
}

TEST_CASE("a due follow-up is listed in My Queue and Done ends it without an email - the case shows it done") {
    Desktop d;
    d.accepted();
    d.desk.scheduleFollowUp(1h, "Did the parcel arrive?");
    CHECK(d.desk.myQueue().empty());
    d.harness.advance(1h);
    REQUIRE(d.desk.myQueue().size() == 1);
    CHECK(d.desk.myQueue()[0].reason == events::MyQueueReason::FollowUp);
    const std::size_t sent = d.log.count<events::EmailSent>();
    d.desk.finishFollowUp(d.desk.myQueue()[0].followUpId, "She called");
    CHECK(d.desk.myQueue().empty());
    CHECK(d.desk.followUps().empty());
    CHECK(d.log.count<events::EmailSent>() == sent);
    d.desk.showCase("C-1001");
    REQUIRE(d.desk.shown()->followUps.size() == 1);
    CHECK(d.desk.shown()->followUps[0].outcome == events::FollowUpOutcome::Done);
    CHECK(d.desk.shown()->followUps[0].doneNote == "She called");
}

TEST_CASE("#shortcut before the cursor becomes its canned response - in the reply and in the model's rules") {
    const std::vector<events::CannedResponse> canned{
        {"thanks", "Closing", "thx", "Thanks", "Thank you, {agent}.", false},
        {"hours", "Info", "Hours", "Opening hours", "We open at nine.", false}};
    auto out = email::expandShortcut("Hello #thx", 10, canned, "Anna");
    REQUIRE(out);
    CHECK(out->text == "Hello Thank you, Anna.");
    CHECK(out->cursor == out->text.size());
    // In the middle of the text, at the cursor; the case of the shortcut does not matter.
    out = email::expandShortcut("Hi #hours\nBye", 9, canned, "Anna");
    REQUIRE(out);
    CHECK(out->text == "Hi We open at nine.\nBye");
    CHECK(out->cursor == 19);
    CHECK_FALSE(email::expandShortcut("Order A#thx", 11, canned, "Anna"));  // '#' inside a word
    CHECK_FALSE(email::expandShortcut("Hello #nope", 11, canned, "Anna"));
    CHECK_FALSE(email::expandShortcut("Hello thx", 9, canned, "Anna"));

    Desktop d;
    d.accepted();
    d.desk.setDraft("Dear Maria,\n#thx");
    const auto cursor = d.desk.expandShortcut(d.desk.draft().size());
    REQUIRE(cursor);
    CHECK(d.desk.draft() == "Dear Maria,\nThank you for your patience.");
    CHECK(*cursor == d.desk.draft().size());
    CHECK(d.desk.draftUnsaved());
}

TEST_CASE("the agent's compose font is saved with the settings and read again - per agent, within limits") {
    agentdesk::testing::ScratchDir dir{"agentdesk-email-font"};
    const auto file = dir.path() / "email.json";
    // As the host keeps a plugin's settings: a JSON file, with whatever else the plugin saved.
    auto load = [&] {
        std::ifstream in(file);
        return in ? nlohmann::json::parse(in, nullptr, false) : nlohmann::json::object();
    };
    auto save = [&](const nlohmann::json& settings) { std::ofstream(file) << settings.dump(); };
    save({{"other", 1}});
    {
        email::ComposeFontSetting setting(load, save);
        setting.useAgent("u-anna");
        CHECK(setting.font() == email::ComposeFont{});
        CHECK(setting.set({email::FontFamily::Monospace, 20}));
        CHECK_FALSE(setting.set({email::FontFamily::Monospace, 20}));
    }
    email::ComposeFontSetting again(load, save);  // the desktop started again
    again.useAgent("u-anna");
    CHECK(again.font().family == email::FontFamily::Monospace);
    CHECK(again.font().size == 20);
    again.useAgent("u-ben");
    CHECK(again.font() == email::ComposeFont{});  // each agent their own
    again.set({email::FontFamily::Proportional, 99});
    CHECK(again.font().size == email::ComposeFont::maxSize);
    CHECK(load()["other"] == 1);
    CHECK(load()["composeFont"]["u-anna"]["family"] == "Monospace");
    CHECK(email::composeFontIn({{"composeFont", {{"u-anna", {{"family", "Comic"}, {"size", 2}}}}}}, "u-anna") ==
          email::ComposeFont{email::FontFamily::Proportional, email::ComposeFont::minSize});
}

TEST_CASE("files attached to a reply go with it and are listed with sizes - one too large is refused with a clear error") {
    Desktop d;
    d.accepted();
    const auto write = [&](const std::string& name, std::size_t bytes) {
        const auto path = d.dir.path() / name;
        std::ofstream(path, std::ios::binary) << std::string(bytes, 'x');
        return path;
    };
    CHECK_FALSE(d.desk.attach(d.dir.path() / "missing.pdf"));
    CHECK(d.desk.takeError().starts_with("Cannot read"));
    REQUIRE(d.desk.attach(write("scan.pdf", 6 * 1024 * 1024)));
    d.desk.setDraft("The label is attached.");
    d.desk.reply(false);
    CHECK(d.desk.takeError() == "\"scan.pdf\" is 6.0 MB; attachments may be at most 5.0 MB. Nothing was sent.");
    CHECK(d.desk.attachments().size() == 1);  // still there to remove
    CHECK_FALSE(d.desk.work()[0].ended);
    d.desk.removeAttachment(0);
    REQUIRE(d.desk.attach(write("label.pdf", 3000)));
    CHECK(d.desk.attachments()[0].mimeType == "application/pdf");
    d.desk.reply(false);
    CHECK(d.desk.takeError().empty());
    CHECK(d.desk.attachments().empty());  // sent
    const events::EmailMessage sent = d.desk.shown()->threads[0].messages.at(1);
    REQUIRE(sent.attachments.size() == 1);
    CHECK(sent.attachments[0].name == "label.pdf");
    CHECK(sent.attachments[0].sizeBytes == 3000);
    CHECK(d.archive.attachmentBytes(sent.messageId, "label.pdf")->size() == 3000);
}

TEST_CASE("a simulated customer who writes HTML only sends no plain part - the panel shows it as text, without the markup") {
    Desktop d;
    d.service.simulateHtmlSenders([](const engine::Interaction& interaction) { return interaction.arrival == 1; });
    const auto id = d.contactCenter.arrive(engine::Arrival{"support-email", "c-1", {}, "Boots & socks", std::nullopt});
    REQUIRE(id);
    d.desk.showCase("C-1001");
    REQUIRE(d.desk.shown());
    const events::EmailMessage message = d.desk.shown()->threads.at(0).messages.at(0);
    CHECK(message.plainBody.empty());
    CHECK(message.htmlBody.find("<b>Boots &amp; socks</b>") != std::string::npos);
    CHECK(email::htmlToText(message.htmlBody) ==
          "Hello,\n\nBoots & socks: could you help me with this? My order number is 100037.\n\nKind regards,\nMaria Lopez");
    // The next one is plain, as the simulation chooses.
    REQUIRE(d.contactCenter.arrive(engine::Arrival{"support-email", "c-1", {}, "Gloves", std::nullopt}));
    d.desk.showCase("C-1002");
    CHECK_FALSE(d.desk.shown()->threads.at(0).messages.at(0).plainBody.empty());
}

TEST_CASE("a file of an email shown is saved into the downloads folder under a free name - one kept by name only says why") {
    Desktop d;
    const auto downloads = d.dir.path() / "Downloads";
    d.desk.setDownloadsFolder(downloads);
    engine::InboundEmail email;
    email.serviceId = "support-email";
    email.from = "maria@example.es";
    email.subject = "Damaged parcel";
    email.plainBody = "A photo of the box.";
    email.files = {{"box.png", "image/png", {'P', 'N', 'G'}}};
    email.attachments = {};
    REQUIRE(d.service.customerWrites(email));
    d.harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
    d.harness.bus.publish(events::Accept{d.log.last<events::Offered>().first.interactionId, "u-anna"});
    REQUIRE(d.desk.shown());
    const events::EmailMessage& message = d.desk.shown()->threads.at(0).messages.at(0);
    REQUIRE(message.attachments.size() == 1);
    const std::int64_t messageId = message.messageId;

    d.desk.download(messageId, "box.png");
    CHECK(d.desk.takeError().empty());
    CHECK(d.desk.takeSaved() == downloads / "box.png");
    CHECK(d.desk.takeSaved().empty());  // told once
    d.desk.download(messageId, "box.png");
    CHECK(d.desk.takeSaved() == downloads / "box (1).png");
    std::ifstream saved(downloads / "box.png", std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(saved), {}) == "PNG");

    // Only what this desk asked for is saved: another desktop fetching the file leaves it alone.
    d.harness.bus.publish(events::GetEmailAttachment{"u-anna", messageId, "box.png"});
    CHECK(d.desk.takeSaved().empty());
    CHECK_FALSE(std::filesystem::exists(downloads / "box (2).png"));

    d.desk.download(messageId, "invoice.pdf");
    CHECK(d.desk.takeError() == "This email has no file \"invoice.pdf\".");
    CHECK(d.desk.takeSaved().empty());
}
