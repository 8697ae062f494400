// The Campaign panel's model against the embedded contact center: the campaign shown, the record
// in preview with its countdown, the number chosen, the call's phases and the disposition.

#include "model/call_control.hpp"
#include "model/campaign_desk.hpp"
#include "model/campaign_service.hpp"
#include "model/contact_center.hpp"
#include "model/voice_service.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/runtime/harness.hpp>
#include <agentdesk/text.hpp>

#include "engine/demo_hash.hpp"

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace agentdesk::engine;
using namespace std::chrono_literals;

namespace {

CenterConfig center() {
    CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    config.users = {agentdesk::testing::demoUser("emma", {"sales"})};
    ServiceConfig outbound;
    outbound.id = "outbound";
    outbound.name = "Outbound sales";
    outbound.channel = Channel::Campaign;
    outbound.afterCallWork = WrapUp::untilCompleted();
    outbound.dispositions = {"Answered", "Sale", "No answer", "Callback"};
    config.services = {outbound};
    return config;
}

CampaignConfig campaign() {
    CampaignConfig c;
    c.id = "renewals";
    c.name = "Club renewals";
    c.script = "Offer the renewal at 10% off.";
    c.serviceId = "outbound";
    c.previewLimit = 30s;
    c.agents = {"u-emma"};
    c.rejectReasons = {"Not now", "Renewed already"};
    c.records = {{"r-1", "Helen Ward", {{"+44 1", "mobile", CallOutcome::NoAnswer}, {"+44 2", "home", CallOutcome::Answer}},
                  {{"Member since", "2019"}}}};
    return c;
}

struct Desk {
    Harness harness;
    ContactCenter engine{harness.bus, harness.clock, harness.timers, center()};
    MemoryCampaignJournal journal;
    CampaignService service{engine, harness.bus, harness.clock, harness.timers, {campaign()}, journal};
    campaign::CampaignDesk desk{harness.bus, harness.clock};
    voice::CallControl callPanel{harness.bus, harness.clock};  // the Call panel's model: its Hold / Mute shortcuts

    Desk() { harness.bus.publish(events::LoginRequest{"emma", "demo", PhoneDevice::Softphone, {}, false}); }
    void ready() {
        harness.bus.publish(events::SetState{"u-emma", AgentState::Ready, {}});
        harness.advance(1s);
    }
};

}  // namespace

TEST_CASE("campaign panel: the campaign the agent takes part in, with its mode and script") {
    Desk d;
    REQUIRE(d.desk.loggedIn());
    REQUIRE(d.desk.currentCampaign());
    CHECK(d.desk.currentCampaign()->name == "Club renewals");
    CHECK(d.desk.currentCampaign()->mode == events::DialingMode::Preview);
    CHECK(d.desk.currentCampaign()->script == "Offer the renewal at 10% off.");
    CHECK(d.desk.currentCampaign()->dueRecords == 1);
    CHECK_FALSE(d.desk.record());
}

