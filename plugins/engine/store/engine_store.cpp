#include "store/engine_store.hpp"

#include "store/migrations.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace agentdesk::engine {

namespace {

// Saving uses INSERT ... ON CONFLICT DO UPDATE rather than INSERT OR REPLACE: REPLACE deletes the
// old row first, which would cascade to an email case's messages.

constexpr std::string_view interactionColumns =
    "id, channel, service_id, agent_id, customer_id, from_address, subject, queued_at_ms, answered_at_ms, "
    "ended_at_ms, completed_at_ms, outcome, disposition, notes";

constexpr std::string_view emailCaseColumns = "id, customer_id, subject, status, service_id, created_ms, updated_ms";

constexpr std::string_view emailMessageColumns =
    "id, case_id, direction, from_address, to_address, subject, body, at_ms";

constexpr std::string_view calendarColumns =
    "id, agent_id, title, note, starts_ms, ends_ms, remind_at_ms, kind, interaction_id, customer_id";

constexpr std::string_view voicemailColumns =
    "id, agent_id, from_address, at_ms, duration_s, heard, caller_name, customer_id, audio_file";

constexpr std::string_view blacklistColumns = "address, channel, reason, added_by, added_ms";

constexpr std::string_view profileColumns =
    "agent_id, display_name, email, phone, signature, language, updated_ms, photo_path";

/// A named enum read back from a column; text this build does not know is reported, not guessed.
template <NamedEnum E>
E enumColumn(const Statement& row, int column, const Database& db, std::string_view what) {
    const std::string text = row.columnText(column);
    if (auto value = enumFromName<E>(text)) return *value;
    throw StoreError(fmt::format("{}: unknown {} \"{}\"", db.file().string(), what, text));
}

InteractionRecord readInteraction(const Statement& row, const Database& db) {
    InteractionRecord record;
    record.id = row.columnText(0);
    record.channel = enumColumn<Channel>(row, 1, db, "interaction channel");
    record.serviceId = row.columnText(2);
    record.agentId = row.columnOptionalText(3);
    record.customerId = row.columnOptionalText(4);
    record.fromAddress = row.columnText(5);
    record.subject = row.columnText(6);
    record.queuedAtMs = row.columnInt64(7);
    record.answeredAtMs = row.columnOptionalInt64(8);
    record.endedAtMs = row.columnOptionalInt64(9);
    record.completedAtMs = row.columnOptionalInt64(10);
    record.outcome = row.columnText(11);
    record.disposition = row.columnOptionalText(12);
    record.notes = row.columnText(13);
    return record;
}

EmailCase readEmailCase(const Statement& row) {
    return {row.columnText(0),  row.columnOptionalText(1), row.columnText(2),  row.columnText(3),
            row.columnText(4),  row.columnInt64(5),        row.columnInt64(6)};
}

EmailMessage readEmailMessage(const Statement& row, const Database& db) {
    return {row.columnInt64(0), row.columnText(1), enumColumn<EmailDirection>(row, 2, db, "email direction"),
            row.columnText(3),  row.columnText(4), row.columnText(5),
            row.columnText(6),  row.columnInt64(7)};
}

CalendarEvent readCalendarEvent(const Statement& row, const Database& db) {
    return {row.columnInt64(0),
            row.columnText(1),
            row.columnText(2),
            row.columnText(3),
            row.columnInt64(4),
            row.columnInt64(5),
            row.columnOptionalInt64(6),
            enumColumn<CalendarEntryKind>(row, 7, db, "calendar entry kind"),
            row.columnOptionalText(8),
            row.columnOptionalText(9)};
}

Voicemail readVoicemail(const Statement& row) {
    return {row.columnInt64(0),
            row.columnText(1),
            row.columnText(2),
            row.columnInt64(3),
            static_cast<int>(row.columnInt64(4)),
            row.columnInt64(5) != 0,
            row.columnText(6),
            row.columnText(7),
            row.columnText(8)};
}

BlacklistEntry readBlacklistEntry(const Statement& row, const Database& db) {
    return {row.columnText(0), enumColumn<Channel>(row, 1, db, "blacklist channel"), row.columnText(2),
            row.columnText(3), row.columnInt64(4)};
}

AgentProfile readProfile(const Statement& row) {
    return {row.columnText(0), row.columnText(1), row.columnText(2), row.columnText(3),
            row.columnText(4), row.columnText(5), row.columnInt64(6), row.columnText(7)};
}

/// Every row `query` gives, read by `read`.
template <typename Read>
auto readAll(Statement& query, Read read) {
    std::vector<decltype(read(query))> rows;
    while (query.step()) rows.push_back(read(query));
    return rows;
}

/// The first row `query` gives, or nullopt.
template <typename Read>
auto readOne(Statement& query, Read read) -> std::optional<decltype(read(query))> {
    if (!query.step()) return std::nullopt;
    return read(query);
}

/// Runs one write statement in its own committed transaction; the number of rows it changed.
template <typename Bind>
int commitWrite(Database& db, std::string_view sql, Bind bind) {
    Transaction transaction(db);
    Statement statement = db.prepare(sql);
    bind(statement);
    const int changed = statement.execute();
    transaction.commit();
    return changed;
}

/// Interactions whose `column` equals `value`, newest first, at most `limit`.
std::vector<InteractionRecord> newestInteractionsWhere(const Database& db, std::string_view column, std::string_view value,
                                                       int limit) {
    const std::string sql = fmt::format(
        "SELECT {} FROM interactions WHERE {} = ?1 ORDER BY queued_at_ms DESC, id DESC LIMIT ?2", interactionColumns, column);
    Statement query = db.prepare(sql);
    query.bind(1, value).bind(2, limit);
    return readAll(query, [&](const Statement& row) { return readInteraction(row, db); });
}

}  // namespace

