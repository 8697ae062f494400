#include "store/email_archive.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace agentdesk::engine {

namespace {

constexpr std::string_view caseColumns =
    "c.id, c.customer_id, c.subject, c.status, c.service_id, c.created_ms, c.updated_ms, c.customer_address, "
    "c.owner_id, c.interaction_id";

constexpr std::string_view messageColumns =
    "id, case_id, thread_id, kind, direction, from_address, to_address, cc_address, subject, at_ms, body, html_body, "
    "headers, agent_id";

events::EmailCaseSummary readCase(const Statement& row) {
    events::EmailCaseSummary summary;
    summary.caseId = row.columnText(0);
    summary.customerId = row.columnText(1);
    summary.subject = row.columnText(2);
    summary.state = enumFromName<events::CaseState>(row.columnText(3)).value_or(events::CaseState::Open);
    summary.serviceId = row.columnText(4);
    summary.createdMs = row.columnInt64(5);
    summary.updatedMs = row.columnInt64(6);
    summary.customerAddress = row.columnText(7);
    summary.ownerId = row.columnText(8);
    summary.interactionId = row.columnText(9);
    return summary;
}

events::EmailMessage readMessage(const Statement& row) {
    events::EmailMessage message;
    message.messageId = row.columnInt64(0);
    message.caseId = row.columnText(1);
    message.threadId = row.columnOptionalInt64(2).value_or(0);
    // Messages stored before threads existed have no kind: their direction says enough.
    const std::string kind = row.columnText(3);
    message.kind = enumFromName<events::EmailKind>(kind).value_or(
        row.columnText(4) == "out" ? events::EmailKind::Reply : events::EmailKind::Inbound);
    message.from = row.columnText(5);
    message.to = row.columnText(6);
    message.cc = row.columnText(7);
    message.subject = row.columnText(8);
    message.atMs = row.columnInt64(9);
    message.plainBody = row.columnText(10);
    message.htmlBody = row.columnText(11);
    const nlohmann::json headers = nlohmann::json::parse(row.columnText(12), nullptr, false);
    if (headers.is_object()) {
        for (const auto& [name, value] : headers.items()) {
            if (value.is_string()) message.headers[name] = value.get<std::string>();
        }
    }
    message.agentId = row.columnText(13);
    return message;
}

events::EmailFollowUp readFollowUp(const Statement& row) {
    events::EmailFollowUp followUp{row.columnInt64(0), row.columnText(1), row.columnText(2), row.columnText(3),
                                   row.columnText(4), row.columnInt64(5), row.columnInt64(6) != 0};
    followUp.outcome = enumFromName<events::FollowUpOutcome>(row.columnText(7))
                           .value_or(row.columnInt64(8) != 0 ? events::FollowUpOutcome::Sent : events::FollowUpOutcome::Open);
    followUp.doneAtMs = row.columnInt64(9);
    followUp.doneNote = row.columnText(10);
    return followUp;
}

constexpr std::string_view followUpSelect =
    "SELECT f.id, f.case_id, f.agent_id, c.subject, f.note, f.due_ms, f.due, f.outcome, f.done, f.done_ms, f.done_note "
    "FROM email_follow_ups f JOIN email_cases c ON c.id = f.case_id";

constexpr std::string_view myQueueSelect =
    "SELECT q.case_id, q.agent_id, q.reason, q.since_ms, q.until_ms, c.subject, coalesce(c.customer_id, ''), "
    "c.customer_address, c.service_id, q.from_agent_id, q.note FROM email_my_queue q JOIN email_cases c ON c.id = q.case_id";

events::MyQueueItem readMyQueueItem(const Statement& row) {
    events::MyQueueItem item;
    item.caseId = row.columnText(0);
    item.agentId = row.columnText(1);
    item.reason = enumFromName<events::MyQueueReason>(row.columnText(2)).value_or(events::MyQueueReason::Postponed);
    item.sinceMs = row.columnInt64(3);
    item.untilMs = row.columnInt64(4);
    item.subject = row.columnText(5);
    item.customerId = row.columnText(6);
    item.customerAddress = row.columnText(7);
    item.serviceId = row.columnText(8);
    item.fromAgentId = row.columnText(9);
    item.note = row.columnText(10);
    return item;
}

int execute(Database& db, std::string_view sql, auto bind) {
    Transaction transaction(db);
    Statement statement = db.prepare(sql);
    bind(statement);
    const int changed = statement.execute();
    transaction.commit();
    return changed;
}

/// Remembers which case an interaction belongs to (a case may get several over its life).
void linkInteraction(Database& db, std::string_view interactionId, std::string_view caseId) {
    if (interactionId.empty()) return;
    Statement link = db.prepare("INSERT OR REPLACE INTO email_interactions (interaction_id, case_id) VALUES (?1, ?2)");
    link.bind(1, interactionId).bind(2, caseId);
    link.execute();
}

std::string draftKey(std::string_view caseId) { return fmt::format("email:{}", caseId); }

}  // namespace

