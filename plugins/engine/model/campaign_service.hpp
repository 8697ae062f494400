#pragma once
// Outbound campaigns in the embedded contact center (spec CAMP-01..05), on the bus of
// events/campaign.hpp. A Ready agent taking part in a campaign (a desktop's agent with a phone,
// not a simulated colleague) is handed the next due record of their campaigns: their personal
// callbacks first, then the earliest due, in list order. The record is an interaction of the
// campaign's service, connected at once (the agent is Busy; After Call Work follows the call as
// the service says).
//
// Preview mode: the record waits for the agent's decision until the preview limit; then its first
// usable number is dialled, as if the agent had pressed Call. Progressive and Predictive: dialled
// at once. The simulated customer answers after 5 s, does not answer (after 25 s) or is busy
// (after 3 s), as the number's "simulate" says in campaigns.json: deterministic on the clock.
//
// Every attempt, rejection and reschedule is written to a CampaignJournal (the engine store keeps
// it in engine.db) with the record's new state, before the agent hears of it.

#include "model/campaigns.hpp"
#include "model/contact_center.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/events/campaign.hpp>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace agentdesk::engine {

/// Where the state of calling records and their attempts are kept.
class CampaignJournal {
public:
    using Key = std::pair<std::string, std::string>;  ///< campaign id, record id
    virtual ~CampaignJournal() = default;
    /// Every record with a saved state.
    virtual std::map<Key, RecordState> loadRecords() = 0;
    virtual void saveRecord(const Key& key, const RecordState& state, std::int64_t nowMs) = 0;
    virtual void addAttempt(const Key& key, const events::RecordAttempt& attempt, const std::string& interactionId) = 0;
    /// The record's attempts, oldest first.
    virtual std::vector<events::RecordAttempt> attempts(const Key& key) = 0;
};

/// A journal in memory (tests, and a center without a store).
class MemoryCampaignJournal final : public CampaignJournal {
public:
    std::map<Key, RecordState> loadRecords() override { return records; }
    void saveRecord(const Key& key, const RecordState& state, std::int64_t) override { records[key] = state; }
    void addAttempt(const Key& key, const events::RecordAttempt& attempt, const std::string&) override {
        attemptsOf[key].push_back(attempt);
    }
    std::vector<events::RecordAttempt> attempts(const Key& key) override { return attemptsOf[key]; }

    std::map<Key, RecordState> records;
    std::map<Key, std::vector<events::RecordAttempt>> attemptsOf;
};

class CampaignService final : public CenterObserver {
public:
    /// Everything passed must outlive the service.
    CampaignService(ContactCenter& center, Bus& bus, const Clock& clock, Timers& timers,
                    std::vector<CampaignConfig> campaigns, CampaignJournal& journal);
    ~CampaignService() override;
    CampaignService(const CampaignService&) = delete;
    CampaignService& operator=(const CampaignService&) = delete;

    const std::vector<CampaignConfig>& campaigns() const { return campaigns_; }
    /// A record's state (a fresh one when never tried).
    RecordState state(std::string_view campaignId, std::string_view recordId) const;
    /// The campaigns `agentId` takes part in, as campaign.list shows them.
    std::vector<events::CampaignInfo> campaignsOf(std::string_view agentId) const;

    // CenterObserver
    void loggedIn(const UserAccount& user, TimePoint at) override;
    void stateChanged(const UserAccount& user, const AgentStatus& status) override;
    void ended(const Interaction& interaction, events::EndedBy by) override;
    void completed(const Interaction& interaction, TimePoint at, bool byTimeout) override;

private:
    /// A record an agent holds.
    struct Work {
        const CampaignConfig* campaign = nullptr;
        const CallingRecordConfig* record = nullptr;
        std::string agentId;
        std::string interactionId;
        events::RecordPhase phase = events::RecordPhase::Preview;
        std::int64_t previewEndsAtMs = 0;
        std::string dialledNumber;
        std::int64_t dialledAtMs = 0;
        std::string suggested;         // from the call's outcome
        std::string chosen;            // the disposition the agent chose
        std::int64_t callbackAtMs = 0; // a reschedule after the call
        bool callbackPersonal = true;
        std::string callbackNumber;
        Timer previewTimer;
        Timer callTimer;
    };

    CampaignJournal::Key keyOf(const Work& work) const { return {work.campaign->id, work.record->id}; }
    RecordState& stateOf(const CampaignJournal::Key& key) { return states_[key]; }
    bool isHeld(const CampaignJournal::Key& key) const;
    Work* workFor(std::string_view command, const std::string& agentId, const std::string& interactionId,
                  std::uint64_t correlation);
    void refuse(std::string_view command, std::string_view code, std::string message, std::uint64_t correlation);

    void poke(const std::string& agentId);
    void handOut(const std::string& agentId);
    void scheduleNextDue();
    void call(Work& work, const std::string& number, std::uint64_t correlation);
    void callOutcome(const std::string& interactionId, CallOutcome outcome);
    void settle(const std::string& interactionId, std::string disposition, const std::string& notes);
    void finishWithoutCall(Work& work, const Fate& fate, events::RecordAttempt attempt, std::string outcome,
                           std::uint64_t correlation);
    void publishRecord(const Work& work, std::uint64_t correlation = 0);
    void publishList(const std::string& agentId, std::uint64_t correlation = 0);

    void onCall(const events::CallRecord& command, const Message& message);
    void onReject(const events::RejectRecord& command, const Message& message);
    void onReschedule(const events::RescheduleRecord& command, const Message& message);
    void onDisposition(const events::SetDisposition& command, const Message& message);

    ContactCenter& center_;
    Bus& bus_;
    const Clock& clock_;
    Timers& timers_;
    std::vector<CampaignConfig> campaigns_;
    CampaignJournal& journal_;
    std::map<CampaignJournal::Key, RecordState> states_;
    std::map<std::string, Work, std::less<>> work_;  // by interaction id
    std::map<std::string, Timer, std::less<>> pokes_; // by agent id
    Timer nextDue_;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::engine
