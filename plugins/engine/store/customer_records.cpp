#include "store/customer_records.hpp"

#include "store/call_journal.hpp"

#include <agentdesk/events/chat.hpp>
#include <agentdesk/events/core.hpp>

#include <algorithm>

namespace agentdesk::engine {

CustomerRecords::CustomerRecords(Bus& bus, const CenterConfig& config, const EngineStore& store)
    : bus_(bus), config_(config), store_(store) {
    subscriptions_.push_back(bus_.subscribe<events::GetCustomer>([this](const events::GetCustomer& c, const Message& m) {
        bus_.publish(lookUp(c.customerId, c.address), m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::GetChatHistory>([this](const events::GetChatHistory& c, const Message& m) {
        std::vector<events::ChatMessage> lines = store_.chatMessages(c.interactionId);
        if (lines.empty() && !store_.interaction(c.interactionId)) {
            bus_.publish(events::Error{std::string(c.topic), "unknown_interaction", "There is no stored chat with this id."},
                         m.correlation);
            return;
        }
        bus_.publish(events::ChatTranscript{c.interactionId, std::move(lines)}, m.correlation);
    }));
}

events::HistoryEntry CustomerRecords::entryFor(const InteractionRecord& record) const {
    events::HistoryEntry entry;
    entry.interactionId = record.id;
    entry.channel = record.channel;
    entry.serviceId = record.serviceId;
    if (const ServiceConfig* service = config_.findService(record.serviceId)) entry.serviceName = service->name;
    entry.agentId = record.agentId.value_or("");
    if (const UserAccount* agent = config_.findUserById(entry.agentId)) entry.agentName = agent->displayName;
    entry.from = record.fromAddress;
    entry.subject = record.subject;
    entry.queuedAtMs = record.queuedAtMs;
    entry.completedAtMs = record.completedAtMs.value_or(0);
    entry.outcome = record.outcome;
    entry.disposition = record.disposition.value_or("");
    entry.notes = record.notes;
    return entry;
}

events::CustomerRecord CustomerRecords::lookUp(std::string_view customerId, std::string_view address) const {
    events::CustomerRecord out;
    const Customer* customer = config_.findCustomer(customerId);
    if (!customer && !address.empty()) {
        for (const Customer& candidate : config_.customers) {
            if (candidate.phone == address || candidate.email == address || candidate.name == address) customer = &candidate;
        }
    }
    std::vector<InteractionRecord> history;
    if (customer) {
        out.found = true;
        out.customer = {customer->id, customer->name, customer->phone, customer->email, customer->company};
        history = store_.interactionsForCustomer(customer->id);
    } else if (!address.empty()) {
        history = store_.interactionsFromAddress(address);
        out.found = !history.empty();
        out.customer.name = std::string(address);
        out.customer.phone = std::string(address);
    }
    for (const InteractionRecord& record : history) out.history.push_back(entryFor(record));

    // Text messages sent from calls (VOICE-25), among the interactions by time.
    const std::string number = customer ? std::string() : std::string(address);
    if (customer || !number.empty()) {
        for (const StoredText& text : storedTexts(store_, customer ? customer->id : std::string(), number)) {
            events::HistoryEntry entry;
            entry.interactionId = text.interactionId;
            entry.channel = Channel::Voice;
            entry.agentId = text.agentId;
            if (const UserAccount* agent = config_.findUserById(text.agentId)) entry.agentName = agent->displayName;
            entry.serviceName = "SMS to " + text.message.number;
            entry.from = text.message.number;
            entry.subject = text.message.text;
            entry.queuedAtMs = entry.completedAtMs = text.message.atMs;
            entry.outcome = "sms sent";
            out.history.push_back(std::move(entry));
        }
        out.found = out.found || !out.history.empty();
        std::stable_sort(out.history.begin(), out.history.end(),
                         [](const events::HistoryEntry& a, const events::HistoryEntry& b) { return a.queuedAtMs > b.queuedAtMs; });
    }
    return out;
}

}  // namespace agentdesk::engine