std::string ftsQueryFor(std::string_view typed) {
    std::string query;
    std::string word;
    auto flush = [&](bool prefix) {
        if (word.empty()) return;
        if (!query.empty()) query += ' ';
        query += fmt::format("\"{}\"{}", word, prefix ? "*" : "");
        word.clear();
    };
    for (char c : typed) {
        // Letters, digits and any UTF-8 byte make words; a '*' right after a word makes it a prefix;
        // everything else separates words.
        if (static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c))) {
            word += c;
        } else {
            flush(c == '*');
        }
    }
    flush(false);
    return query;
}

EmailArchive::EmailArchive(EngineStore& store) : store_(store), db_(store.database()) {}

// ---- cases ------------------------------------------------------------------------------------------

std::string EmailArchive::createCase(const events::EmailCaseSummary& summary) {
    Transaction transaction(db_);
    Statement next = db_.prepare(
        "SELECT coalesce(max(CAST(substr(id, 3) AS INTEGER)), 1000) + 1 FROM email_cases WHERE id LIKE 'C-%'");
    next.step();
    const std::string id = fmt::format("C-{}", next.columnInt64(0));
    Statement insert = db_.prepare(
        "INSERT INTO email_cases (id, customer_id, subject, status, service_id, created_ms, updated_ms, "
        "customer_address, owner_id, interaction_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    insert.bind(1, id)
        .bind(2, summary.customerId.empty() ? std::optional<std::string>() : summary.customerId)
        .bind(3, summary.subject)
        .bind(4, enumName(summary.state))
        .bind(5, summary.serviceId)
        .bind(6, summary.createdMs)
        .bind(7, std::max(summary.updatedMs, summary.createdMs))
        .bind(8, summary.customerAddress)
        .bind(9, summary.ownerId)
        .bind(10, summary.interactionId);
    insert.execute();
    linkInteraction(db_, summary.interactionId, id);
    transaction.commit();
    return id;
}

bool EmailArchive::updateCase(const events::EmailCaseSummary& summary) {
    if (!summary.interactionId.empty()) {
        Transaction transaction(db_);
        linkInteraction(db_, summary.interactionId, summary.caseId);
        transaction.commit();
    }
    return execute(db_,
                   "UPDATE email_cases SET customer_id = ?2, status = ?3, service_id = ?4, owner_id = ?5, "
                   "interaction_id = ?6, customer_address = ?7, updated_ms = max(updated_ms, ?8) WHERE id = ?1",
                   [&](Statement& s) {
                       s.bind(1, summary.caseId)
                           .bind(2, summary.customerId.empty() ? std::optional<std::string>() : summary.customerId)
                           .bind(3, enumName(summary.state))
                           .bind(4, summary.serviceId)
                           .bind(5, summary.ownerId)
                           .bind(6, summary.interactionId)
                           .bind(7, summary.customerAddress)
                           .bind(8, summary.updatedMs);
                   }) > 0;
}

std::optional<events::EmailCaseSummary> EmailArchive::caseSummary(std::string_view caseId) const {
    Statement query = db_.prepare(fmt::format("SELECT {} FROM email_cases c WHERE c.id = ?1", caseColumns));
    query.bind(1, caseId);
    if (!query.step()) return std::nullopt;
    return readCase(query);
}

std::optional<events::EmailCaseSummary> EmailArchive::caseOfInteraction(std::string_view interactionId) const {
    if (interactionId.empty()) return std::nullopt;
    Statement query = db_.prepare(fmt::format(
        "SELECT {} FROM email_interactions i JOIN email_cases c ON c.id = i.case_id WHERE i.interaction_id = ?1", caseColumns));
    query.bind(1, interactionId);
    if (!query.step()) return std::nullopt;
    return readCase(query);
}

std::vector<events::EmailThread> EmailArchive::threads(std::string_view caseId) const {
    std::vector<events::EmailThread> threads;
    std::map<std::int64_t, std::size_t> index;
    Statement query = db_.prepare("SELECT id, subject FROM email_threads WHERE case_id = ?1 ORDER BY id");
    query.bind(1, caseId);
    while (query.step()) {
        index[query.columnInt64(0)] = threads.size();
        threads.push_back({query.columnInt64(0), query.columnText(1), {}});
    }
    Statement messages = db_.prepare(
        fmt::format("SELECT {} FROM email_messages WHERE case_id = ?1 ORDER BY at_ms, id", messageColumns));
    messages.bind(1, caseId);
    Statement attachments = db_.prepare(
        "SELECT name, mime_type, size_bytes FROM email_attachments WHERE message_id = ?1 ORDER BY id");
    while (messages.step()) {
        events::EmailMessage message = readMessage(messages);
        attachments.reset();
        attachments.bind(1, message.messageId);
        while (attachments.step()) {
            message.attachments.push_back({attachments.columnText(0), attachments.columnText(1), attachments.columnInt64(2)});
        }
        auto it = index.find(message.threadId);
        if (it == index.end()) {  // from before threads: one thread holds them
            index[message.threadId] = threads.size();
            threads.push_back({message.threadId, message.subject, {}});
            it = index.find(message.threadId);
        }
        threads[it->second].messages.push_back(std::move(message));
    }
    return threads;
}

// ---- threads and messages ------------------------------------------------------------------------------

std::int64_t EmailArchive::createThread(std::string_view caseId, std::string_view subject, std::int64_t atMs) {
    execute(db_, "INSERT INTO email_threads (case_id, subject, created_ms) VALUES (?1, ?2, ?3)",
            [&](Statement& s) { s.bind(1, caseId).bind(2, subject).bind(3, atMs); });
    return db_.lastInsertRowId();
}

std::int64_t EmailArchive::addMessage(const events::EmailMessage& message, const std::vector<events::EmailFile>* files) {
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [name, value] : message.headers) headers[name] = value;
    const auto key = message.headers.find("Message-ID");
    Transaction transaction(db_);
    Statement insert = db_.prepare(
        "INSERT INTO email_messages (case_id, thread_id, kind, direction, from_address, to_address, cc_address, "
        "subject, at_ms, body, html_body, headers, message_key, agent_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    insert.bind(1, message.caseId)
        .bind(2, message.threadId)
        .bind(3, enumName(message.kind))
        .bind(4, message.kind == events::EmailKind::Inbound ? "in" : "out")
        .bind(5, message.from)
        .bind(6, message.to)
        .bind(7, message.cc)
        .bind(8, message.subject)
        .bind(9, message.atMs)
        .bind(10, message.plainBody)
        .bind(11, message.htmlBody)
        .bind(12, headers.dump())
        .bind(13, key == message.headers.end() ? std::string() : key->second)
        .bind(14, message.agentId);
    insert.execute();
    const std::int64_t id = db_.lastInsertRowId();
    Statement attachment = db_.prepare(
        "INSERT INTO email_attachments (message_id, name, mime_type, size_bytes, data) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (files) {
        for (const events::EmailFile& file : *files) {
            attachment.reset();
            attachment.bind(1, id).bind(2, file.name).bind(3, file.mimeType).bind(4, static_cast<std::int64_t>(file.data.size()));
            attachment.bindBlob(5, file.data);
            attachment.execute();
        }
    } else {
        for (const events::EmailAttachment& file : message.attachments) {
            attachment.reset();
            attachment.bind(1, id).bind(2, file.name).bind(3, file.mimeType).bind(4, file.sizeBytes).bind(5, std::nullopt);
            attachment.execute();
        }
    }
    Statement touch = db_.prepare("UPDATE email_cases SET updated_ms = max(updated_ms, ?2) WHERE id = ?1");
    touch.bind(1, message.caseId).bind(2, message.atMs);
    touch.execute();
    transaction.commit();
    return id;
}

std::optional<events::EmailMessage> EmailArchive::message(std::int64_t messageId) const {
    Statement query = db_.prepare(fmt::format("SELECT {} FROM email_messages WHERE id = ?1", messageColumns));
    query.bind(1, messageId);
    if (!query.step()) return std::nullopt;
    events::EmailMessage message = readMessage(query);
    Statement attachments = db_.prepare(
        "SELECT name, mime_type, size_bytes FROM email_attachments WHERE message_id = ?1 ORDER BY id");
    attachments.bind(1, messageId);
    while (attachments.step()) {
        message.attachments.push_back({attachments.columnText(0), attachments.columnText(1), attachments.columnInt64(2)});
    }
    return message;
}

std::optional<std::vector<char>> EmailArchive::attachmentBytes(std::int64_t messageId, std::string_view name) const {
    Statement query = db_.prepare(
        "SELECT data FROM email_attachments WHERE message_id = ?1 AND name = ?2 AND data IS NOT NULL ORDER BY id LIMIT 1");
    query.bind(1, messageId).bind(2, name);
    if (!query.step()) return std::nullopt;
    return query.columnBlob(0);
}

void EmailArchive::copyAttachmentBytes(std::int64_t fromMessageId, std::int64_t toMessageId) {
    execute(db_,
            "UPDATE email_attachments SET data = (SELECT f.data FROM email_attachments f WHERE f.message_id = ?1 "
            "AND f.name = email_attachments.name AND f.data IS NOT NULL ORDER BY f.id LIMIT 1) "
            "WHERE message_id = ?2 AND data IS NULL",
            [&](Statement& s) { s.bind(1, fromMessageId).bind(2, toMessageId); });
}

std::optional<std::int64_t> EmailArchive::threadOfMessageKey(std::string_view caseId, std::string_view messageKey) const {
    if (messageKey.empty()) return std::nullopt;
    Statement query = db_.prepare(
        "SELECT thread_id FROM email_messages WHERE message_key = ?1 AND case_id = ?2 AND thread_id IS NOT NULL");
    query.bind(1, messageKey).bind(2, caseId);
    if (!query.step()) return std::nullopt;
    return query.columnInt64(0);
}

bool EmailArchive::replaceBodies(std::int64_t messageId, std::string_view plainBody, std::string_view htmlBody) {
    return execute(db_, "UPDATE email_messages SET body = ?2, html_body = ?3 WHERE id = ?1",
                   [&](Statement& s) { s.bind(1, messageId).bind(2, plainBody).bind(3, htmlBody); }) > 0;
}

// ---- drafts ------------------------------------------------------------------------------------------------

void EmailArchive::saveDraft(std::string_view agentId, std::string_view caseId, std::string_view body, std::int64_t atMs) {
    store_.saveDraft({std::string(agentId), draftKey(caseId), std::string(body), atMs});
}

std::string EmailArchive::draft(std::string_view agentId, std::string_view caseId) const {
    return store_.draft(agentId, draftKey(caseId)).value_or("");
}

void EmailArchive::deleteDraft(std::string_view agentId, std::string_view caseId) {
    store_.deleteDraft(agentId, draftKey(caseId));
}

// ---- follow-ups ----------------------------------------------------------------------------------------------

std::int64_t EmailArchive::addFollowUp(const events::EmailFollowUp& followUp) {
    execute(db_, "INSERT INTO email_follow_ups (case_id, agent_id, note, due_ms) VALUES (?1, ?2, ?3, ?4)",
            [&](Statement& s) { s.bind(1, followUp.caseId).bind(2, followUp.agentId).bind(3, followUp.note).bind(4, followUp.dueAtMs); });
    return db_.lastInsertRowId();
}

bool EmailArchive::markFollowUpDue(std::int64_t followUpId) {
    return execute(db_, "UPDATE email_follow_ups SET due = 1 WHERE id = ?1", [&](Statement& s) { s.bind(1, followUpId); }) > 0;
}

int EmailArchive::finishFollowUps(std::string_view agentId, std::string_view caseId, std::int64_t atMs) {
    return execute(db_,
                   "UPDATE email_follow_ups SET done = 1, outcome = 'Sent', done_ms = ?3 "
                   "WHERE agent_id = ?1 AND case_id = ?2 AND done = 0",
                   [&](Statement& s) { s.bind(1, agentId).bind(2, caseId).bind(3, atMs); });
}

bool EmailArchive::markFollowUpDone(std::int64_t followUpId, std::string_view agentId, std::string_view note,
                                    std::int64_t atMs) {
    return execute(db_,
                   "UPDATE email_follow_ups SET done = 1, outcome = 'Done', done_ms = ?3, done_note = ?4 "
                   "WHERE id = ?1 AND agent_id = ?2 AND done = 0",
                   [&](Statement& s) { s.bind(1, followUpId).bind(2, agentId).bind(3, atMs).bind(4, note); }) > 0;
}

std::vector<events::EmailFollowUp> EmailArchive::followUpsOfCase(std::string_view caseId) const {
    Statement query = db_.prepare(fmt::format("{} WHERE f.case_id = ?1 ORDER BY f.due_ms, f.id", followUpSelect));
    query.bind(1, caseId);
    std::vector<events::EmailFollowUp> found;
    while (query.step()) found.push_back(readFollowUp(query));
    return found;
}

std::optional<events::EmailFollowUp> EmailArchive::followUp(std::int64_t followUpId) const {
    Statement query = db_.prepare(fmt::format("{} WHERE f.id = ?1", followUpSelect));
    query.bind(1, followUpId);
    if (!query.step()) return std::nullopt;
    return readFollowUp(query);
}

std::vector<events::EmailFollowUp> EmailArchive::openFollowUps(std::string_view agentId) const {
    Statement query = db_.prepare(
        fmt::format("{} WHERE f.done = 0 AND (?1 = '' OR f.agent_id = ?1) ORDER BY f.due_ms, f.id", followUpSelect));
    query.bind(1, agentId);
    std::vector<events::EmailFollowUp> found;
    while (query.step()) found.push_back(readFollowUp(query));
    return found;
}

// ---- My Queue ------------------------------------------------------------------------------------------------

void EmailArchive::putInMyQueue(const events::MyQueueItem& item) {
    execute(db_,
            "INSERT OR REPLACE INTO email_my_queue (case_id, agent_id, reason, since_ms, until_ms, from_agent_id, note) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            [&](Statement& s) {
                s.bind(1, item.caseId)
                    .bind(2, item.agentId)
                    .bind(3, enumName(item.reason))
                    .bind(4, item.sinceMs)
                    .bind(5, item.untilMs)
                    .bind(6, item.fromAgentId)
                    .bind(7, item.note);
            });
}

