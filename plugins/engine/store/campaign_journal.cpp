#include "store/campaign_journal.hpp"

#include <sstream>

namespace agentdesk::engine {

namespace {

// Wrong numbers are kept as one line each.
std::string joined(const std::set<std::string>& numbers) {
    std::string out;
    for (const std::string& n : numbers) {
        if (!out.empty()) out += '\n';
        out += n;
    }
    return out;
}

std::set<std::string> split(const std::string& text) {
    std::set<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) out.insert(line);
    }
    return out;
}

}  // namespace

std::map<CampaignJournal::Key, RecordState> StoredCampaignJournal::loadRecords() {
    std::map<Key, RecordState> records;
    Statement select = store_.database().prepare(
        "SELECT campaign_id, record_id, closed, closed_reason, due_ms, owner_id, preferred_number, attempts, "
        "wrong_numbers FROM campaign_records");
    while (select.step()) {
        RecordState state;
        state.closed = select.columnInt64(2) != 0;
        state.closedReason = select.columnText(3);
        state.dueAtMs = select.columnInt64(4);
        state.ownerAgentId = select.columnText(5);
        state.preferredNumber = select.columnText(6);
        state.attempts = static_cast<int>(select.columnInt64(7));
        state.wrongNumbers = split(select.columnText(8));
        records[{select.columnText(0), select.columnText(1)}] = std::move(state);
    }
    return records;
}

void StoredCampaignJournal::saveRecord(const Key& key, const RecordState& state, std::int64_t nowMs) {
    Database& db = store_.database();
    Transaction transaction(db);
    db.prepare("INSERT INTO campaign_records (campaign_id, record_id, closed, closed_reason, due_ms, owner_id, "
               "preferred_number, attempts, wrong_numbers, updated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
               "ON CONFLICT (campaign_id, record_id) DO UPDATE SET closed = ?3, closed_reason = ?4, due_ms = ?5, "
               "owner_id = ?6, preferred_number = ?7, attempts = ?8, wrong_numbers = ?9, updated_ms = ?10")
        .bind(1, key.first)
        .bind(2, key.second)
        .bind(3, state.closed ? 1 : 0)
        .bind(4, state.closedReason)
        .bind(5, state.dueAtMs)
        .bind(6, state.ownerAgentId)
        .bind(7, state.preferredNumber)
        .bind(8, state.attempts)
        .bind(9, joined(state.wrongNumbers))
        .bind(10, nowMs)
        .execute();
    transaction.commit();
}

void StoredCampaignJournal::addAttempt(const Key& key, const events::RecordAttempt& attempt,
                                       const std::string& interactionId) {
    Database& db = store_.database();
    Transaction transaction(db);
    db.prepare("INSERT INTO campaign_attempts (campaign_id, record_id, kind, agent_id, number, disposition, note, "
               "interaction_id, at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(1, key.first)
        .bind(2, key.second)
        .bind(3, attempt.kind)
        .bind(4, attempt.agentId)
        .bind(5, attempt.number)
        .bind(6, attempt.disposition)
        .bind(7, attempt.note)
        .bind(8, interactionId)
        .bind(9, attempt.atMs)
        .execute();
    transaction.commit();
}

std::vector<events::RecordAttempt> StoredCampaignJournal::attempts(const Key& key) {
    std::vector<events::RecordAttempt> out;
    Statement select = store_.database().prepare(
        "SELECT at_ms, agent_id, kind, number, disposition, note FROM campaign_attempts "
        "WHERE campaign_id = ?1 AND record_id = ?2 ORDER BY id");
    select.bind(1, key.first).bind(2, key.second);
    while (select.step()) {
        out.push_back({select.columnInt64(0), select.columnText(1), select.columnText(2), select.columnText(3),
                       select.columnText(4), select.columnText(5)});
    }
    return out;
}

}  // namespace agentdesk::engine
