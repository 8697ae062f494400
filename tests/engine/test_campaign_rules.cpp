// The fate of a calling record after each attempt (CAMP-03..05), and campaigns.json as shipped.

#include "model/campaigns.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace agentdesk;
using namespace agentdesk::engine;

namespace {

CallingRecordConfig twoNumbers() {
    return CallingRecordConfig{"r-1", "Helen Ward", {{"+44 1", "mobile", CallOutcome::Answer}, {"+44 2", "home", CallOutcome::NoAnswer}}, {}};
}

constexpr std::int64_t now = 1'000'000'000;
constexpr std::int64_t minute = 60'000;

}  // namespace

TEST_CASE("Do not call closes the record for good") {
    RecordState s;
    const Fate fate = applyDisposition(s, CampaignRules{}, twoNumbers(), "Do not call", "+44 1", "u-emma", now);
    CHECK(fate.closed);
    CHECK(s.closed);
    CHECK(s.closedReason == "Do not call");
    CHECK(s.attempts == 1);
}

TEST_CASE("Answered and the service's own results close the record as reached") {
    RecordState a;
    CHECK(applyDisposition(a, CampaignRules{}, twoNumbers(), "Answered", "+44 1", "u-emma", now).closed);
    RecordState b;
    CHECK(applyDisposition(b, CampaignRules{}, twoNumbers(), "Sale", "+44 1", "u-emma", now).closed);
    CHECK(b.closedReason == "Sale");
}

TEST_CASE("No answer and Busy come back later for anyone until the maximum attempts, then close") {
    CampaignRules rules;
    rules.maxAttempts = 3;
    rules.retryDelay = Milliseconds(30 * minute);
    rules.busyRetryDelay = Milliseconds(10 * minute);
    RecordState s;
    s.ownerAgentId = "u-emma";
    Fate fate = applyDisposition(s, rules, twoNumbers(), "No answer", "+44 1", "u-emma", now);
    CHECK_FALSE(fate.closed);
    CHECK(s.dueAtMs == now + 30 * minute);
    CHECK(s.ownerAgentId.empty());
    fate = applyDisposition(s, rules, twoNumbers(), "Busy", "+44 1", "u-emma", now + 40 * minute);
    CHECK_FALSE(fate.closed);
    CHECK(s.dueAtMs == now + 50 * minute);
    fate = applyDisposition(s, rules, twoNumbers(), "No answer", "+44 2", "u-grace", now + 60 * minute);
    CHECK(fate.closed);
    CHECK(s.closedReason == "Maximum attempts reached");
    CHECK(s.attempts == 3);
}

TEST_CASE("Callback keeps the record for the agent at the time chosen, on the number called") {
    RecordState s;
    const Fate fate = applyDisposition(s, CampaignRules{}, twoNumbers(), "Callback", "+44 2", "u-emma", now, now + 90 * minute);
    CHECK_FALSE(fate.closed);
    CHECK(s.dueAtMs == now + 90 * minute);
    CHECK(s.ownerAgentId == "u-emma");
    CHECK(s.preferredNumber == "+44 2");
    CHECK(callableNumbers(twoNumbers(), s) == std::vector<std::string>{"+44 2", "+44 1"});

    RecordState noTime;
    applyDisposition(noTime, CampaignRules{}, twoNumbers(), "Callback", "+44 1", "u-emma", now);
    CHECK(noTime.dueAtMs == now + CampaignRules{}.callbackDelay.count());
}

TEST_CASE("a wrong number is never called again, and the record closes when none is left") {
    RecordState s;
    Fate fate = applyDisposition(s, CampaignRules{}, twoNumbers(), "Wrong number", "+44 1", "u-emma", now);
    CHECK_FALSE(fate.closed);
    CHECK(s.dueAtMs == now);  // at once, on the other number
    CHECK(callableNumbers(twoNumbers(), s) == std::vector<std::string>{"+44 2"});
    fate = applyDisposition(s, CampaignRules{}, twoNumbers(), "Wrong number", "+44 2", "u-emma", now);
    CHECK(fate.closed);
    CHECK(s.closedReason == "No valid number left");
    CHECK(callableNumbers(twoNumbers(), s).empty());
}

TEST_CASE("a rejection is no attempt: the record is due again after the reject delay, for anyone") {
    CampaignRules rules;
    rules.rejectDelay = Milliseconds(15 * minute);
    RecordState s;
    s.ownerAgentId = "u-emma";
    const Fate fate = applyReject(s, rules, now);
    CHECK_FALSE(fate.closed);
    CHECK(s.attempts == 0);
    CHECK(s.dueAtMs == now + 15 * minute);
    CHECK(s.ownerAgentId.empty());
}

TEST_CASE("a reschedule sets the time, the number and who gets it") {
    RecordState s;
    applyReschedule(s, now + 120 * minute, "+44 2", "u-emma", true);
    CHECK(s.dueAtMs == now + 120 * minute);
    CHECK(s.ownerAgentId == "u-emma");
    CHECK(s.preferredNumber == "+44 2");
    applyReschedule(s, now + 180 * minute, "", "u-emma", false);
    CHECK(s.ownerAgentId.empty());
    CHECK(s.preferredNumber == "+44 2");  // kept when no number is chosen
}

TEST_CASE("the shipped campaigns load against the shipped center") {
    const auto dir = std::filesystem::path(AGENTDESK_TEST_ASSETS) / "scenario";
    const CenterConfig center = loadCenterConfig(dir);
    const std::vector<CampaignConfig> campaigns = loadCampaigns(dir, center);
    REQUIRE(campaigns.size() == 2);
    const CampaignConfig& renewals = campaigns[0];
    CHECK(renewals.name == "Trail club renewals");
    CHECK(renewals.mode == events::DialingMode::Preview);
    CHECK(renewals.previewLimit == Milliseconds(45'000));
    CHECK(renewals.hasMember(*center.findUserById("u-emma")));
    CHECK_FALSE(renewals.hasMember(*center.findUserById("u-anna")));
    REQUIRE(renewals.records.size() == 5);
    CHECK(renewals.records[0].numbers.size() == 2);
    CHECK(renewals.records[0].numbers[1].outcome == CallOutcome::NoAnswer);
    REQUIRE_FALSE(renewals.records[0].fields.empty());
    CHECK(renewals.records[0].fields[0].name == "Member since");  // the file's order
    CHECK(campaigns[1].mode == events::DialingMode::Progressive);
}

TEST_CASE("a campaign on a service that is not a Campaign service is refused with the fix") {
    const auto dir = std::filesystem::path(AGENTDESK_TEST_ASSETS) / "scenario";
    const CenterConfig center = loadCenterConfig(dir);
    const auto bad = nlohmann::json::parse(R"({"campaigns": [{"id": "x", "serviceId": "sales-voice", "records": []}]})");
    CHECK_THROWS_WITH_AS(parseCampaigns(bad, center), doctest::Contains("must have the channel Campaign"), ConfigError);
    const auto noNumber = nlohmann::json::parse(
        R"({"campaigns": [{"id": "x", "serviceId": "sales-outbound", "records": [{"id": "r", "name": "N", "numbers": ["abc"]}]}]})");
    CHECK_THROWS_WITH_AS(parseCampaigns(noNumber, center), doctest::Contains("is not a phone number"), ConfigError);
}
