#pragma once
// Calling records and their attempts in engine.db (schema v7): each record's state between
// attempts (due time, owner, preferred number, attempts made, wrong numbers, closed or not) and
// every call, rejection and reschedule with its disposition. Each write is its own transaction,
// committed before the agent hears of it.

#include "model/campaign_service.hpp"
#include "store/engine_store.hpp"

namespace agentdesk::engine {

class StoredCampaignJournal final : public CampaignJournal {
public:
    /// `store` must outlive the journal.
    explicit StoredCampaignJournal(EngineStore& store) : store_(store) {}

    std::map<Key, RecordState> loadRecords() override;
    void saveRecord(const Key& key, const RecordState& state, std::int64_t nowMs) override;
    void addAttempt(const Key& key, const events::RecordAttempt& attempt, const std::string& interactionId) override;
    std::vector<events::RecordAttempt> attempts(const Key& key) override;

private:
    EngineStore& store_;
};

}  // namespace agentdesk::engine
