#include "store/migrations.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <array>

namespace agentdesk::engine {

namespace {

// ---- the migrations: append only; never edit one that has shipped ---------------------------

// v1: the interaction history and the agents' unsent drafts.
constexpr std::string_view schemaV1 = R"sql(
CREATE TABLE interactions (
    id              TEXT PRIMARY KEY NOT NULL,
    channel         TEXT NOT NULL,
    service_id      TEXT NOT NULL,
    agent_id        TEXT,
    customer_id     TEXT,
    from_address    TEXT NOT NULL DEFAULT '',
    subject         TEXT NOT NULL DEFAULT '',
    queued_at_ms    INTEGER NOT NULL,
    answered_at_ms  INTEGER,
    ended_at_ms     INTEGER,
    completed_at_ms INTEGER,
    outcome         TEXT NOT NULL DEFAULT 'queued'
);
CREATE INDEX interactions_by_customer ON interactions (customer_id, queued_at_ms);
CREATE INDEX interactions_by_agent ON interactions (agent_id, queued_at_ms);

CREATE TABLE drafts (
    owner      TEXT NOT NULL,
    key        TEXT NOT NULL,
    body       TEXT NOT NULL,
    updated_ms INTEGER NOT NULL,
    PRIMARY KEY (owner, key)
) WITHOUT ROWID;
)sql";

// v2: wrap-up on interactions; email cases, calendar, voicemail, blacklist and agent profiles.
constexpr std::string_view schemaV2 = R"sql(
ALTER TABLE interactions ADD COLUMN disposition TEXT;
ALTER TABLE interactions ADD COLUMN notes TEXT NOT NULL DEFAULT '';

CREATE TABLE email_cases (
    id          TEXT PRIMARY KEY NOT NULL,
    customer_id TEXT,
    subject     TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL,
    service_id  TEXT NOT NULL,
    created_ms  INTEGER NOT NULL,
    updated_ms  INTEGER NOT NULL
);
CREATE INDEX email_cases_by_customer ON email_cases (customer_id, updated_ms);

CREATE TABLE email_messages (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id      TEXT NOT NULL REFERENCES email_cases (id) ON DELETE CASCADE,
    direction    TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    from_address TEXT NOT NULL,
    to_address   TEXT NOT NULL,
    subject      TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL DEFAULT '',
    at_ms        INTEGER NOT NULL
);
CREATE INDEX email_messages_by_case ON email_messages (case_id, at_ms);

CREATE TABLE calendar_events (
    id             INTEGER PRIMARY KEY,
    agent_id       TEXT NOT NULL,
    title          TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    starts_ms      INTEGER NOT NULL,
    ends_ms        INTEGER NOT NULL,
    remind_at_ms   INTEGER,
    kind           TEXT NOT NULL DEFAULT 'event' CHECK (kind IN ('event', 'follow_up')),
    interaction_id TEXT,
    CHECK (ends_ms >= starts_ms)
);
CREATE INDEX calendar_events_by_agent ON calendar_events (agent_id, starts_ms);
CREATE INDEX calendar_events_by_reminder ON calendar_events (remind_at_ms) WHERE remind_at_ms IS NOT NULL;

CREATE TABLE voicemails (
    id           INTEGER PRIMARY KEY,
    agent_id     TEXT NOT NULL,
    from_address TEXT NOT NULL,
    at_ms        INTEGER NOT NULL,
    duration_s   INTEGER NOT NULL DEFAULT 0,
    heard        INTEGER NOT NULL DEFAULT 0 CHECK (heard IN (0, 1))
);
CREATE INDEX voicemails_by_agent ON voicemails (agent_id, at_ms);

CREATE TABLE blacklist (
    address  TEXT NOT NULL COLLATE NOCASE,
    channel  TEXT NOT NULL,
    reason   TEXT NOT NULL DEFAULT '',
    added_by TEXT NOT NULL DEFAULT '',
    added_ms INTEGER NOT NULL,
    PRIMARY KEY (address, channel)
) WITHOUT ROWID;

CREATE TABLE agent_profiles (
    agent_id     TEXT PRIMARY KEY NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    signature    TEXT NOT NULL DEFAULT '',
    language     TEXT NOT NULL DEFAULT '',
    updated_ms   INTEGER NOT NULL
);
)sql";