std::filesystem::path EngineStore::fileIn(const std::filesystem::path& dataDir) { return dataDir / "engine.db"; }

EngineStore::EngineStore(const std::filesystem::path& file) : db_(file) { migrate(db_); }

// ---- interactions -------------------------------------------------------------------------------

void EngineStore::saveInteraction(const InteractionRecord& interaction) {
    static const std::string sql = fmt::format(
        "INSERT INTO interactions ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
        "ON CONFLICT (id) DO UPDATE SET channel = ?2, service_id = ?3, agent_id = ?4, customer_id = ?5, "
        "from_address = ?6, subject = ?7, queued_at_ms = ?8, answered_at_ms = ?9, ended_at_ms = ?10, "
        "completed_at_ms = ?11, outcome = ?12, disposition = ?13, notes = ?14",
        interactionColumns);
    commitWrite(db_, sql, [&](Statement& s) {
        s.bind(1, interaction.id)
            .bind(2, enumName(interaction.channel))
            .bind(3, interaction.serviceId)
            .bind(4, interaction.agentId)
            .bind(5, interaction.customerId)
            .bind(6, interaction.fromAddress)
            .bind(7, interaction.subject)
            .bind(8, interaction.queuedAtMs)
            .bind(9, interaction.answeredAtMs)
            .bind(10, interaction.endedAtMs)
            .bind(11, interaction.completedAtMs)
            .bind(12, interaction.outcome)
            .bind(13, interaction.disposition)
            .bind(14, interaction.notes);
    });
}

bool EngineStore::setWrapUp(std::string_view id, const std::optional<std::string>& disposition,
                            std::string_view notes) {
    return commitWrite(db_, "UPDATE interactions SET disposition = ?2, notes = ?3 WHERE id = ?1",
                       [&](Statement& s) { s.bind(1, id).bind(2, disposition).bind(3, notes); }) > 0;
}

