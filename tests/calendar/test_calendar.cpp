// The Calendar panel's model against the embedded contact center (UI-15, VOICE-24): the day, week
// and month views, overlapping entries side by side, entries created, changed and deleted as rows
// of engine.db, reminders popping at their time on the virtual clock, and a follow-up scheduled
// from a call appearing in the calendar and reminding the agent.

#include "model/calendar_model.hpp"
#include "model/call_control.hpp"
#include "model/call_follow_up.hpp"
#include "model/contact_center.hpp"
#include "model/voice_service.hpp"
#include "store/calendar_service.hpp"
#include "store/engine_store.hpp"
#include "store/migrations.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/events/core.hpp>
#include <agentdesk/runtime/harness.hpp>
#include <agentdesk/text.hpp>

#include "engine/bus_log.hpp"
#include "engine/demo_hash.hpp"
#include "engine/scratch_dir.hpp"

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace std::chrono_literals;
namespace engine = agentdesk::engine;
using calendar::ViewMode;

namespace {

engine::CenterConfig center() {
    engine::CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    config.users = {agentdesk::testing::demoUser("anna", {"support"}, "Anna Kowalski"),
                    agentdesk::testing::demoUser("ben", {"support"}, "Ben Okafor")};
    engine::ServiceConfig voice;
    voice.id = "support-voice";
    voice.name = "Support line";
    voice.skills = {"support"};
    voice.afterCallWork = engine::WrapUp::untilCompleted();
    config.services = {voice};
    config.customers = {engine::Customer{"c-1", "Maria Lopez", "+34 612 345 678", "", ""}};
    return config;
}

/// "2026-01-05 09:30" as epoch ms (the harness starts on Monday 2026-01-05 08:00 UTC).
std::int64_t at(const char* text) {
    auto ms = text::parseDateTime(text);
    REQUIRE(ms);
    return *ms;
}

calendar::Draft draft(const calendar::CalendarModel& model, const char* title, const char* from, const char* to,
                      int remindBefore = -1) {
    calendar::Draft d = model.newDraft(at(from));
    d.title = title;
    d.endsMs = at(to);
    d.remindMinutesBefore = remindBefore;
    return d;
}

struct Desk {
    agentdesk::testing::ScratchDir dir{"agentdesk-calendar"};
    Harness harness;
    agentdesk::testing::BusLog log{harness.bus};
    engine::ContactCenter contactCenter{harness.bus, harness.clock, harness.timers, center()};
    std::unique_ptr<engine::EngineStore> store = std::make_unique<engine::EngineStore>(engine::EngineStore::fileIn(dir.path()));
    std::unique_ptr<engine::CalendarService> service =
        std::make_unique<engine::CalendarService>(contactCenter, *store, harness.bus, harness.clock, harness.timers);
    std::vector<std::string> popped;
    calendar::CalendarModel model{harness.bus, harness.clock,
                                  [this](const std::string& title, const std::string&) { popped.push_back(title); }};

    Desk() { login(); }
    void login() { harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false}); }
    void logout() { harness.bus.publish(events::LogoutRequest{"u-anna"}); }
    /// The agent's rows in engine.db over the first weeks of January.
    std::vector<engine::CalendarEvent> rows() const { return store->eventsBetween("u-anna", at("2026-01-01 00:00"), at("2026-02-01 00:00")); }
    std::vector<std::string> titlesIn(calendar::Range r) const {
        std::vector<std::string> titles;
        for (const auto& item : model.itemsIn(r)) titles.push_back(item.entry.title);
        return titles;
    }
};

}  // namespace

TEST_CASE("parseDateTime reads what dateTimeText writes - and refuses what is not a date and time") {
    CHECK(text::parseDateTime("2026-01-05 09:30") == at("2026-01-05 09:30"));
    CHECK(text::dateTimeText(*text::parseDateTime("2026-02-28T23:59")) == "2026-02-28 23:59");
    CHECK_FALSE(text::parseDateTime("2026-02-30 10:00"));
    CHECK_FALSE(text::parseDateTime("2026-01-05 24:00"));
    CHECK_FALSE(text::parseDateTime("tomorrow"));
    CHECK_FALSE(text::parseDateTime("2026-01-05 09:30 x"));
}