// v3: the chat channel. Transcript lines keep their attachments as JSON; form values live apart
// from every transcript.
constexpr std::string_view schemaV3 = R"sql(
CREATE TABLE chat_messages (
    message_id     TEXT PRIMARY KEY NOT NULL,
    interaction_id TEXT NOT NULL,
    party          TEXT NOT NULL,
    author_id      TEXT NOT NULL DEFAULT '',
    author_name    TEXT NOT NULL DEFAULT '',
    text           TEXT NOT NULL DEFAULT '',
    at_ms          INTEGER NOT NULL,
    attachments    TEXT NOT NULL DEFAULT '[]',
    delivery       TEXT NOT NULL
);
CREATE INDEX chat_messages_by_interaction ON chat_messages (interaction_id, at_ms);

CREATE TABLE chat_files (
    file_id        TEXT PRIMARY KEY NOT NULL,
    interaction_id TEXT NOT NULL,
    name           TEXT NOT NULL,
    mime_type      TEXT NOT NULL,
    data           BLOB NOT NULL
);

CREATE TABLE secure_forms (
    reference      TEXT PRIMARY KEY NOT NULL,
    interaction_id TEXT NOT NULL,
    form_id        TEXT NOT NULL,
    field_values   TEXT NOT NULL,
    filled_ms      INTEGER NOT NULL
);

CREATE TABLE canned_responses (
    agent_id TEXT NOT NULL,
    id       TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    shortcut TEXT NOT NULL DEFAULT '',
    title    TEXT NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (agent_id, id)
) WITHOUT ROWID;
)sql";

// v4: internal chat between agents and supervisors.
constexpr std::string_view schemaV4 = R"sql(
CREATE TABLE team_messages (
    message_id TEXT PRIMARY KEY NOT NULL,
    room_id    TEXT NOT NULL,
    from_id    TEXT NOT NULL,
    from_name  TEXT NOT NULL,
    text       TEXT NOT NULL,
    at_ms      INTEGER NOT NULL
);
CREATE INDEX team_messages_by_room ON team_messages (room_id, at_ms);
)sql";

