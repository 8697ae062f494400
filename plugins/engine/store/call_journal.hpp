#pragma once
// Voice application results and text messages sent from calls, in engine.db (schema v9), each
// committed before the agent hears of it. Texts are part of the customer's history.

#include "model/voice_automation.hpp"
#include "store/engine_store.hpp"

#include <string_view>
#include <vector>

namespace agentdesk::engine {

class StoredCallJournal final : public CallJournal {
public:
    /// `store` must outlive the journal.
    explicit StoredCallJournal(EngineStore& store) : store_(store) {}

    int nextReference(std::string_view prefix) override;
    void addResult(const std::string& interactionId, const std::string& customerId,
                   const events::ApplicationResult& result) override;
    void addText(const std::string& interactionId, const std::string& agentId, const std::string& customerId,
                 const events::TextMessage& text) override;

    /// The results kept for a call, oldest first.
    std::vector<events::ApplicationResult> results(std::string_view interactionId) const;

private:
    EngineStore& store_;
};

/// A text message sent from a call, as the customer's history lists it.
struct StoredText {
    std::string interactionId;
    std::string agentId;
    std::string customerId;
    events::TextMessage message;
};

/// Texts sent to a customer (by id) or, for an unidentified caller, to a number; newest first.
std::vector<StoredText> storedTexts(const EngineStore& store, std::string_view customerId, std::string_view number,
                                    int limit = 50);

}  // namespace agentdesk::engine