std::optional<InteractionRecord> EngineStore::interaction(std::string_view id) const {
    static const std::string sql = fmt::format("SELECT {} FROM interactions WHERE id = ?1", interactionColumns);
    Statement query = db_.prepare(sql);
    query.bind(1, id);
    return readOne(query, [&](const Statement& row) { return readInteraction(row, db_); });
}

std::vector<InteractionRecord> EngineStore::interactionsFromAddress(std::string_view address, int limit) const {
    return newestInteractionsWhere(db_, "from_address", address, limit);
}

std::vector<InteractionRecord> EngineStore::interactionsForCustomer(std::string_view customerId, int limit) const {
    return newestInteractionsWhere(db_, "customer_id", customerId, limit);
}

std::vector<InteractionRecord> EngineStore::interactionsForAgent(std::string_view agentId, std::int64_t sinceMs,
                                                                 int limit) const {
    static const std::string sql = fmt::format(
        "SELECT {} FROM interactions WHERE agent_id = ?1 AND queued_at_ms >= ?2 "
        "ORDER BY queued_at_ms DESC, id DESC LIMIT ?3",
        interactionColumns);
    Statement query = db_.prepare(sql);
    query.bind(1, agentId).bind(2, sinceMs).bind(3, limit);
    return readAll(query, [&](const Statement& row) { return readInteraction(row, db_); });
}

std::int64_t EngineStore::countInteractions() const {
    Statement query = db_.prepare("SELECT count(*) FROM interactions");
    query.step();
    return query.columnInt64(0);
}

// ---- drafts -------------------------------------------------------------------------------------

void EngineStore::saveDraft(const Draft& draft) {
    commitWrite(db_,
                "INSERT INTO drafts (owner, key, body, updated_ms) VALUES (?1, ?2, ?3, ?4) "
                "ON CONFLICT (owner, key) DO UPDATE SET body = ?3, updated_ms = ?4",
                [&](Statement& s) {
                    s.bind(1, draft.owner).bind(2, draft.key).bind(3, draft.body).bind(4, draft.updatedMs);
                });
}

std::optional<std::string> EngineStore::draft(std::string_view owner, std::string_view key) const {
    Statement query = db_.prepare("SELECT body FROM drafts WHERE owner = ?1 AND key = ?2");
    query.bind(1, owner).bind(2, key);
    return readOne(query, [](const Statement& row) { return row.columnText(0); });
}

bool EngineStore::deleteDraft(std::string_view owner, std::string_view key) {
    return commitWrite(db_, "DELETE FROM drafts WHERE owner = ?1 AND key = ?2",
                       [&](Statement& s) { s.bind(1, owner).bind(2, key); }) > 0;
}

std::vector<Draft> EngineStore::drafts(std::string_view owner) const {
    Statement query = db_.prepare("SELECT owner, key, body, updated_ms FROM drafts WHERE owner = ?1 ORDER BY key");
    query.bind(1, owner);
    return readAll(query, [](const Statement& row) {
        return Draft{row.columnText(0), row.columnText(1), row.columnText(2), row.columnInt64(3)};
    });
}

// ---- email cases --------------------------------------------------------------------------------

void EngineStore::saveCase(const EmailCase& emailCase) {
    static const std::string sql = fmt::format(
        "INSERT INTO email_cases ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
        "ON CONFLICT (id) DO UPDATE SET customer_id = ?2, subject = ?3, status = ?4, service_id = ?5, "
        "created_ms = ?6, updated_ms = ?7",
        emailCaseColumns);
    commitWrite(db_, sql, [&](Statement& s) {
        s.bind(1, emailCase.id)
            .bind(2, emailCase.customerId)
            .bind(3, emailCase.subject)
            .bind(4, emailCase.status)
            .bind(5, emailCase.serviceId)
            .bind(6, emailCase.createdMs)
            .bind(7, emailCase.updatedMs);
    });
}

