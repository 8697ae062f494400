#pragma once
// Outbound campaigns (spec CAMP-01..05): their configuration (assets/scenario/campaigns.json)
// and the rules that decide a calling record's fate after each attempt. Plain data and pure
// functions; the CampaignService (campaign_service.hpp) runs them on the bus.
//
// A record's fate, by the attempt's disposition:
//   Answered, or any disposition of the service not named below   closed: the customer was reached
//   Do not call                                                    closed for good
//   Wrong number                 that number is never called again; closed when none is left,
//                                else due again at once on another number
//   Callback                     due again at the time the agent chose (default: callbackDelay),
//                                kept for that agent, on the number called
//   No answer, Busy              due again after retryDelay (busyRetryDelay) for anyone, until
//                                maxAttempts calls were made: then closed
// A rejected record (skipped in preview) is no attempt: it is due again after rejectDelay, for
// anyone. A reschedule makes it due at the time chosen, on the number chosen, for the agent or anyone.

#include "model/center_config.hpp"

#include <agentdesk/clock.hpp>
#include <agentdesk/events/campaign.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::engine {

/// The dispositions the rules know by name.
namespace campaign_dispositions {
inline constexpr std::string_view answered = "Answered";
inline constexpr std::string_view noAnswer = "No answer";
inline constexpr std::string_view busy = "Busy";
inline constexpr std::string_view wrongNumber = "Wrong number";
inline constexpr std::string_view doNotCall = "Do not call";
inline constexpr std::string_view callback = "Callback";
}  // namespace campaign_dispositions

/// How the simulated customer behind a number reacts to a call (deterministic, for demos and tests).
enum class CallOutcome { Answer, NoAnswer, Busy };

/// A number of a calling record.
struct CampaignNumber {
    std::string number;
    std::string label;
    CallOutcome outcome = CallOutcome::Answer;
};

/// One entry of a calling list.
struct CallingRecordConfig {
    std::string id;
    std::string name;
    std::vector<CampaignNumber> numbers;
    std::vector<events::RecordField> fields;  ///< in the file's order
};

/// How often and when records are tried again.
struct CampaignRules {
    int maxAttempts = 3;
    Milliseconds retryDelay{30 * 60'000};      ///< after No answer
    Milliseconds busyRetryDelay{10 * 60'000};  ///< after Busy
    Milliseconds rejectDelay{15 * 60'000};     ///< after a rejection in preview
    Milliseconds callbackDelay{60 * 60'000};   ///< a Callback with no time chosen
};

/// One campaign of campaigns.json.
struct CampaignConfig {
    std::string id;
    std::string name;
    events::DialingMode mode = events::DialingMode::Preview;
    std::string script;
    std::string serviceId;                 ///< a service of channel Campaign
    Milliseconds previewLimit{30'000};
    std::vector<std::string> agents;       ///< user ids taking part
    std::vector<std::string> teams;        ///< and every member of these teams
    std::vector<std::string> rejectReasons;
    CampaignRules rules;
    std::vector<CallingRecordConfig> records;

    /// True when `user` takes part.
    bool hasMember(const UserAccount& user) const;
    const CallingRecordConfig* findRecord(std::string_view recordId) const;
};

/// Reads campaigns.json's contents ({"campaigns": [...]}); services and users are checked against
/// `center`. Throws ConfigError.
std::vector<CampaignConfig> parseCampaigns(const nlohmann::json& json, const CenterConfig& center);
/// Loads `<scenarioDir>/campaigns.json`; no campaigns when the file is absent. Throws ConfigError.
std::vector<CampaignConfig> loadCampaigns(const std::filesystem::path& scenarioDir, const CenterConfig& center);

/// Where a record stands between attempts.
struct RecordState {
    bool closed = false;
    std::string closedReason;
    std::int64_t dueAtMs = 0;       ///< not called before this
    std::string ownerAgentId;       ///< "" for anyone in the campaign
    std::string preferredNumber;    ///< called first when set
    int attempts = 0;               ///< calls made
    std::set<std::string> wrongNumbers;

    bool operator==(const RecordState&) const = default;
};

/// What an attempt's disposition made of the record.
struct Fate {
    bool closed = false;
    std::string reason;  ///< for the agent: "Closed: do not call", "Tried again at 14:30", ...
};

/// Applies a call attempt's result: `number` was called at `nowMs`, by `agentId`, and ended with
/// `disposition`; `callbackAtMs` (0: none) is the time chosen for a Callback.
Fate applyDisposition(RecordState& state, const CampaignRules& rules, const CallingRecordConfig& record,
                      std::string_view disposition, const std::string& number, const std::string& agentId,
                      std::int64_t nowMs, std::int64_t callbackAtMs = 0);
/// The agent skipped the record in preview.
Fate applyReject(RecordState& state, const CampaignRules& rules, std::int64_t nowMs);
/// The agent set the next attempt: at `atMs`, on `number` ("" keeps the choice open), for `agentId` or anyone.
Fate applyReschedule(RecordState& state, std::int64_t atMs, const std::string& number, const std::string& agentId,
                     bool personal);

/// The numbers of `record` that may still be called, the preferred one first.
std::vector<std::string> callableNumbers(const CallingRecordConfig& record, const RecordState& state);

}  // namespace agentdesk::engine