TEST_CASE("calendar views: a day, a week from Monday, the weeks of a month - previous and next move by the view") {
    Desk d;
    CHECK(d.model.mode() == ViewMode::Week);
    CHECK(d.model.range().fromMs == at("2026-01-05 00:00"));
    CHECK(d.model.range().toMs == at("2026-01-12 00:00"));
    CHECK(d.model.rangeTitle() == "5 - 11 January 2026");
    d.model.next();
    CHECK(d.model.rangeTitle() == "12 - 18 January 2026");
    d.model.setMode(ViewMode::Day);
    CHECK(d.model.rangeTitle() == "Monday 12 January 2026");
    d.model.previous();
    CHECK(d.model.range().fromMs == at("2026-01-11 00:00"));
    CHECK(d.model.rangeTitle() == "Sunday 11 January 2026");
    d.model.setMode(ViewMode::Month);
    CHECK(d.model.rangeTitle() == "January 2026");
    // January 2026 begins on a Thursday and ends on a Saturday: the grid runs Mon 29 Dec to Sun 1 Feb.
    CHECK(d.model.range().fromMs == at("2025-12-29 00:00"));
    CHECK(d.model.range().toMs == at("2026-02-02 00:00"));
    d.model.next();
    CHECK(d.model.rangeTitle() == "February 2026");
    d.model.setMode(ViewMode::Week);
    d.model.setAnchorDay(at("2026-01-29 10:00"));
    CHECK(d.model.rangeTitle() == "26 January - 1 February 2026");
    d.model.today();
    CHECK(d.model.anchorDay() == at("2026-01-05 00:00"));
}

TEST_CASE("entries created in the calendar are rows of engine.db - shown in the views that hold them") {
    Desk d;
    REQUIRE(d.model.save(draft(d.model, "Team meeting", "2026-01-06 10:00", "2026-01-06 11:00")));
    REQUIRE(d.model.save(draft(d.model, "Training", "2026-01-13 14:00", "2026-01-13 16:00")));
    const auto rows = d.rows();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].title == "Team meeting");
    CHECK(rows[0].startsMs == at("2026-01-06 10:00"));
    CHECK(rows[0].kind == engine::CalendarEntryKind::Event);
    CHECK_FALSE(rows[0].remindAtMs);

    CHECK(d.titlesIn(d.model.range()) == std::vector<std::string>{"Team meeting"});
    d.model.setMode(ViewMode::Month);
    CHECK(d.titlesIn(d.model.range()) == std::vector<std::string>{"Team meeting", "Training"});
    d.model.setMode(ViewMode::Day);
    CHECK(d.titlesIn(d.model.range()).empty());  // Monday is free
    CHECK(d.titlesIn({at("2026-01-06 00:00"), at("2026-01-07 00:00")}) == std::vector<std::string>{"Team meeting"});
}

TEST_CASE("an entry changed or deleted in the calendar changes or removes its row") {
    Desk d;
    REQUIRE(d.model.save(draft(d.model, "Coaching", "2026-01-07 09:00", "2026-01-07 09:30", 15)));
    REQUIRE(d.rows().size() == 1);
    const std::int64_t id = d.rows()[0].id;
    CHECK(d.rows()[0].remindAtMs == at("2026-01-07 08:45"));

    calendar::Draft changed = d.model.draftOf(*d.model.find(id));
    CHECK(changed.remindMinutesBefore == 15);
    changed.title = "Coaching with Ben";
    changed.note = "Bring the QA scores";
    changed.startsMs = at("2026-01-08 13:00");
    changed.endsMs = at("2026-01-08 14:00");
    changed.remindMinutesBefore = -1;
    REQUIRE(d.model.save(changed));
    auto rows = d.rows();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].id == id);
    CHECK(rows[0].title == "Coaching with Ben");
    CHECK(rows[0].note == "Bring the QA scores");
    CHECK(rows[0].startsMs == at("2026-01-08 13:00"));
    CHECK_FALSE(rows[0].remindAtMs);
    CHECK(d.model.find(id)->title == "Coaching with Ben");

    d.model.remove(id);
    CHECK(d.rows().empty());
    CHECK(d.model.find(id) == nullptr);
    CHECK(d.titlesIn(d.model.range()).empty());
}

