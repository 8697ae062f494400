// Outbound campaigns in the embedded contact center (CAMP-01..05), driven through the bus on the
// virtual clock, with the records and attempts kept in a real engine.db.

#include "model/campaign_service.hpp"
#include "model/contact_center.hpp"
#include "store/campaign_journal.hpp"
#include "store/engine_store.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/events/interaction.hpp>
#include <agentdesk/runtime/harness.hpp>
#include <agentdesk/text.hpp>

#include "engine/bus_log.hpp"
#include "engine/demo_hash.hpp"
#include "engine/scratch_dir.hpp"

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace agentdesk::engine;
using agentdesk::testing::BusLog;
using namespace std::chrono_literals;

namespace {

CenterConfig outboundCenter() {
    CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    config.users = {agentdesk::testing::demoUser("emma", {"sales"}), agentdesk::testing::demoUser("ben", {"support"})};
    ServiceConfig outbound;
    outbound.id = "outbound";
    outbound.name = "Outbound sales";
    outbound.channel = Channel::Campaign;
    outbound.afterCallWork = WrapUp::limitedTo(60s);
    outbound.dispositions = {"Answered", "Sale", "No answer", "Busy", "Wrong number", "Do not call", "Callback"};
    config.services = {outbound};
    return config;
}

CampaignConfig renewals(events::DialingMode mode = events::DialingMode::Preview) {
    CampaignConfig c;
    c.id = "renewals";
    c.name = "Club renewals";
    c.mode = mode;
    c.script = "Offer the renewal.";
    c.serviceId = "outbound";
    c.previewLimit = 30s;
    c.agents = {"u-emma"};
    c.rejectReasons = {"Not now"};
    c.records = {
        {"r-1", "Helen Ward", {{"+44 1", "mobile", CallOutcome::Answer}, {"+44 2", "home", CallOutcome::NoAnswer}},
         {{"Member since", "2019"}}},
        {"r-2", "Jonas Berg", {{"+46 1", "work", CallOutcome::Busy}, {"+46 2", "mobile", CallOutcome::Answer}}, {}},
    };
    return c;
}

struct Outbound {
    agentdesk::testing::ScratchDir dir{"agentdesk-campaign"};
    Harness harness;
    BusLog log{harness.bus};
    EngineStore store{dir.path() / "engine.db"};
    StoredCampaignJournal journal{store};
    ContactCenter center{harness.bus, harness.clock, harness.timers, outboundCenter()};
    CampaignService campaigns;

    explicit Outbound(events::DialingMode mode = events::DialingMode::Preview)
        : campaigns(center, harness.bus, harness.clock, harness.timers, {renewals(mode)}, journal) {
        harness.bus.publish(events::LoginRequest{"emma", "demo", PhoneDevice::Softphone, {}, false});
        harness.bus.publish(events::SetState{"u-emma", AgentState::Ready, {}});
        harness.advance(1s);
    }
    std::int64_t now() const { return toEpochMs(harness.clock.now()); }
    events::CallingRecord record() const { return log.last<events::CallingRecord>().first; }
    AgentState state() const { return center.agentState("u-emma")->state(); }
    std::vector<std::string> rows(const std::string& sql) {
        std::vector<std::string> out;
        Statement select = store.database().prepare(sql);
        while (select.step()) out.push_back(select.columnText(0));
        return out;
    }
};

}  // namespace