TEST_CASE("campaign panel: the record in preview counts down, Call dials the number chosen, the disposition ends it") {
    Desk d;
    d.ready();
    REQUIRE(d.desk.record());
    CHECK(d.desk.record()->name == "Helen Ward");
    CHECK(d.desk.inPreview());
    CHECK(d.desk.previewLeftMs() == 29'000);
    CHECK(d.desk.callableNumbers() == std::vector<std::string>{"+44 1", "+44 2"});
    CHECK(d.desk.chosenNumber() == "+44 1");
    d.desk.chooseNumber("+44 2");
    CHECK_FALSE(d.desk.canDispose());
    d.desk.call();
    CHECK(d.desk.record()->phase == events::RecordPhase::Dialing);
    CHECK(d.desk.record()->dialledNumber == "+44 2");
    CHECK(d.desk.canHangUp());
    d.harness.advance(5s);
    CHECK(d.desk.record()->phase == events::RecordPhase::Talking);
    CHECK(d.desk.canDispose());
    d.desk.hangUp();
    CHECK(d.desk.record()->phase == events::RecordPhase::WrapUp);
    d.desk.dispose("Sale", "two years");
    CHECK_FALSE(d.desk.record());
    CHECK(d.desk.lastOutcome().starts_with("Helen Ward: Sale"));
    CHECK(d.desk.currentCampaign()->openRecords == 0);
    CHECK(d.desk.takeError().empty());
}

TEST_CASE("campaign panel: a refused reschedule shows its reason, reject takes the record away") {
    Desk d;
    d.ready();
    REQUIRE(d.desk.record());
    d.desk.reschedule(toEpochMs(d.harness.clock.now()) - 60'000, "", true);
    CHECK(d.desk.takeError() == "Choose a time in the future for the next attempt.");
    CHECK(d.desk.record());
    d.desk.reject("Renewed already");
    CHECK_FALSE(d.desk.record());
    CHECK(d.desk.lastOutcome().starts_with("Helen Ward: Rejected"));
    REQUIRE(d.journal.attemptsOf.size() == 1);
    CHECK(d.journal.attemptsOf.begin()->second.at(0).note == "Renewed already");
}

TEST_CASE("campaign panel: rescheduled from preview with a reason, or after the call as a callback with the reason as notes") {
    Desk d;
    d.ready();
    REQUIRE(d.desk.canReschedule());
    const std::int64_t inAnHour = toEpochMs(d.harness.clock.now()) + 3600'000;
    SUBCASE("in preview") {
        d.desk.reschedule(inAnHour, "+44 2", false, "at work until five");
        CHECK(d.desk.lastOutcome().starts_with("Helen Ward: Rescheduled"));
        REQUIRE(d.journal.attemptsOf.size() == 1);
        CHECK(d.journal.attemptsOf.begin()->second.at(0).note ==
              text::dateTimeText(inAnHour) + ", anyone: at work until five");
    }
    SUBCASE("after the call") {
        d.desk.chooseNumber("+44 2");
        d.desk.call();
        CHECK_FALSE(d.desk.canReschedule());  // dialling: wait for the outcome
        d.harness.advance(5s);
        d.desk.hangUp();
        REQUIRE(d.desk.canReschedule());
        d.desk.reschedule(inAnHour, "", true, "asked to be called after lunch");
        CHECK(d.desk.takeError().empty());
        CHECK(d.desk.lastOutcome().starts_with("Helen Ward: Callback"));
        const auto& attempts = d.journal.attemptsOf.begin()->second;
        CHECK(attempts.back().disposition == "Callback");
        CHECK(attempts.back().note == "asked to be called after lunch");
    }
    CHECK_FALSE(d.desk.record());
    CHECK_FALSE(d.desk.canReschedule());
}

TEST_CASE("the Call panel's Hold and Mute shortcuts act on a campaign call, which the Campaign panel shows") {
    Desk d;
    VoiceService voice{d.engine, d.harness.bus, d.harness.clock};
    d.ready();
    REQUIRE(d.desk.inPreview());
    CHECK_FALSE(d.callPanel.callElsewhere());  // nobody to hold yet
    d.desk.chooseNumber("+44 2");
    d.desk.call();
    CHECK_FALSE(d.callPanel.callElsewhere());  // ringing at the customer
    d.harness.advance(5s);
    REQUIRE(d.desk.talking());
    CHECK_FALSE(d.callPanel.call());  // not in the Call panel
    REQUIRE(d.callPanel.callElsewhere());
    d.callPanel.toggleHold();
    CHECK(d.desk.held());
    d.callPanel.toggleHold();
    CHECK_FALSE(d.desk.held());
    d.callPanel.toggleMute();
    CHECK(d.desk.muted());
    d.desk.hangUp();
    CHECK_FALSE(d.callPanel.callElsewhere());
}

TEST_CASE("campaign panel: the campaign call is held and muted from the panel, with its hold time") {
    Desk d;
    VoiceService voice{d.engine, d.harness.bus, d.harness.clock};
    d.ready();
    d.desk.chooseNumber("+44 2");
    CHECK_FALSE(d.desk.talking());
    d.desk.call();
    d.harness.advance(5s);
    REQUIRE(d.desk.talking());
    d.desk.toggleHold();
    CHECK(d.desk.held());
    d.harness.advance(12s);
    CHECK(d.desk.holdTime() == 12s);
    d.desk.toggleHold();
    CHECK_FALSE(d.desk.held());
    d.desk.toggleMute();
    CHECK(d.desk.muted());
    d.desk.hangUp();
    CHECK_FALSE(d.desk.talking());
    CHECK_FALSE(d.desk.muted());
    CHECK(d.desk.takeError().empty());
}