// v5: the email channel. Cases gain their state, owner and live interaction; threads group a
// case's messages; messages keep Cc, HTML, headers and who wrote them; attachments (metadata),
// follow-ups, and a full-text index over subjects, bodies and addresses kept by triggers.
constexpr std::string_view schemaV5 = R"sql(
ALTER TABLE email_cases ADD COLUMN customer_address TEXT NOT NULL DEFAULT '';
ALTER TABLE email_cases ADD COLUMN owner_id TEXT NOT NULL DEFAULT '';
ALTER TABLE email_cases ADD COLUMN interaction_id TEXT NOT NULL DEFAULT '';
CREATE INDEX email_cases_by_update ON email_cases (updated_ms);
CREATE TABLE email_interactions (
    interaction_id TEXT PRIMARY KEY NOT NULL,
    case_id        TEXT NOT NULL REFERENCES email_cases (id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE email_threads (
    id         INTEGER PRIMARY KEY,
    case_id    TEXT NOT NULL REFERENCES email_cases (id) ON DELETE CASCADE,
    subject    TEXT NOT NULL DEFAULT '',
    created_ms INTEGER NOT NULL
);
CREATE INDEX email_threads_by_case ON email_threads (case_id, id);

ALTER TABLE email_messages ADD COLUMN thread_id INTEGER REFERENCES email_threads (id) ON DELETE CASCADE;
ALTER TABLE email_messages ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE email_messages ADD COLUMN cc_address TEXT NOT NULL DEFAULT '';
ALTER TABLE email_messages ADD COLUMN html_body TEXT NOT NULL DEFAULT '';
ALTER TABLE email_messages ADD COLUMN headers TEXT NOT NULL DEFAULT '{}';
ALTER TABLE email_messages ADD COLUMN message_key TEXT NOT NULL DEFAULT '';
ALTER TABLE email_messages ADD COLUMN agent_id TEXT NOT NULL DEFAULT '';
CREATE INDEX email_messages_by_key ON email_messages (message_key) WHERE message_key <> '';

CREATE TABLE email_attachments (
    id         INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES email_messages (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    mime_type  TEXT NOT NULL DEFAULT '',
    size_bytes INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX email_attachments_by_message ON email_attachments (message_id);

CREATE TABLE email_follow_ups (
    id       INTEGER PRIMARY KEY,
    case_id  TEXT NOT NULL REFERENCES email_cases (id) ON DELETE CASCADE,
    agent_id TEXT NOT NULL,
    note     TEXT NOT NULL DEFAULT '',
    due_ms   INTEGER NOT NULL,
    due      INTEGER NOT NULL DEFAULT 0 CHECK (due IN (0, 1)),
    done     INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1))
);
CREATE INDEX email_follow_ups_by_agent ON email_follow_ups (agent_id, due_ms) WHERE done = 0;

CREATE VIRTUAL TABLE email_search USING fts5 (subject, body, addresses, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO email_search (rowid, subject, body, addresses)
    SELECT id, subject, body, from_address || ' ' || to_address FROM email_messages;
CREATE TRIGGER email_search_insert AFTER INSERT ON email_messages BEGIN
    INSERT INTO email_search (rowid, subject, body, addresses)
        VALUES (new.id, new.subject, new.body, new.from_address || ' ' || new.to_address || ' ' || new.cc_address);
END;
CREATE TRIGGER email_search_update AFTER UPDATE OF subject, body, from_address, to_address, cc_address ON email_messages BEGIN
    DELETE FROM email_search WHERE rowid = old.id;
    INSERT INTO email_search (rowid, subject, body, addresses)
        VALUES (new.id, new.subject, new.body, new.from_address || ' ' || new.to_address || ' ' || new.cc_address);
END;
CREATE TRIGGER email_search_delete AFTER DELETE ON email_messages BEGIN
    DELETE FROM email_search WHERE rowid = old.id;
END;
)sql";

// v6: what agents send for support: call quality reports (OTHER-06) and log bundles in the
// administrator's inbox (OTHER-07; the bundle itself is a file beside the database).
constexpr std::string_view schemaV6 = R"sql(
CREATE TABLE call_quality_reports (
    id             INTEGER PRIMARY KEY,
    interaction_id TEXT NOT NULL,
    agent_id       TEXT NOT NULL,
    problems       TEXT NOT NULL,
    comment        TEXT NOT NULL DEFAULT '',
    reported_ms    INTEGER NOT NULL
);
CREATE INDEX call_quality_reports_by_interaction ON call_quality_reports (interaction_id);

CREATE TABLE admin_inbox (
    ticket      TEXT PRIMARY KEY NOT NULL,
    agent_id    TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    file_name   TEXT NOT NULL,
    stored_as   TEXT NOT NULL,
    size_bytes  INTEGER NOT NULL,
    received_ms INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

// v7: outbound campaigns. A calling record's state between attempts (the calling list itself is
// configuration, campaigns.json) and every attempt: calls with their disposition, rejections, reschedules.
constexpr std::string_view schemaV7 = R"sql(
CREATE TABLE campaign_records (
    campaign_id      TEXT NOT NULL,
    record_id        TEXT NOT NULL,
    closed           INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
    closed_reason    TEXT NOT NULL DEFAULT '',
    due_ms           INTEGER NOT NULL DEFAULT 0,
    owner_id         TEXT NOT NULL DEFAULT '',
    preferred_number TEXT NOT NULL DEFAULT '',
    attempts         INTEGER NOT NULL DEFAULT 0,
    wrong_numbers    TEXT NOT NULL DEFAULT '',
    updated_ms       INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, record_id)
) WITHOUT ROWID;

CREATE TABLE campaign_attempts (
    id             INTEGER PRIMARY KEY,
    campaign_id    TEXT NOT NULL,
    record_id      TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('call', 'reject', 'reschedule')),
    agent_id       TEXT NOT NULL,
    number         TEXT NOT NULL DEFAULT '',
    disposition    TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    interaction_id TEXT NOT NULL DEFAULT '',
    at_ms          INTEGER NOT NULL
);
CREATE INDEX campaign_attempts_by_record ON campaign_attempts (campaign_id, record_id, id);
)sql";