bool EmailArchive::removeFromMyQueue(std::string_view caseId) {
    return execute(db_, "DELETE FROM email_my_queue WHERE case_id = ?1", [&](Statement& s) { s.bind(1, caseId); }) > 0;
}

std::optional<events::MyQueueItem> EmailArchive::myQueueEntry(std::string_view caseId) const {
    Statement query = db_.prepare(fmt::format("{} WHERE q.case_id = ?1", myQueueSelect));
    query.bind(1, caseId);
    if (!query.step()) return std::nullopt;
    return readMyQueueItem(query);
}

std::vector<events::MyQueueItem> EmailArchive::myQueue(std::string_view agentId) const {
    Statement query =
        db_.prepare(fmt::format("{} WHERE ?1 = '' OR q.agent_id = ?1 ORDER BY q.since_ms, q.case_id", myQueueSelect));
    query.bind(1, agentId);
    std::vector<events::MyQueueItem> found;
    while (query.step()) found.push_back(readMyQueueItem(query));
    return found;
}

// ---- search ---------------------------------------------------------------------------------------------------

std::vector<events::EmailCaseSummary> EmailArchive::search(const events::SearchEmail& q) const {
    const std::string match = ftsQueryFor(q.text);
    std::string filters;
    if (!q.customer.empty()) filters += " AND (c.customer_address LIKE '%' || ?2 || '%' OR c.customer_id = ?2)";
    if (!q.caseId.empty()) filters += " AND c.id = ?3";
    if (!q.state.empty()) filters += " AND c.status = ?4";
    if (q.fromMs > 0) filters += " AND c.updated_ms >= ?5";
    if (q.toMs > 0) filters += " AND c.updated_ms < ?6";
    const std::size_t limit = static_cast<std::size_t>(std::clamp(q.limit, 1, 500));
    // With words: the matching emails newest first, straight from the index (FTS5 walks rowids
    // backwards without sorting), each case once, stopping at the limit — a word found in most
    // emails costs no more than a rare one. Without: the cases by their last change.
    Statement query = db_.prepare(
        match.empty()
            ? fmt::format("SELECT {}, 0 FROM email_cases c WHERE 1{} ORDER BY c.updated_ms DESC, c.id LIMIT ?7", caseColumns, filters)
            : fmt::format("SELECT {}, m.id FROM email_search s JOIN email_messages m ON m.id = s.rowid "
                          "JOIN email_cases c ON c.id = m.case_id WHERE email_search MATCH ?1{} ORDER BY s.rowid DESC",
                          caseColumns, filters));
    if (!match.empty()) query.bind(1, match);
    if (!q.customer.empty()) query.bind(2, q.customer);
    if (!q.caseId.empty()) query.bind(3, q.caseId);
    if (!q.state.empty()) query.bind(4, q.state);
    if (q.fromMs > 0) query.bind(5, q.fromMs);
    if (q.toMs > 0) query.bind(6, q.toMs);
    if (match.empty()) query.bind(7, static_cast<std::int64_t>(limit));
    std::vector<events::EmailCaseSummary> found;
    std::vector<std::int64_t> matched;  // the newest matching message of each case found
    std::set<std::string, std::less<>> seen;
    while (found.size() < limit && query.step()) {
        events::EmailCaseSummary summary = readCase(query);
        if (!seen.insert(summary.caseId).second) continue;
        matched.push_back(query.columnInt64(10));
        found.push_back(std::move(summary));
    }
    if (match.empty()) return found;
    // FTS5 seeks straight to one rowid for its snippet.
    Statement snippet = db_.prepare(
        "SELECT snippet(email_search, -1, '[', ']', '...', 10) FROM email_search WHERE email_search MATCH ?1 AND rowid = ?2");
    for (std::size_t i = 0; i < found.size(); ++i) {
        snippet.reset();
        snippet.bind(1, match).bind(2, matched[i]);
        if (snippet.step()) found[i].snippet = snippet.columnText(0);
    }
    return found;
}

std::int64_t EmailArchive::countMessages() const {
    Statement query = db_.prepare("SELECT count(*) FROM email_messages");
    query.step();
    return query.columnInt64(0);
}

}  // namespace agentdesk::engine