std::optional<EmailCase> EngineStore::emailCase(std::string_view id) const {
    static const std::string sql = fmt::format("SELECT {} FROM email_cases WHERE id = ?1", emailCaseColumns);
    Statement query = db_.prepare(sql);
    query.bind(1, id);
    return readOne(query, readEmailCase);
}

std::vector<EmailCase> EngineStore::casesForCustomer(std::string_view customerId) const {
    static const std::string sql = fmt::format(
        "SELECT {} FROM email_cases WHERE customer_id = ?1 ORDER BY updated_ms DESC, id", emailCaseColumns);
    Statement query = db_.prepare(sql);
    query.bind(1, customerId);
    return readAll(query, readEmailCase);
}

std::int64_t EngineStore::addEmailMessage(const EmailMessage& message) {
    Transaction transaction(db_);
    Statement insert = db_.prepare(
        "INSERT INTO email_messages (case_id, direction, from_address, to_address, subject, body, at_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.bind(1, message.caseId)
        .bind(2, enumName(message.direction))
        .bind(3, message.fromAddress)
        .bind(4, message.toAddress)
        .bind(5, message.subject)
        .bind(6, message.body)
        .bind(7, message.atMs);
    insert.execute();
    const std::int64_t id = db_.lastInsertRowId();
    Statement touch = db_.prepare("UPDATE email_cases SET updated_ms = max(updated_ms, ?2) WHERE id = ?1");
    touch.bind(1, message.caseId).bind(2, message.atMs);
    touch.execute();
    transaction.commit();
    return id;
}

std::vector<EmailMessage> EngineStore::emailMessages(std::string_view caseId) const {
    static const std::string sql = fmt::format(
        "SELECT {} FROM email_messages WHERE case_id = ?1 ORDER BY at_ms, id", emailMessageColumns);
    Statement query = db_.prepare(sql);
    query.bind(1, caseId);
    return readAll(query, [&](const Statement& row) { return readEmailMessage(row, db_); });
}

bool EngineStore::setCaseStatus(std::string_view id, std::string_view status, std::int64_t updatedMs) {
    return commitWrite(db_, "UPDATE email_cases SET status = ?2, updated_ms = ?3 WHERE id = ?1",
                       [&](Statement& s) { s.bind(1, id).bind(2, status).bind(3, updatedMs); }) > 0;
}

// ---- calendar -----------------------------------------------------------------------------------

namespace {

/// Binds an entry's columns after the id: ?2 agent .. ?9 interaction, ?10 customer.
void bindCalendarEvent(Statement& s, const CalendarEvent& event) {
    s.bind(2, event.agentId)
        .bind(3, event.title)
        .bind(4, event.note)
        .bind(5, event.startsMs)
        .bind(6, event.endsMs)
        .bind(7, event.remindAtMs)
        .bind(8, enumName(event.kind))
        .bind(9, event.interactionId)
        .bind(10, event.customerId);
}

}  // namespace

std::int64_t EngineStore::addEvent(const CalendarEvent& event) {
    Transaction transaction(db_);
    Statement insert = db_.prepare(
        "INSERT INTO calendar_events (agent_id, title, note, starts_ms, ends_ms, remind_at_ms, kind, interaction_id, "
        "customer_id) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    bindCalendarEvent(insert, event);
    insert.execute();
    const std::int64_t id = db_.lastInsertRowId();
    transaction.commit();
    return id;
}

bool EngineStore::updateEvent(const CalendarEvent& event) {
    return commitWrite(db_,
                       "UPDATE calendar_events SET agent_id = ?2, title = ?3, note = ?4, starts_ms = ?5, ends_ms = ?6, "
                       "remind_at_ms = ?7, kind = ?8, interaction_id = ?9, customer_id = ?10 WHERE id = ?1",
                       [&](Statement& s) {
                           s.bind(1, event.id);
                           bindCalendarEvent(s, event);
                       }) > 0;
}

bool EngineStore::deleteEvent(std::int64_t id) {
    return commitWrite(db_, "DELETE FROM calendar_events WHERE id = ?1", [&](Statement& s) { s.bind(1, id); }) > 0;
}

std::vector<CalendarEvent> EngineStore::eventsBetween(std::string_view agentId, std::int64_t fromMs,
                                                            std::int64_t toMs) const {
    // Overlapping [from, to): starts before `to` and ends after `from`, or is a moment at or after `from`.
    static const std::string sql = fmt::format(
        "SELECT {} FROM calendar_events WHERE agent_id = ?1 AND starts_ms < ?3 AND (ends_ms > ?2 OR starts_ms >= ?2) "
        "ORDER BY starts_ms, id",
        calendarColumns);
    Statement query = db_.prepare(sql);
    query.bind(1, agentId).bind(2, fromMs).bind(3, toMs);
    return readAll(query, [&](const Statement& row) { return readCalendarEvent(row, db_); });
}

std::vector<CalendarEvent> EngineStore::dueReminders(std::optional<std::string_view> agentId,
                                                     std::int64_t uptoMs) const {
    static const std::string sql = fmt::format(
        "SELECT {} FROM calendar_events WHERE remind_at_ms IS NOT NULL AND remind_at_ms <= ?2 "
        "AND (?1 IS NULL OR agent_id = ?1) ORDER BY remind_at_ms, id",
        calendarColumns);
    Statement query = db_.prepare(sql);
    query.bind(1, agentId).bind(2, uptoMs);
    return readAll(query, [&](const Statement& row) { return readCalendarEvent(row, db_); });
}

std::vector<CalendarEvent> EngineStore::pendingReminders() const {
    static const std::string sql = fmt::format(
        "SELECT {} FROM calendar_events WHERE remind_at_ms IS NOT NULL ORDER BY remind_at_ms, id", calendarColumns);
    Statement query = db_.prepare(sql);
    return readAll(query, [&](const Statement& row) { return readCalendarEvent(row, db_); });
}

std::optional<CalendarEvent> EngineStore::event(std::int64_t id) const {
    static const std::string sql = fmt::format("SELECT {} FROM calendar_events WHERE id = ?1", calendarColumns);
    Statement query = db_.prepare(sql);
    query.bind(1, id);
    return readOne(query, [&](const Statement& row) { return readCalendarEvent(row, db_); });
}

bool EngineStore::dismissReminder(std::int64_t id) {
    return commitWrite(db_, "UPDATE calendar_events SET remind_at_ms = NULL WHERE id = ?1",
                       [&](Statement& s) { s.bind(1, id); }) > 0;
}

// ---- voicemail ----------------------------------------------------------------------------------

std::int64_t EngineStore::addVoicemail(const Voicemail& voicemail) {
    Transaction transaction(db_);
    Statement insert = db_.prepare(
        "INSERT INTO voicemails (agent_id, from_address, at_ms, duration_s, heard, caller_name, customer_id, audio_file) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    insert.bind(1, voicemail.agentId)
        .bind(2, voicemail.fromAddress)
        .bind(3, voicemail.atMs)
        .bind(4, voicemail.durationS)
        .bind(5, voicemail.heard ? 1 : 0)
        .bind(6, voicemail.callerName)
        .bind(7, voicemail.customerId)
        .bind(8, voicemail.audioFile);
    insert.execute();
    const std::int64_t id = db_.lastInsertRowId();
    transaction.commit();
    return id;
}

std::vector<Voicemail> EngineStore::voicemailsFor(std::string_view agentId) const {
    static const std::string sql = fmt::format(
        "SELECT {} FROM voicemails WHERE agent_id = ?1 ORDER BY at_ms DESC, id DESC", voicemailColumns);
    Statement query = db_.prepare(sql);
    query.bind(1, agentId);
    return readAll(query, readVoicemail);
}

std::optional<Voicemail> EngineStore::voicemail(std::int64_t id) const {
    static const std::string sql = fmt::format("SELECT {} FROM voicemails WHERE id = ?1", voicemailColumns);
    Statement query = db_.prepare(sql);
    query.bind(1, id);
    if (!query.step()) return std::nullopt;
    return readVoicemail(query);
}

bool EngineStore::markHeard(std::int64_t id, bool heard) {
    return commitWrite(db_, "UPDATE voicemails SET heard = ?2 WHERE id = ?1",
                       [&](Statement& s) { s.bind(1, id).bind(2, heard ? 1 : 0); }) > 0;
}

bool EngineStore::deleteVoicemail(std::int64_t id) {
    return commitWrite(db_, "DELETE FROM voicemails WHERE id = ?1", [&](Statement& s) { s.bind(1, id); }) > 0;
}

// ---- blacklist ----------------------------------------------------------------------------------

void EngineStore::blacklistAdd(const BlacklistEntry& entry) {
    static const std::string sql = fmt::format(
        "INSERT INTO blacklist ({}) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT (address, channel) DO UPDATE SET reason = ?3, added_by = ?4, added_ms = ?5",
        blacklistColumns);
    commitWrite(db_, sql, [&](Statement& s) {
        s.bind(1, entry.address)
            .bind(2, enumName(entry.channel))
            .bind(3, entry.reason)
            .bind(4, entry.addedBy)
            .bind(5, entry.addedMs);
    });
}

bool EngineStore::blacklistRemove(std::string_view address, Channel channel) {
    return commitWrite(db_, "DELETE FROM blacklist WHERE address = ?1 AND channel = ?2",
                       [&](Statement& s) { s.bind(1, address).bind(2, enumName(channel)); }) > 0;
}

bool EngineStore::isBlacklisted(std::string_view address, Channel channel) const {
    Statement query = db_.prepare("SELECT 1 FROM blacklist WHERE address = ?1 AND channel = ?2");
    query.bind(1, address).bind(2, enumName(channel));
    return query.step();
}

std::vector<BlacklistEntry> EngineStore::blacklist() const {
    static const std::string sql = fmt::format("SELECT {} FROM blacklist ORDER BY address, channel", blacklistColumns);
    Statement query = db_.prepare(sql);
    return readAll(query, [&](const Statement& row) { return readBlacklistEntry(row, db_); });
}

// ---- agent profiles -----------------------------------------------------------------------------

void EngineStore::saveProfile(const AgentProfile& profile) {
    static const std::string sql = fmt::format(
        "INSERT INTO agent_profiles ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
        "ON CONFLICT (agent_id) DO UPDATE SET display_name = ?2, email = ?3, phone = ?4, signature = ?5, "
        "language = ?6, updated_ms = ?7, photo_path = ?8",
        profileColumns);
    commitWrite(db_, sql, [&](Statement& s) {
        s.bind(1, profile.agentId)
            .bind(2, profile.displayName)
            .bind(3, profile.email)
            .bind(4, profile.phone)
            .bind(5, profile.signature)
            .bind(6, profile.language)
            .bind(7, profile.updatedMs)
            .bind(8, profile.photoPath);
    });
}

void EngineStore::savePasswordHash(std::string_view agentId, std::string_view hash, std::int64_t atMs) {
    commitWrite(db_,
                "INSERT INTO agent_profiles (agent_id, updated_ms, password_hash) VALUES (?1, ?2, ?3) "
                "ON CONFLICT (agent_id) DO UPDATE SET password_hash = ?3, updated_ms = ?2",
                [&](Statement& s) { s.bind(1, agentId).bind(2, atMs).bind(3, hash); });
}

std::string EngineStore::passwordHash(std::string_view agentId) const {
    Statement query = db_.prepare("SELECT password_hash FROM agent_profiles WHERE agent_id = ?1");
    query.bind(1, agentId);
    return query.step() ? query.columnText(0) : std::string();
}

std::optional<AgentProfile> EngineStore::profile(std::string_view agentId) const {
    static const std::string sql = fmt::format("SELECT {} FROM agent_profiles WHERE agent_id = ?1", profileColumns);
    Statement query = db_.prepare(sql);
    query.bind(1, agentId);
    return readOne(query, readProfile);
}

// ---- chat -------------------------------------------------------------------------------------------

namespace {

constexpr std::string_view chatMessageColumns =
    "message_id, interaction_id, party, author_id, author_name, text, at_ms, attachments, delivery";

std::string attachmentsJson(const std::vector<events::Attachment>& attachments) {
    nlohmann::json list = nlohmann::json::array();
    for (const events::Attachment& a : attachments) {
        list.push_back({{"fileId", a.fileId}, {"name", a.name}, {"mimeType", a.mimeType}, {"sizeBytes", a.sizeBytes}});
    }
    return list.dump();
}

std::vector<events::Attachment> attachmentsFrom(const std::string& text) {
    std::vector<events::Attachment> attachments;
    const nlohmann::json list = nlohmann::json::parse(text, nullptr, false);
    if (!list.is_array()) return attachments;
    for (const nlohmann::json& a : list) {
        if (!a.is_object()) continue;
        attachments.push_back({a.value("fileId", ""), a.value("name", ""), a.value("mimeType", ""),
                               a.value("sizeBytes", std::int64_t{0})});
    }
    return attachments;
}

}  // namespace

void EngineStore::saveChatMessage(const events::ChatMessage& message) {
    static const std::string sql =
        fmt::format("INSERT OR REPLACE INTO chat_messages ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    chatMessageColumns);
    commitWrite(db_, sql, [&](Statement& s) {
        s.bind(1, message.messageId)
            .bind(2, message.interactionId)
            .bind(3, enumName(message.from))
            .bind(4, message.authorId)
            .bind(5, message.authorName)
            .bind(6, message.text)
            .bind(7, message.atMs)
            .bind(8, attachmentsJson(message.attachments))
            .bind(9, enumName(message.delivery));
    });
}

std::vector<events::ChatMessage> EngineStore::chatMessages(std::string_view interactionId) const {
    static const std::string sql = fmt::format(
        "SELECT {} FROM chat_messages WHERE interaction_id = ?1 ORDER BY at_ms, rowid", chatMessageColumns);
    Statement query = db_.prepare(sql);
    query.bind(1, interactionId);
    return readAll(query, [&](const Statement& row) {
        events::ChatMessage message;
        message.messageId = row.columnText(0);
        message.interactionId = row.columnText(1);
        message.from = enumColumn<events::Party>(row, 2, db_, "chat party");
        message.authorId = row.columnText(3);
        message.authorName = row.columnText(4);
        message.text = row.columnText(5);
        message.atMs = row.columnInt64(6);
        message.attachments = attachmentsFrom(row.columnText(7));
        message.delivery = enumColumn<events::Delivery>(row, 8, db_, "delivery state");
        return message;
    });
}

void EngineStore::saveChatFile(std::string_view interactionId, const events::ChatFile& file) {
    commitWrite(db_,
                "INSERT OR REPLACE INTO chat_files (file_id, interaction_id, name, mime_type, data) "
                "VALUES (?1, ?2, ?3, ?4, ?5)",
                [&](Statement& s) {
                    s.bind(1, file.fileId).bind(2, interactionId).bind(3, file.name).bind(4, file.mimeType);
                    s.bindBlob(5, file.data);
                });
}

std::optional<events::ChatFile> EngineStore::chatFile(std::string_view fileId) const {
    Statement query = db_.prepare("SELECT file_id, name, mime_type, data FROM chat_files WHERE file_id = ?1");
    query.bind(1, fileId);
    return readOne(query, [](const Statement& row) {
        return events::ChatFile{row.columnText(0), row.columnText(1), row.columnText(2), row.columnBlob(3)};
    });
}

void EngineStore::saveSecureForm(std::string_view reference, std::string_view interactionId, std::string_view formId,
                                 const std::map<std::string, std::string>& values, std::int64_t atMs) {
    commitWrite(db_,
                "INSERT OR REPLACE INTO secure_forms (reference, interaction_id, form_id, field_values, filled_ms) "
                "VALUES (?1, ?2, ?3, ?4, ?5)",
                [&](Statement& s) {
                    s.bind(1, reference).bind(2, interactionId).bind(3, formId).bind(4, nlohmann::json(values).dump())
                        .bind(5, atMs);
                });
}

std::optional<std::map<std::string, std::string>> EngineStore::secureForm(std::string_view reference) const {
    Statement query = db_.prepare("SELECT field_values FROM secure_forms WHERE reference = ?1");
    query.bind(1, reference);
    return readOne(query, [](const Statement& row) {
        return nlohmann::json::parse(row.columnText(0)).get<std::map<std::string, std::string>>();
    });
}

void EngineStore::banIdentity(std::string_view identity, std::string_view reason, std::string_view byAgent,
                              std::int64_t atMs) {
    blacklistAdd({std::string(identity), Channel::Chat, std::string(reason), std::string(byAgent), atMs});
}

bool EngineStore::liftBan(std::string_view identity) { return blacklistRemove(identity, Channel::Chat); }

bool EngineStore::isBanned(std::string_view identity) const { return isBlacklisted(identity, Channel::Chat); }

std::vector<events::CannedResponse> EngineStore::personalCanned(std::string_view agentId) const {
    Statement query = db_.prepare(
        "SELECT id, category, shortcut, title, text FROM canned_responses WHERE agent_id = ?1 ORDER BY title, id");
    query.bind(1, agentId);
    return readAll(query, [](const Statement& row) {
        return events::CannedResponse{row.columnText(0), row.columnText(1), row.columnText(2), row.columnText(3),
                                      row.columnText(4), true};
    });
}

void EngineStore::saveCanned(std::string_view agentId, const events::CannedResponse& response) {
    commitWrite(db_,
                "INSERT OR REPLACE INTO canned_responses (agent_id, id, category, shortcut, title, text) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                [&](Statement& s) {
                    s.bind(1, agentId).bind(2, response.id).bind(3, response.category).bind(4, response.shortcut)
                        .bind(5, response.title).bind(6, response.text);
                });
}

bool EngineStore::deleteCanned(std::string_view agentId, std::string_view id) {
    return commitWrite(db_, "DELETE FROM canned_responses WHERE agent_id = ?1 AND id = ?2",
                       [&](Statement& s) { s.bind(1, agentId).bind(2, id); }) > 0;
}

// ---- internal chat ------------------------------------------------------------------------------------

void EngineStore::saveTeamMessage(const events::TeamMessage& message) {
    commitWrite(db_,
                "INSERT OR REPLACE INTO team_messages (message_id, room_id, from_id, from_name, text, at_ms) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                [&](Statement& s) {
                    s.bind(1, message.messageId).bind(2, message.roomId).bind(3, message.fromId).bind(4, message.fromName)
                        .bind(5, message.text).bind(6, message.atMs);
                });
}

std::vector<events::TeamMessage> EngineStore::teamMessages(std::string_view roomId, int limit) const {
    Statement query = db_.prepare(
        "SELECT message_id, room_id, from_id, from_name, text, at_ms FROM "
        "(SELECT *, rowid AS r FROM team_messages WHERE room_id = ?1 ORDER BY at_ms DESC, r DESC LIMIT ?2) "
        "ORDER BY at_ms, r");
    query.bind(1, roomId).bind(2, limit);
    return readAll(query, [](const Statement& row) {
        return events::TeamMessage{row.columnText(0), row.columnText(1), row.columnText(2), row.columnText(3),
                                   row.columnText(4), row.columnInt64(5)};
    });
}

}  // namespace agentdesk::engine