// v8: a follow-up names the customer it is for; a profile keeps the agent's photo and, once they
// changed it in the desktop, their password hash (which then takes the place of users.json's).
constexpr std::string_view schemaV8 = R"sql(
ALTER TABLE calendar_events ADD COLUMN customer_id TEXT;
ALTER TABLE agent_profiles ADD COLUMN photo_path TEXT NOT NULL DEFAULT '';
ALTER TABLE agent_profiles ADD COLUMN password_hash TEXT NOT NULL DEFAULT '';
)sql";

// v9: what voice applications reported back (a payment's reference, a voice signature's id) and
// the text messages sent from calls, which join the customer's history.
constexpr std::string_view schemaV9 = R"sql(
CREATE TABLE call_application_results (
    id             INTEGER PRIMARY KEY,
    interaction_id TEXT NOT NULL,
    customer_id    TEXT NOT NULL DEFAULT '',
    application_id TEXT NOT NULL,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    outcome        TEXT NOT NULL CHECK (outcome IN ('Completed', 'Abandoned')),
    detail         TEXT NOT NULL DEFAULT '',
    reference      TEXT NOT NULL DEFAULT '',
    at_ms          INTEGER NOT NULL
);
CREATE INDEX call_application_results_by_interaction ON call_application_results (interaction_id);

CREATE TABLE call_texts (
    id             INTEGER PRIMARY KEY,
    sms_id         TEXT NOT NULL UNIQUE,
    interaction_id TEXT NOT NULL,
    agent_id       TEXT NOT NULL,
    customer_id    TEXT NOT NULL DEFAULT '',
    number         TEXT NOT NULL,
    text           TEXT NOT NULL,
    at_ms          INTEGER NOT NULL
);
CREATE INDEX call_texts_by_customer ON call_texts (customer_id, at_ms);
CREATE INDEX call_texts_by_number ON call_texts (number, at_ms);
)sql";

// v10: the email agent's My Queue
// (EMAIL-04: postponed emails and emails transferred to them), how a follow-up ended (a follow-up
// email, or marked done without one), and the bytes of the files agents attach to their emails.
constexpr std::string_view schemaV10 = R"sql(
CREATE TABLE email_my_queue (
    case_id       TEXT PRIMARY KEY NOT NULL REFERENCES email_cases (id) ON DELETE CASCADE,
    agent_id      TEXT NOT NULL,
    reason        TEXT NOT NULL CHECK (reason IN ('Postponed', 'Transferred')),
    since_ms      INTEGER NOT NULL,
    until_ms      INTEGER NOT NULL DEFAULT 0,
    from_agent_id TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX email_my_queue_by_agent ON email_my_queue (agent_id, since_ms);

ALTER TABLE email_follow_ups ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
ALTER TABLE email_follow_ups ADD COLUMN done_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE email_follow_ups ADD COLUMN done_note TEXT NOT NULL DEFAULT '';
UPDATE email_follow_ups SET outcome = 'Sent' WHERE done = 1;

ALTER TABLE email_attachments ADD COLUMN data BLOB;
)sql";

