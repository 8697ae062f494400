#include "store/call_journal.hpp"

#include <fmt/format.h>

namespace agentdesk::engine {

int StoredCallJournal::nextReference(std::string_view prefix) {
    // References are never given back: the count so far names the next one.
    Statement count = store_.database().prepare(
        "SELECT (SELECT COUNT(*) FROM call_application_results WHERE reference LIKE ?1) + "
        "(SELECT COUNT(*) FROM call_texts WHERE sms_id LIKE ?1)");
    count.bind(1, fmt::format("{}-%", prefix));
    count.step();
    return static_cast<int>(count.columnInt64(0)) + 1;
}

void StoredCallJournal::addResult(const std::string& interactionId, const std::string& customerId,
                                  const events::ApplicationResult& result) {
    Database& db = store_.database();
    Transaction transaction(db);
    db.prepare("INSERT INTO call_application_results (interaction_id, customer_id, application_id, name, kind, outcome, "
               "detail, reference, at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(1, interactionId)
        .bind(2, customerId)
        .bind(3, result.applicationId)
        .bind(4, result.name)
        .bind(5, enumName(result.kind))
        .bind(6, enumName(result.outcome))
        .bind(7, result.detail)
        .bind(8, result.reference)
        .bind(9, result.atMs)
        .execute();
    transaction.commit();
}

void StoredCallJournal::addText(const std::string& interactionId, const std::string& agentId,
                                const std::string& customerId, const events::TextMessage& text) {
    Database& db = store_.database();
    Transaction transaction(db);
    db.prepare("INSERT INTO call_texts (sms_id, interaction_id, agent_id, customer_id, number, text, at_ms) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(1, text.smsId)
        .bind(2, interactionId)
        .bind(3, agentId)
        .bind(4, customerId)
        .bind(5, text.number)
        .bind(6, text.text)
        .bind(7, text.atMs)
        .execute();
    transaction.commit();
}

std::vector<events::ApplicationResult> StoredCallJournal::results(std::string_view interactionId) const {
    Statement select = store_.database().prepare(
        "SELECT application_id, name, kind, outcome, detail, reference, at_ms FROM call_application_results "
        "WHERE interaction_id = ?1 ORDER BY id");
    select.bind(1, interactionId);
    std::vector<events::ApplicationResult> out;
    while (select.step()) {
        events::ApplicationResult result;
        result.applicationId = select.columnText(0);
        result.name = select.columnText(1);
        result.kind = enumFromName<events::ApplicationKind>(select.columnText(2)).value_or(events::ApplicationKind::Other);
        result.outcome = enumFromName<events::ApplicationOutcome>(select.columnText(3))
                             .value_or(events::ApplicationOutcome::Completed);
        result.detail = select.columnText(4);
        result.reference = select.columnText(5);
        result.atMs = select.columnInt64(6);
        out.push_back(std::move(result));
    }
    return out;
}

std::vector<StoredText> storedTexts(const EngineStore& store, std::string_view customerId, std::string_view number,
                                    int limit) {
    Statement select = store.database().prepare(
        "SELECT interaction_id, agent_id, customer_id, sms_id, number, text, at_ms FROM call_texts "
        "WHERE (?1 <> '' AND customer_id = ?1) OR (?1 = '' AND number = ?2) ORDER BY at_ms DESC, id DESC LIMIT ?3");
    select.bind(1, customerId).bind(2, number).bind(3, limit);
    std::vector<StoredText> out;
    while (select.step()) {
        StoredText text;
        text.interactionId = select.columnText(0);
        text.agentId = select.columnText(1);
        text.customerId = select.columnText(2);
        text.message = {select.columnText(3), select.columnText(4), select.columnText(5), select.columnInt64(6)};
        out.push_back(std::move(text));
    }
    return out;
}

}  // namespace agentdesk::engine
