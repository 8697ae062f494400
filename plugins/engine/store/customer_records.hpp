#pragma once
// Answers the customer commands of events/customer.hpp from the configuration (who the customer
// is) and the store (what they did before, across channels; stored chat transcripts).

#include "model/center_config.hpp"
#include "store/engine_store.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/events/customer.hpp>

#include <vector>

namespace agentdesk::engine {

class CustomerRecords {
public:
    /// Subscribes on `bus`; everything passed must outlive the records.
    CustomerRecords(Bus& bus, const CenterConfig& config, const EngineStore& store);

    /// The record for a customer id or an address ("" for either when unknown).
    events::CustomerRecord lookUp(std::string_view customerId, std::string_view address) const;

private:
    events::HistoryEntry entryFor(const InteractionRecord& record) const;

    Bus& bus_;
    const CenterConfig& config_;
    const EngineStore& store_;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::engine