TEST_CASE("a Ready member gets the next record in preview, Busy with it and listed as a campaign interaction") {
    Outbound o;
    const auto record = o.record();
    CHECK(record.agentId == "u-emma");
    CHECK(record.recordId == "r-1");
    CHECK(record.name == "Helen Ward");
    CHECK(record.phase == events::RecordPhase::Preview);
    CHECK(record.previewEndsAtMs == o.now() - 1000 + 30'000);
    REQUIRE(record.numbers.size() == 2);
    CHECK(record.fields.at(0).value == "2019");
    CHECK(o.state() == AgentState::Busy);
    const auto offered = o.log.last<events::Offered>().first;
    CHECK(offered.interactionId == record.interactionId);
    CHECK(offered.channel == Channel::Campaign);
    CHECK(offered.outbound);
    CHECK(o.log.last<events::Connected>().first.interactionId == record.interactionId);
    const auto list = o.log.last<events::CampaignList>().first;
    REQUIRE(list.campaigns.size() == 1);
    CHECK(list.campaigns[0].name == "Club renewals");
    CHECK(list.campaigns[0].mode == events::DialingMode::Preview);
    CHECK(list.campaigns[0].script == "Offer the renewal.");
    CHECK(list.campaigns[0].openRecords == 2);
}

TEST_CASE("someone outside the campaign gets no record") {
    Outbound o;
    o.harness.bus.publish(events::LoginRequest{"ben", "demo", PhoneDevice::Softphone, {}, false});
    o.harness.bus.publish(events::SetState{"u-ben", AgentState::Ready, {}});
    o.harness.advance(1s);
    for (const auto& [record, m] : o.log.all<events::CallingRecord>()) CHECK(record.agentId == "u-emma");
    CHECK(o.center.agentState("u-ben")->state() == AgentState::Ready);
}

TEST_CASE("preview, reject, reschedule, call and disposition: every step is in engine.db") {
    Outbound o;
    const std::string first = o.record().interactionId;
    REQUIRE(o.record().recordId == "r-1");

    // Reject: the record goes back to the list for later, the agent gets the next one.
    o.harness.bus.publish(events::RejectRecord{"u-emma", first, "Not now"});
    const auto rejected = o.log.last<events::RecordDone>().first;
    CHECK(rejected.outcome == "Rejected");
    CHECK_FALSE(rejected.closed);
    CHECK(rejected.nextDueMs == o.now() + 15 * 60'000);
    CHECK(o.log.last<events::Completed>().first.interactionId == first);
    o.harness.advance(1s);
    const auto second = o.record();
    REQUIRE(second.recordId == "r-2");
    CHECK(o.state() == AgentState::Busy);

    // Reschedule for this agent, on the mobile, in two hours.
    const std::int64_t at = o.now() + 2 * 3600'000;
    const std::uint64_t past = o.harness.bus.publish(events::RescheduleRecord{"u-emma", second.interactionId, o.now() - 1, "", true, ""});
    CHECK(o.log.errorCode(past) == "invalid_time");
    o.harness.bus.publish(events::RescheduleRecord{"u-emma", second.interactionId, at, "+46 2", true, "on the mobile after work"});
    const auto rescheduled = o.log.last<events::RecordDone>().first;
    CHECK(rescheduled.outcome == "Rescheduled");
    CHECK(rescheduled.nextDueMs == at);
    CHECK(rescheduled.ownerAgentId == "u-emma");
    o.harness.advance(1s);
    CHECK(o.state() == AgentState::Ready);  // nothing due now

    // The rejected record comes back when due, with its history.
    o.harness.advance(15min);
    auto again = o.record();
    REQUIRE(again.recordId == "r-1");
    REQUIRE(again.attempts.size() == 1);
    CHECK(again.attempts[0].kind == "reject");
    CHECK(again.attempts[0].note == "Not now");

    // Call the mobile: it rings, the customer answers, the agent talks and hangs up.
    o.harness.bus.publish(events::CallRecord{"u-emma", again.interactionId, "+44 1"});
    CHECK(o.record().phase == events::RecordPhase::Dialing);
    o.harness.advance(5s);
    CHECK(o.record().phase == events::RecordPhase::Talking);
    CHECK(o.record().suggestedDisposition == "Answered");
    o.harness.advance(2min);
    o.harness.bus.publish(events::Release{again.interactionId, "u-emma"});
    CHECK(o.record().phase == events::RecordPhase::WrapUp);
    CHECK(o.state() == AgentState::AfterCallWork);
    o.harness.bus.publish(events::SetDisposition{"u-emma", again.interactionId, "Sale", "renewed for two years"});
    const auto done = o.log.last<events::RecordDone>().first;
    CHECK(done.outcome == "Sale");
    CHECK(done.closed);
    CHECK(o.log.last<events::Completed>().first.disposition == "Sale");
    CHECK(o.state() == AgentState::Ready);

    CHECK(o.rows("SELECT kind || ' ' || record_id || ' ' || number || ' ' || disposition || ' ' || note "
                 "FROM campaign_attempts ORDER BY id") ==
          std::vector<std::string>{"reject r-1   Not now", "reschedule r-2 +46 2  " + text::dateTimeText(at) + ", personal: on the mobile after work",
                                   "call r-1 +44 1 Sale renewed for two years"});
    CHECK(o.rows("SELECT record_id || ' ' || closed || ' ' || owner_id || ' ' || preferred_number || ' ' || attempts "
                 "FROM campaign_records ORDER BY record_id") ==
          std::vector<std::string>{"r-1 1   1", "r-2 0 u-emma +46 2 0"});

    // A restarted engine reads the states back.
    StoredCampaignJournal reopened(o.store);
    const auto states = reopened.loadRecords();
    CHECK(states.at({"renewals", "r-1"}).closed);
    CHECK(states.at({"renewals", "r-2"}).dueAtMs == at);
}

TEST_CASE("when the preview runs out the first number is dialled, no answer ends in wrap-up and a retry later") {
    Outbound o;
    auto record = o.record();
    o.harness.advance(30s);
    CHECK(o.record().phase == events::RecordPhase::Dialing);
    CHECK(o.record().dialledNumber == "+44 1");
    o.harness.advance(5s);
    CHECK(o.record().phase == events::RecordPhase::Talking);
    // Wrong number: the mobile is never called again; the record is due at once on the other number.
    o.harness.bus.publish(events::SetDisposition{"u-emma", record.interactionId, "Wrong number", ""});
    CHECK(o.log.last<events::RecordDone>().first.nextDueMs == o.now());
    o.harness.advance(1s);
    REQUIRE(o.record().recordId == "r-2");  // due for longer
    o.harness.bus.publish(events::RejectRecord{"u-emma", o.record().interactionId, "Not now"});
    o.harness.advance(1s);
    record = o.record();
    REQUIRE(record.recordId == "r-1");
    CHECK(record.numbers[0].wrong);
    const std::uint64_t wrong = o.harness.bus.publish(events::CallRecord{"u-emma", record.interactionId, "+44 1"});
    CHECK(o.log.errorCode(wrong) == "invalid_number");
    o.harness.bus.publish(events::CallRecord{"u-emma", record.interactionId, "+44 2"});
    o.harness.advance(25s);
    CHECK(o.record().suggestedDisposition == "No answer");
    CHECK(o.record().phase == events::RecordPhase::WrapUp);
    CHECK(o.state() == AgentState::AfterCallWork);
    const std::uint64_t late = o.harness.bus.publish(events::RejectRecord{"u-emma", record.interactionId, "Not now"});
    CHECK(o.log.errorCode(late) == "invalid_state");
    // The wrap-up times out: the call's outcome is the disposition.
    o.harness.advance(60s);
    const auto done = o.log.last<events::RecordDone>().first;
    CHECK(done.outcome == "No answer");
    CHECK_FALSE(done.closed);
    CHECK(o.campaigns.state("renewals", "r-1").attempts == 2);
}

TEST_CASE("a callback chosen after the call comes back to the same agent at that time") {
    Outbound o;
    auto record = o.record();
    o.harness.bus.publish(events::CallRecord{"u-emma", record.interactionId, "+44 1"});
    o.harness.advance(5s);
    const std::int64_t at = o.now() + 3600'000;
    o.harness.bus.publish(events::RescheduleRecord{"u-emma", record.interactionId, at, "", true, "driving, call in an hour"});
    const auto done = o.log.last<events::RecordDone>().first;
    CHECK(done.outcome == "Callback");
    CHECK(done.nextDueMs == at);
    CHECK(done.ownerAgentId == "u-emma");
    CHECK(o.log.last<events::Completed>().first.disposition == "Callback");
    CHECK(o.log.last<events::Completed>().first.notes == "driving, call in an hour");  // the reason, as the attempt's notes
}

TEST_CASE("Do not call closes the record: it is never handed out again") {
    Outbound o;
    auto record = o.record();
    o.harness.bus.publish(events::CallRecord{"u-emma", record.interactionId, "+44 1"});
    o.harness.advance(5s);
    o.harness.bus.publish(events::SetDisposition{"u-emma", record.interactionId, "Do not call", ""});
    CHECK(o.log.last<events::RecordDone>().first.closed);
    o.harness.advance(1s);
    CHECK(o.record().recordId == "r-2");
    o.harness.bus.publish(events::RejectRecord{"u-emma", o.record().interactionId, "Not now"});
    o.harness.advance(2h);
    for (const auto& [r, m] : o.log.all<events::CallingRecord>()) {
        if (r.recordId == "r-1") CHECK(r.interactionId == record.interactionId);
    }
    CHECK(o.campaigns.state("renewals", "r-1").closedReason == "Do not call");
}

TEST_CASE("progressive mode dials at once, a busy line suggests Busy") {
    Outbound o(events::DialingMode::Progressive);
    CHECK(o.record().phase == events::RecordPhase::Dialing);
    CHECK(o.record().dialledNumber == "+44 1");
    o.harness.advance(5s);
    o.harness.bus.publish(events::SetDisposition{"u-emma", o.record().interactionId, "Answered", ""});
    o.harness.advance(1s);
    const auto next = o.record();
    CHECK(next.recordId == "r-2");
    CHECK(next.dialledNumber == "+46 1");
    o.harness.advance(3s);
    CHECK(o.record().suggestedDisposition == "Busy");
}