// v11: the personal line (UI-12..14): who left a voicemail and its recording, each agent's
// greeting, PIN and call forwarding, and the personal calls that were forwarded.
constexpr std::string_view schemaV11 = R"sql(
ALTER TABLE voicemails ADD COLUMN caller_name TEXT NOT NULL DEFAULT '';
ALTER TABLE voicemails ADD COLUMN customer_id TEXT NOT NULL DEFAULT '';
ALTER TABLE voicemails ADD COLUMN audio_file TEXT NOT NULL DEFAULT '';

CREATE TABLE voicemail_boxes (
    agent_id          TEXT PRIMARY KEY NOT NULL,
    greeting          TEXT NOT NULL DEFAULT 'Standard',
    personal_text     TEXT NOT NULL DEFAULT '',
    pin_hash          TEXT NOT NULL DEFAULT '',
    forward_always    INTEGER NOT NULL DEFAULT 0 CHECK (forward_always IN (0, 1)),
    forward_no_answer INTEGER NOT NULL DEFAULT 0 CHECK (forward_no_answer IN (0, 1)),
    forward_busy      INTEGER NOT NULL DEFAULT 0 CHECK (forward_busy IN (0, 1)),
    forward_number    TEXT NOT NULL DEFAULT '',
    no_answer_s       INTEGER NOT NULL DEFAULT 20,
    updated_ms        INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE forwarded_calls (
    id            INTEGER PRIMARY KEY,
    agent_id      TEXT NOT NULL,
    caller_name   TEXT NOT NULL DEFAULT '',
    caller_number TEXT NOT NULL DEFAULT '',
    to_number     TEXT NOT NULL,
    reason        TEXT NOT NULL,
    at_ms         INTEGER NOT NULL
);
CREATE INDEX forwarded_calls_by_agent ON forwarded_calls (agent_id, at_ms);
)sql";

constexpr std::array migrations{
    Migration{1, "interactions and drafts", schemaV1},
    Migration{2, "wrap-up, email cases, calendar, voicemail, blacklist, agent profiles", schemaV2},
    Migration{3, "chat transcripts, attachments, secure forms, personal canned responses", schemaV3},
    Migration{4, "internal chat between agents", schemaV4},
    Migration{5, "email threads, headers, attachments, follow-ups and full-text search", schemaV5},
    Migration{6, "call quality reports and the administrator's inbox", schemaV6},
    Migration{7, "outbound campaigns: calling record states and attempts", schemaV7},
    Migration{8, "follow-ups for customers, profile photo and password", schemaV8},
    Migration{9, "voice application results and text messages sent from calls", schemaV9},
    Migration{10, "email My Queue, follow-up outcomes, attachment bytes", schemaV10},
    Migration{11, "voicemail callers and recordings, greetings, PINs, call forwarding", schemaV11},
};

}  // namespace

std::span<const Migration> engineMigrations() { return migrations; }

int latestSchemaVersion() { return migrations.back().version; }

void applyMigrations(Database& db, std::span<const Migration> list) {
    const int known = list.empty() ? 0 : list.back().version;
    const int found = db.userVersion();
    if (found > known) {
        throw StoreError(fmt::format("{} was written by a newer AgentDesk (schema {}, this build knows {}); "
                                     "open it with that version, or move the file away to start with an empty one",
                                     db.file().string(), found, known));
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Migration& migration = list[i];
        if (migration.version != static_cast<int>(i) + 1) {
            throw StoreError(fmt::format("cannot migrate {}: migration {} is numbered {}", db.file().string(), i + 1,
                                         migration.version));
        }
        if (found >= migration.version) continue;
        Transaction transaction(db);
        // Read again inside the transaction: another process may have migrated since.
        if (db.userVersion() >= migration.version) continue;
        try {
            db.exec(migration.sql);
        } catch (const StoreError&) {
            throw StoreError(fmt::format("cannot upgrade {} to schema {} ({}): {}", db.file().string(),
                                         migration.version, migration.description, sqlite3_errmsg(db.handle())));
        }
        db.setUserVersion(migration.version);
        transaction.commit();
    }
}

}  // namespace agentdesk::engine