TEST_CASE("what a restarted desktop shows comes from the database") {
    Desk d;
    REQUIRE(d.model.save(draft(d.model, "Dentist", "2026-01-09 16:00", "2026-01-09 17:00")));
    d.logout();
    CHECK(d.titlesIn(d.model.range()).empty());
    calendar::CalendarModel fresh{d.harness.bus, d.harness.clock};
    d.login();
    CHECK(d.titlesIn(d.model.range()) == std::vector<std::string>{"Dentist"});
    std::vector<std::string> titles;
    for (const auto& item : fresh.itemsIn(fresh.range())) titles.push_back(item.entry.title);
    CHECK(titles == std::vector<std::string>{"Dentist"});
}

TEST_CASE("a calendar refuses an entry without a title or ending before it starts - nothing is stored") {
    Desk d;
    CHECK_FALSE(d.model.save(draft(d.model, "  ", "2026-01-06 10:00", "2026-01-06 11:00")));
    CHECK(d.model.takeError() == "Give the entry a title.");
    CHECK_FALSE(d.model.save(draft(d.model, "Backwards", "2026-01-06 10:00", "2026-01-06 09:00")));
    CHECK(d.model.takeError().find("end is before the start") != std::string::npos);
    // The contact center checks too, whoever asks.
    events::CalendarEntry entry;
    entry.agentId = "u-anna";
    entry.startsMs = at("2026-01-06 10:00");
    entry.endsMs = at("2026-01-06 11:00");
    d.harness.bus.publish(events::SaveCalendarEntry{entry});
    CHECK(d.log.last<events::Error>().first.code == "invalid_input");
    // Nor may one agent change or delete another's entry.
    REQUIRE(d.model.save(draft(d.model, "Mine", "2026-01-06 10:00", "2026-01-06 11:00")));
    d.harness.bus.publish(events::DeleteCalendarEntry{"u-ben", d.rows()[0].id});
    CHECK(d.log.last<events::Error>().first.code == "unknown_entry");
    CHECK(d.rows().size() == 1);
}

TEST_CASE("overlapping entries sit side by side in a day - the next free lane is reused") {
    Desk d;
    REQUIRE(d.model.save(draft(d.model, "A", "2026-01-06 09:00", "2026-01-06 10:30")));
    REQUIRE(d.model.save(draft(d.model, "B", "2026-01-06 10:00", "2026-01-06 11:00")));
    REQUIRE(d.model.save(draft(d.model, "C", "2026-01-06 10:30", "2026-01-06 11:30")));
    REQUIRE(d.model.save(draft(d.model, "D", "2026-01-06 14:00", "2026-01-06 15:00")));
    const auto placed = calendar::layoutDay(d.model.itemsOn(at("2026-01-06 00:00")));
    REQUIRE(placed.size() == 4);
    CHECK(placed[0].item.entry.title == "A");
    CHECK(placed[0].lane == 0);
    CHECK(placed[1].item.entry.title == "B");
    CHECK(placed[1].lane == 1);
    CHECK(placed[2].item.entry.title == "C");
    CHECK(placed[2].lane == 0);  // A has ended
    CHECK(placed[0].lanes == 2);
    CHECK(placed[2].lanes == 2);
    CHECK(placed[3].item.entry.title == "D");
    CHECK(placed[3].lane == 0);
    CHECK(placed[3].lanes == 1);  // alone in the afternoon

    const auto& a = placed[0].item.entry;
    const auto& b = placed[1].item.entry;
    const auto& dEntry = placed[3].item.entry;
    CHECK(calendar::overlap(a, b));
    CHECK_FALSE(calendar::overlap(a, dEntry));
}

