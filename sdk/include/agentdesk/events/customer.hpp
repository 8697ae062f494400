#pragma once
// Customers and their history across channels (spec UI-07 contact info, screen-pop, CHAT-10):
//
//   customer.get        ->   customer.record   (the customer's details and past interactions)
//   chat.history.get    ->   chat.transcript   (the stored transcript of a finished chat)

#include "agentdesk/codec.hpp"
#include "agentdesk/types.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace agentdesk::events {

/// A customer as the contact center knows them.
struct CustomerInfo {
    std::string id;
    std::string name;
    std::string phone;
    std::string email;
    std::string company;
    MSGPACK_DEFINE_MAP(id, name, phone, email, company)
};

/// One past or current interaction of a customer.
struct HistoryEntry {
    std::string interactionId;
    Channel channel = Channel::Voice;
    std::string serviceId;
    std::string serviceName;
    std::string agentId;
    std::string agentName;
    std::string from;
    std::string subject;
    std::int64_t queuedAtMs = 0;
    std::int64_t completedAtMs = 0;  ///< 0 while not finished
    std::string outcome;             ///< queued, connected, wrap-up, handled, abandoned
    std::string disposition;
    std::string notes;
    MSGPACK_DEFINE_MAP(interactionId, channel, serviceId, serviceName, agentId, agentName, from, subject, queuedAtMs,
                       completedAtMs, outcome, disposition, notes)
};

/// Command: a customer's record, by id or by an address they use (phone, email, chat name).
/// Answered by CustomerRecord (found false when nobody matches).
struct GetCustomer {
    static constexpr std::string_view topic = "customer.get";
    std::string customerId;
    std::string address;
    MSGPACK_DEFINE_MAP(customerId, address)
};

/// Event: a customer's details and history, newest first.
struct CustomerRecord {
    static constexpr std::string_view topic = "customer.record";
    bool found = false;
    CustomerInfo customer;
    std::vector<HistoryEntry> history;
    MSGPACK_DEFINE_MAP(found, customer, history)
};

/// Command: the stored transcript of a chat, finished or not. Answered by chat.transcript or Error
/// (unknown_interaction).
struct GetChatHistory {
    static constexpr std::string_view topic = "chat.history.get";
    std::string interactionId;
    MSGPACK_DEFINE_MAP(interactionId)
};

}  // namespace agentdesk::events