TEST_CASE("a reminder pops at its time on the virtual clock, once, and is cleared in the database") {
    Desk d;
    REQUIRE(d.model.save(draft(d.model, "Call the supplier", "2026-01-05 09:00", "2026-01-05 09:15", 15)));
    d.harness.advance(44min);  // 08:44
    CHECK(d.popped.empty());
    d.harness.advance(1min);  // 08:45
    REQUIRE(d.popped.size() == 1);
    CHECK(d.popped[0] == "Reminder: Call the supplier");
    CHECK(d.model.reminded()[0].find("2026-01-05 09:00") != std::string::npos);
    CHECK_FALSE(d.rows()[0].remindAtMs);
    d.harness.advance(2h);
    CHECK(d.popped.size() == 1);
}

TEST_CASE("a changed reminder time is the one that pops - a deleted entry does not remind") {
    Desk d;
    REQUIRE(d.model.save(draft(d.model, "Moved", "2026-01-05 09:00", "2026-01-05 09:30", 0)));
    REQUIRE(d.model.save(draft(d.model, "Cancelled", "2026-01-05 09:00", "2026-01-05 09:30", 0)));
    const std::int64_t movedId = d.rows()[0].id;
    const std::int64_t cancelledId = d.rows()[1].id;
    auto moved = d.model.draftOf(*d.model.find(movedId));
    moved.startsMs = at("2026-01-05 11:00");
    moved.endsMs = at("2026-01-05 11:30");
    REQUIRE(d.model.save(moved));
    d.model.remove(cancelledId);
    d.harness.advance(2h);  // 10:00
    CHECK(d.popped.empty());
    d.harness.advance(1h);  // 11:00
    CHECK(d.popped == std::vector<std::string>{"Reminder: Moved"});
}

TEST_CASE("a reminder due while the agent is logged out pops at their next login - also after a restart") {
    Desk d;
    REQUIRE(d.model.save(draft(d.model, "Quarterly review", "2026-01-05 10:00", "2026-01-05 11:00", 30)));
    d.logout();
    // The engine restarts meanwhile: its reminders come back from the database.
    d.service.reset();
    d.service = std::make_unique<engine::CalendarService>(d.contactCenter, *d.store, d.harness.bus, d.harness.clock,
                                                          d.harness.timers);
    d.harness.advance(2h);  // 10:00, reminder time 09:30 passed
    CHECK(d.popped.empty());
    CHECK(d.rows()[0].remindAtMs);  // still to be shown
    d.login();
    CHECK(d.popped == std::vector<std::string>{"Reminder: Quarterly review"});
    CHECK_FALSE(d.rows()[0].remindAtMs);
}

TEST_CASE("a follow-up scheduled from a call appears in the calendar with its customer and reminds the agent") {
    Desk d;
    engine::VoiceService voiceService{d.contactCenter, d.harness.bus, d.harness.clock};
    voice::CallControl control{d.harness.bus, d.harness.clock};
    voice::CallFollowUp followUp{d.harness.bus};
    d.logout();  // the Call panel follows the agent logged in after it started
    d.login();
    d.harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
    const std::string call = *d.contactCenter.arrive(engine::Arrival{"support-voice", "c-1", {}, {}, std::nullopt});
    d.harness.bus.publish(events::Accept{call, "u-anna"});
    REQUIRE(control.connected());

    const std::int64_t now = toEpochMs(d.harness.clock.now());
    CHECK_FALSE(followUp.schedule(control.call()->offer, now - 60'000, "too late", now));
    CHECK(followUp.takeError() == "Choose a time in the future for the follow-up.");
    REQUIRE(followUp.schedule(control.call()->offer, at("2026-01-06 10:00"), "Check the refund arrived", now));
    CHECK(followUp.confirmation() == "Follow-up scheduled: Call back Maria Lopez on 2026-01-06 10:00");

    // The row links the call and its customer.
    const auto rows = d.rows();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].kind == engine::CalendarEntryKind::FollowUp);
    CHECK(rows[0].interactionId == call);
    CHECK(rows[0].customerId == "c-1");
    CHECK(rows[0].remindAtMs == at("2026-01-06 10:00"));

    // The calendar (this week) shows it with the customer's name.
    const auto items = d.model.itemsOn(at("2026-01-06 00:00"));
    REQUIRE(items.size() == 1);
    CHECK(items[0].entry.kind == events::CalendarKind::FollowUp);
    CHECK(items[0].entry.title == "Call back Maria Lopez");
    CHECK(items[0].entry.customerName == "Maria Lopez");
    CHECK(items[0].entry.note == "Check the refund arrived");

    d.harness.advance(26h - 1min);  // Tuesday 09:59
    CHECK(d.popped.empty());
    d.harness.advance(1min);
    CHECK(d.popped == std::vector<std::string>{"Follow-up: Call back Maria Lopez"});
    CHECK(d.model.reminded()[0].find("with Maria Lopez. Check the refund arrived") != std::string::npos);
}

TEST_CASE("email follow-ups of the agent appear in the calendar, read-only") {
    Desk d;
    d.harness.bus.publish(events::EmailFollowUps{
        "u-anna", {events::EmailFollowUp{7, "C-1001", "u-anna", "Refund", "Send the label", at("2026-01-07 15:00"), false}}});
    d.harness.bus.publish(events::EmailFollowUpScheduled{
        events::EmailFollowUp{8, "C-1002", "u-ben", "Not mine", "", at("2026-01-07 15:00"), false}});
    const auto items = d.model.itemsOn(at("2026-01-07 00:00"));
    REQUIRE(items.size() == 1);
    CHECK(items[0].fromEmail);
    CHECK_FALSE(items[0].editable());
    CHECK(items[0].entry.title == "Email follow-up: Refund");
    CHECK(items[0].entry.interactionId == "C-1001");
}

TEST_CASE("a database from before schema 8 is upgraded - its calendar entries and profiles are kept") {
    agentdesk::testing::ScratchDir dir{"agentdesk-calendar-upgrade"};
    const auto file = engine::EngineStore::fileIn(dir.path());
    {
        engine::Database db(file);
        engine::applyMigrations(db, engine::engineMigrations().first(5));
        REQUIRE(db.userVersion() == 5);
        db.exec("INSERT INTO calendar_events (agent_id, title, starts_ms, ends_ms, remind_at_ms, kind, interaction_id) "
                "VALUES ('u-anna', 'Old follow-up', 1000, 2000, 500, 'follow_up', 'i-1');"
                "INSERT INTO agent_profiles (agent_id, display_name, phone, language, updated_ms) "
                "VALUES ('u-anna', 'Anna K.', '+4420', 'en', 100);");
    }
    engine::EngineStore store(file);
    CHECK(store.database().userVersion() == engine::latestSchemaVersion());
    const auto rows = store.eventsBetween("u-anna", 0, 10'000);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].title == "Old follow-up");
    CHECK(rows[0].interactionId == "i-1");
    CHECK_FALSE(rows[0].customerId);
    CHECK(store.pendingReminders().size() == 1);
    const auto profile = store.profile("u-anna");
    REQUIRE(profile);
    CHECK(profile->displayName == "Anna K.");
    CHECK(profile->photoPath.empty());
    CHECK(store.passwordHash("u-anna").empty());
    store.savePasswordHash("u-anna", "$argon2id$v=19$x", 200);
    CHECK(store.passwordHash("u-anna") == "$argon2id$v=19$x");
    CHECK(store.profile("u-anna")->displayName == "Anna K.");  // the rest of the profile stays
}
