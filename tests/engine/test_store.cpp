// The engine's SQLite store: the Database wrapper, schema migrations (upgrading a version 1 file,
// refusing a newer one), a round trip for every table, damaged files, and that every write the
// store acknowledged survives the process being killed right after.

#include "store/database.hpp"
#include "store/engine_store.hpp"
#include "store/migrations.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace agentdesk;
using namespace agentdesk::engine;
namespace fs = std::filesystem;

namespace {

/// A fresh folder in /tmp, removed at the end of the test.
class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "agentdesk-store-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        dir_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    const fs::path& path() const { return dir_; }
    fs::path databaseFile() const { return EngineStore::fileIn(dir_); }

private:
    fs::path dir_;
};

/// The message of the StoreError `action` throws; fails the test when it throws none.
template <typename Action>
std::string storeErrorFrom(Action action) {
    try {
        action();
    } catch (const StoreError& error) {
        return error.what();
    }
    FAIL("expected a StoreError");
    return {};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// A row count straight from SQL, independent of the store's own readers.
std::int64_t countRows(const Database& db, const std::string& sql) {
    Statement query = db.prepare(sql);
    REQUIRE(query.step());
    return query.columnInt64(0);
}

bool hasTable(const Database& db, const std::string& name) {
    Statement query = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1");
    query.bind(1, name);
    REQUIRE(query.step());
    return query.columnInt64(0) == 1;
}

/// A handled voice call with every optional field set.
InteractionRecord handledCall(std::string id, std::int64_t queuedAtMs) {
    InteractionRecord record;
    record.id = std::move(id);
    record.channel = Channel::Voice;
    record.serviceId = "svc-billing";
    record.agentId = "agent-anna";
    record.customerId = "cust-42";
    record.fromAddress = "+33 1 23 45 67 89";
    record.subject = "Invoice question";
    record.queuedAtMs = queuedAtMs;
    record.answeredAtMs = queuedAtMs + 12'000;
    record.endedAtMs = queuedAtMs + 300'000;
    record.completedAtMs = queuedAtMs + 330'000;
    record.outcome = "handled";
    record.disposition = "Resolved";
    record.notes = "Explained the pro-rata line.\nCustomer happy.";
    return record;
}

// The version 1 schema exactly as the first release wrote it. Kept here, not taken from the code,
// so the upgrade test starts from what real version 1 files contain.
constexpr const char* versionOneSchema = R"sql(
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

}  // namespace

// ---- Database -------------------------------------------------------------------------------------

TEST_CASE("database: statements bind and read integers, reals, text, NULL and optionals") {
    TempDir dir;
    Database db(dir.path() / "values.db");
    db.exec("CREATE TABLE v (i INTEGER, r REAL, t TEXT, n TEXT, oi INTEGER, ot TEXT)");

    const std::optional<std::int64_t> noNumber;
    const std::optional<std::string> someText = "given";
    Statement insert = db.prepare("INSERT INTO v VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, std::int64_t{9'007'199'254'740'993})
        .bind(2, 2.5)
        .bind(3, std::string("caf\xC3\xA9 \0 end", 11))
        .bind(4, std::nullopt)
        .bind(5, noNumber)
        .bind(6, someText);
    CHECK(insert.execute() == 1);
    CHECK(db.lastInsertRowId() == 1);

    insert.reset();
    insert.bind(1, 7).bind(2, 0.0).bind(3, "").bind(4, "literal").bind(5, std::optional<int>(3)).bind(6, std::nullopt);
    insert.execute();
    CHECK(db.lastInsertRowId() == 2);

    Statement query = db.prepare("SELECT i, r, t, n, oi, ot FROM v ORDER BY rowid");
    REQUIRE(query.step());
    CHECK(query.columnInt64(0) == 9'007'199'254'740'993);
    CHECK(query.columnDouble(1) == 2.5);
    CHECK(query.columnText(2) == std::string("caf\xC3\xA9 \0 end", 11));
    CHECK(query.columnIsNull(3));
    CHECK(query.columnText(3).empty());
    CHECK_FALSE(query.columnOptionalInt64(4).has_value());
    CHECK(query.columnOptionalText(5) == "given");
    REQUIRE(query.step());
    CHECK(query.columnInt64(0) == 7);
    CHECK_FALSE(query.columnIsNull(2));  // "" is text, not NULL
    CHECK(query.columnText(3) == "literal");
    CHECK(query.columnOptionalInt64(4) == 3);
    CHECK_FALSE(query.columnOptionalText(5).has_value());
    CHECK_FALSE(query.step());
}

TEST_CASE("database: a new file is created with its folders, in WAL mode with foreign keys on") {
    TempDir dir;
    const fs::path file = dir.path() / "a" / "b" / "new.db";
    Database db(file);
    CHECK(fs::exists(file));
    CHECK(db.file() == file);
    CHECK(db.userVersion() == 0);

    Statement mode = db.prepare("PRAGMA journal_mode");
    REQUIRE(mode.step());
    CHECK(mode.columnText(0) == "wal");
    Statement sync = db.prepare("PRAGMA synchronous");
    REQUIRE(sync.step());
    CHECK(sync.columnInt64(0) == 2);  // FULL
    Statement keys = db.prepare("PRAGMA foreign_keys");
    REQUIRE(keys.step());
    CHECK(keys.columnInt64(0) == 1);

    db.setUserVersion(12);
    CHECK(db.userVersion() == 12);
}

TEST_CASE("database: a transaction that ends without commit leaves nothing behind") {
    TempDir dir;
    Database db(dir.path() / "tx.db");
    db.exec("CREATE TABLE t (x INTEGER)");

    {
        Transaction transaction(db);
        db.exec("INSERT INTO t VALUES (1)");
        CHECK(countRows(db, "SELECT count(*) FROM t") == 1);  // visible inside
    }
    CHECK(countRows(db, "SELECT count(*) FROM t") == 0);

    try {
        Transaction transaction(db);
        db.exec("INSERT INTO t VALUES (2)");
        db.exec("INSERT INTO no_such_table VALUES (3)");
        transaction.commit();
        FAIL("the insert into a missing table should have thrown");
    } catch (const StoreError&) {
    }
    CHECK(countRows(db, "SELECT count(*) FROM t") == 0);

    {
        Transaction transaction(db);
        db.exec("INSERT INTO t VALUES (4)");
        transaction.commit();
    }
    Database other(dir.path() / "tx.db");
    CHECK(countRows(other, "SELECT count(*) FROM t") == 1);
    CHECK(countRows(other, "SELECT x FROM t") == 4);
}

TEST_CASE("database: a wrong statement gives a StoreError naming the file and the SQL") {
    TempDir dir;
    const fs::path file = dir.path() / "errors.db";
    Database db(file);
    const std::string prepareError = storeErrorFrom([&] { db.prepare("SELEKT 1"); });
    CHECK(contains(prepareError, file.string()));
    CHECK(contains(prepareError, "SELEKT 1"));
    const std::string twoStatements = storeErrorFrom([&] { db.prepare("SELECT 1; SELECT 2"); });
    CHECK(contains(twoStatements, "exactly one statement"));

    db.exec("CREATE TABLE u (x INTEGER NOT NULL)");
    Statement insert = db.prepare("INSERT INTO u VALUES (?1)");
    insert.bind(1, std::nullopt);
    const std::string stepError = storeErrorFrom([&] { insert.execute(); });
    CHECK(contains(stepError, file.string()));
    CHECK(contains(stepError, "NOT NULL"));
}

// ---- opening damaged or unreachable files -----------------------------------------------------------

TEST_CASE("store: a file that is not a database gives a StoreError naming the file") {
    TempDir dir;
    const fs::path file = dir.databaseFile();
    {
        std::ofstream out(file, std::ios::binary);
        std::mt19937 random(20260105);
        for (int i = 0; i < 16384; ++i) out.put(static_cast<char>(random() & 0xFF));
    }
    const std::string message = storeErrorFrom([&] { EngineStore store(file); });
    CHECK(contains(message, "cannot open " + file.string()));
    CHECK(contains(message, "not a database"));
    CHECK(fs::file_size(file) == 16384);  // left as it was for whoever looks into it
}

TEST_CASE("store: a folder that cannot be created gives a StoreError naming the file") {
    TempDir dir;
    std::ofstream(dir.path() / "plain-file") << "not a folder";
    const fs::path file = dir.path() / "plain-file" / "engine" / "engine.db";
    const std::string message = storeErrorFrom([&] { EngineStore store(file); });
    CHECK(contains(message, file.string()));
}

// ---- migrations -------------------------------------------------------------------------------------

TEST_CASE("store migration: migrations are numbered 1, 2, 3... and there is an upgrade path") {
    const auto migrations = engineMigrations();
    REQUIRE(migrations.size() >= 2);
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        CHECK(migrations[i].version == static_cast<int>(i) + 1);
        CHECK_FALSE(migrations[i].sql.empty());
    }
    CHECK(latestSchemaVersion() == static_cast<int>(migrations.size()));
}

TEST_CASE("store migration: a new database gets the latest schema") {
    TempDir dir;
    EngineStore store(dir.databaseFile());
    CHECK(store.database().userVersion() == latestSchemaVersion());
    for (const char* table : {"interactions", "drafts", "email_cases", "email_messages", "calendar_events",
                              "voicemails", "blacklist", "agent_profiles"}) {
        CHECK_MESSAGE(hasTable(store.database(), table), table);
    }
}

TEST_CASE("store migration: a version 1 database is upgraded with its rows kept") {
    TempDir dir;
    const fs::path file = dir.databaseFile();
    {
        Database v1(file);
        v1.exec(versionOneSchema);
        v1.exec("INSERT INTO interactions (id, channel, service_id, agent_id, customer_id, from_address, subject, "
                "queued_at_ms, answered_at_ms, ended_at_ms, completed_at_ms, outcome) VALUES "
                "('i-1', 'Chat', 'svc-sales', 'agent-anna', 'cust-7', 'web:visitor-9', 'Pricing', 1000, 2000, "
                "3000, 4000, 'handled'), "
                "('i-2', 'Voice', 'svc-sales', NULL, NULL, '+44 20 7946 0000', '', 5000, NULL, NULL, NULL, "
                "'abandoned')");
        v1.exec("INSERT INTO drafts VALUES ('agent-anna', 'chat:i-1', 'Our plans start at', 4500)");
        v1.setUserVersion(1);
    }

    EngineStore store(file);
    CHECK(store.database().userVersion() == latestSchemaVersion());
    CHECK(store.countInteractions() == 2);

    const auto chat = store.interaction("i-1");
    REQUIRE(chat.has_value());
    CHECK(chat->channel == Channel::Chat);
    CHECK(chat->agentId == "agent-anna");
    CHECK(chat->customerId == "cust-7");
    CHECK(chat->completedAtMs == 4000);
    CHECK(chat->outcome == "handled");
    CHECK_FALSE(chat->disposition.has_value());  // columns added by version 2 start empty
    CHECK(chat->notes.empty());
    const auto abandoned = store.interaction("i-2");
    REQUIRE(abandoned.has_value());
    CHECK_FALSE(abandoned->agentId.has_value());
    CHECK_FALSE(abandoned->answeredAtMs.has_value());
    CHECK(abandoned->outcome == "abandoned");
    CHECK(store.draft("agent-anna", "chat:i-1") == "Our plans start at");

    REQUIRE(store.setWrapUp("i-1", "Quote sent", "Wants the annual plan"));
    CHECK(store.interaction("i-1")->disposition == "Quote sent");
    CHECK(store.interaction("i-1")->notes == "Wants the annual plan");
    store.saveProfile({"agent-anna", "Anna", "anna@example.com", "", "", "en", 6000, ""});
    CHECK(store.profile("agent-anna").has_value());
}

TEST_CASE("store migration: a database from a newer AgentDesk is refused and left untouched") {
    TempDir dir;
    const fs::path file = dir.databaseFile();
    const int future = latestSchemaVersion() + 5;
    {
        EngineStore current(file);
        current.database().exec("CREATE TABLE from_the_future (x)");
        current.database().setUserVersion(future);
    }

    const std::string message = storeErrorFrom([&] { EngineStore store(file); });
    CHECK(contains(message, file.string()));
    CHECK(contains(message, "written by a newer AgentDesk"));
    CHECK(contains(message, "schema " + std::to_string(future) + ", this build knows " +
                                std::to_string(latestSchemaVersion())));

    Database raw(file);
    CHECK(raw.userVersion() == future);
    CHECK(hasTable(raw, "from_the_future"));
}

TEST_CASE("store migration: a migration that fails is rolled back and the versions before it are kept") {
    TempDir dir;
    Database db(dir.path() / "half.db");
    const std::array broken{
        engineMigrations()[0],
        Migration{2, "a table, then a typo", "CREATE TABLE half_done (x INTEGER); CREAT TABLE typo (y);"},
    };
    const std::string message = storeErrorFrom([&] { applyMigrations(db, broken); });
    CHECK(contains(message, "schema 2"));
    CHECK(contains(message, db.file().string()));
    CHECK(db.userVersion() == 1);
    CHECK(hasTable(db, "interactions"));
    CHECK_FALSE(hasTable(db, "half_done"));

    // The real list picks up from version 1.
    migrate(db);
    CHECK(db.userVersion() == latestSchemaVersion());
}

// ---- round trips --------------------------------------------------------------------------------------

TEST_CASE("store: an interaction round-trips through a reopened file, and saving again replaces the row") {
    TempDir dir;
    const InteractionRecord call = handledCall("i-100", 1'767'600'000'000);
    InteractionRecord queued;
    queued.id = "i-101";
    queued.channel = Channel::Email;
    queued.serviceId = "svc-support";
    queued.fromAddress = "someone@example.org";
    queued.queuedAtMs = 1'767'600'100'000;
    {
        EngineStore store(dir.databaseFile());
        store.saveInteraction(call);
        store.saveInteraction(queued);
        CHECK(store.countInteractions() == 2);
    }
    EngineStore store(dir.databaseFile());
    CHECK(store.interaction("i-100") == call);
    CHECK(store.interaction("i-101") == queued);
    CHECK_FALSE(store.interaction("i-999").has_value());

    InteractionRecord transferred = call;
    transferred.agentId = "agent-bob";
    transferred.disposition.reset();
    transferred.notes.clear();
    transferred.outcome = "transferred";
    transferred.completedAtMs.reset();
    store.saveInteraction(transferred);
    CHECK(store.countInteractions() == 2);
    CHECK(store.interaction("i-100") == transferred);
}

TEST_CASE("store: a channel this build does not know is reported, not guessed") {
    TempDir dir;
    EngineStore store(dir.databaseFile());
    store.database().exec("INSERT INTO interactions (id, channel, service_id, queued_at_ms, outcome) "
                          "VALUES ('i-fax', 'Fax', 'svc', 1, 'handled')");
    const std::string message = storeErrorFrom([&] { store.interaction("i-fax"); });
    CHECK(contains(message, "\"Fax\""));
    CHECK(contains(message, dir.databaseFile().string()));
}

TEST_CASE("store: wrap-up sets only the disposition and notes") {
    TempDir dir;
    EngineStore store(dir.databaseFile());
    InteractionRecord call = handledCall("i-1", 10'000);
    call.disposition.reset();
    call.notes.clear();
    store.saveInteraction(call);

    REQUIRE(store.setWrapUp("i-1", "Callback promised", "Call back Tuesday"));
    InteractionRecord expected = call;
    expected.disposition = "Callback promised";
    expected.notes = "Call back Tuesday";
    CHECK(store.interaction("i-1") == expected);

    REQUIRE(store.setWrapUp("i-1", std::nullopt, ""));
    CHECK(store.interaction("i-1") == call);
    CHECK_FALSE(store.setWrapUp("i-unknown", "Resolved", "x"));
}

TEST_CASE("store: a customer's and an agent's interactions come newest first, within the limit") {
    TempDir dir;
    EngineStore store(dir.databaseFile());
    for (int i = 0; i < 6; ++i) {
        InteractionRecord record = handledCall("i-" + std::to_string(i), 1000 * (i + 1));
        record.customerId = i % 2 == 0 ? "cust-even" : "cust-odd";
        record.agentId = i < 4 ? std::optional<std::string>("agent-anna") : std::nullopt;
        store.saveInteraction(record);
    }

    auto ids = [](const std::vector<InteractionRecord>& records) {
        std::vector<std::string> out;
        for (const auto& record : records) out.push_back(record.id);
        return out;
    };
    CHECK(ids(store.interactionsForCustomer("cust-even")) == std::vector<std::string>{"i-4", "i-2", "i-0"});
    CHECK(ids(store.interactionsForCustomer("cust-even", 2)) == std::vector<std::string>{"i-4", "i-2"});
    CHECK(store.interactionsForCustomer("cust-nobody").empty());
    CHECK(ids(store.interactionsForAgent("agent-anna", 0)) == std::vector<std::string>{"i-3", "i-2", "i-1", "i-0"});
    CHECK(ids(store.interactionsForAgent("agent-anna", 2000)) == std::vector<std::string>{"i-3", "i-2", "i-1"});
    CHECK(ids(store.interactionsForAgent("agent-anna", 0, 1)) == std::vector<std::string>{"i-3"});
    CHECK(store.countInteractions() == 6);
}

TEST_CASE("store: drafts are saved, replaced, listed by owner and deleted") {
    TempDir dir;
    EngineStore store(dir.databaseFile());
    store.saveDraft({"agent-anna", "wrapup:i-7", "Customer wants", 100});
    store.saveDraft({"agent-anna", "chat:123", "Hello! Let me check", 110});
    store.saveDraft({"agent-bob", "chat:123", "Bob's own text", 120});
    store.saveDraft({"agent-anna", "wrapup:i-7", "Customer wants a refund", 130});

    CHECK(store.draft("agent-anna", "wrapup:i-7") == "Customer wants a refund");
    CHECK(store.draft("agent-bob", "chat:123") == "Bob's own text");
    CHECK_FALSE(store.draft("agent-bob", "wrapup:i-7").has_value());
    const std::vector<Draft> annas{{"agent-anna", "chat:123", "Hello! Let me check", 110},
                                   {"agent-anna", "wrapup:i-7", "Customer wants a refund", 130}};
    CHECK(store.drafts("agent-anna") == annas);

    CHECK(store.deleteDraft("agent-anna", "chat:123"));
    CHECK_FALSE(store.deleteDraft("agent-anna", "chat:123"));
    CHECK_FALSE(store.draft("agent-anna", "chat:123").has_value());
    CHECK(store.drafts("agent-anna").size() == 1);
    CHECK(store.drafts("agent-bob").size() == 1);
}

TEST_CASE("store: an email case keeps its thread oldest first, and a message moves the case forward") {
    TempDir dir;
    EngineStore store(dir.databaseFile());
    const EmailCase refund{"case-1", "cust-42", "Refund request", "open", "svc-support", 1000, 1000};
    store.saveCase(refund);
    store.saveCase({"case-2", "cust-42", "Address change", "closed", "svc-support", 500, 800});
    store.saveCase({"case-3", std::nullopt, "Unknown sender", "open", "svc-support", 900, 900});
    CHECK(store.emailCase("case-1") == refund);
    CHECK(store.emailCase("case-3")->customerId == std::nullopt);
    CHECK_FALSE(store.emailCase("case-9").has_value());

    const EmailMessage reply{0, "case-1", EmailDirection::Out, "support@center.example", "c42@example.org",
                             "Re: Refund request", "It is on its way.", 3000};
    const EmailMessage question{0, "case-1", EmailDirection::In, "c42@example.org", "support@center.example",
                                "Refund request", "Where is my refund?", 2000};
    const std::int64_t replyId = store.addEmailMessage(reply);
    const std::int64_t questionId = store.addEmailMessage(question);
    CHECK(replyId != questionId);

    EmailMessage expectedQuestion = question;
    expectedQuestion.id = questionId;
    EmailMessage expectedReply = reply;
    expectedReply.id = replyId;
    CHECK(store.emailMessages("case-1") == std::vector<EmailMessage>{expectedQuestion, expectedReply});
    CHECK(store.emailMessages("case-2").empty());
    CHECK(store.emailCase("case-1")->updatedMs == 3000);  // the newest message, not the last added

    // Saving the case again (here: a new subject) keeps its thread.
    EmailCase renamed = *store.emailCase("case-1");
    renamed.subject = "Refund request (order 981)";
    store.saveCase(renamed);
    CHECK(store.emailCase("case-1") == renamed);
    CHECK(store.emailMessages("case-1").size() == 2);

    CHECK(store.setCaseStatus("case-1", "closed", 4000));
    CHECK(store.emailCase("case-1")->status == "closed");
    CHECK_FALSE(store.setCaseStatus("case-9", "closed", 4000));

    std::vector<std::string> ids;
    for (const EmailCase& emailCase : store.casesForCustomer("cust-42")) ids.push_back(emailCase.id);
    CHECK(ids == std::vector<std::string>{"case-1", "case-2"});
}

TEST_CASE("store: a message for a case that does not exist is refused and writes nothing") {
    TempDir dir;
    EngineStore store(dir.databaseFile());
    const EmailMessage orphan{0, "case-missing", EmailDirection::In, "a@example.org", "b@example.org", "", "", 1};
    const std::string message = storeErrorFrom([&] { store.addEmailMessage(orphan); });
    CHECK(contains(message, "FOREIGN KEY"));
    CHECK(countRows(store.database(), "SELECT count(*) FROM email_messages") == 0);

    // The failed write left no transaction open: the next one goes through.
    store.saveCase({"case-1", "cust-1", "Hello", "open", "svc", 1, 1});
    EmailMessage fine = orphan;
    fine.caseId = "case-1";
    store.addEmailMessage(fine);
    CHECK(store.emailMessages("case-1").size() == 1);
}

TEST_CASE("store: calendar entries are added, updated, found by time range and deleted") {
    TempDir dir;
    EngineStore store(dir.databaseFile());
    CalendarEvent meeting{0, "agent-anna", "Team meeting", "Room 2", 10'000, 20'000, std::nullopt,
                          CalendarEntryKind::Event, std::nullopt, std::nullopt};
    CalendarEvent followUp{0, "agent-anna", "Call back Mr Dupont", "About the refund", 30'000, 30'000, 29'000,
                           CalendarEntryKind::FollowUp, "i-7", std::nullopt};
    const CalendarEvent otherAgent{0, "agent-bob", "Training", "", 10'000, 40'000, std::nullopt,
                                   CalendarEntryKind::Event, std::nullopt, std::nullopt};
    meeting.id = store.addEvent(meeting);
    followUp.id = store.addEvent(followUp);
    store.addEvent(otherAgent);
    CHECK(meeting.id != followUp.id);

    CHECK(store.eventsBetween("agent-anna", 0, 100'000) == std::vector<CalendarEvent>{meeting, followUp});
    CHECK(store.eventsBetween("agent-anna", 15'000, 16'000) == std::vector<CalendarEvent>{meeting});  // overlaps
    // The meeting has ended at 20'000 and [from, to) stops short of the follow-up at 30'000.
    CHECK(store.eventsBetween("agent-anna", 20'000, 30'000).empty());
    CHECK(store.eventsBetween("agent-anna", 30'000, 30'001) == std::vector<CalendarEvent>{followUp});

    CalendarEvent moved = meeting;
    moved.startsMs = 50'000;
    moved.endsMs = 60'000;
    moved.remindAtMs = 45'000;
    moved.note = "Moved to the afternoon";
    CHECK(store.updateEvent(moved));
    CHECK(store.eventsBetween("agent-anna", 0, 100'000) == std::vector<CalendarEvent>{followUp, moved});

    CHECK(store.deleteEvent(followUp.id));
    CHECK_FALSE(store.deleteEvent(followUp.id));
    CalendarEvent ghost = followUp;
    CHECK_FALSE(store.updateEvent(ghost));
    CHECK(store.eventsBetween("agent-anna", 0, 100'000) == std::vector<CalendarEvent>{moved});

    CalendarEvent backwards = meeting;
    backwards.endsMs = backwards.startsMs - 1;
    CHECK_THROWS_AS(store.addEvent(backwards), StoreError);
}

TEST_CASE("store: reminders come due and are dismissed") {
    TempDir dir;
    EngineStore store(dir.databaseFile());
    auto entry = [](std::string agent, std::int64_t starts, std::optional<std::int64_t> remind) {
        return CalendarEvent{0, std::move(agent), "Follow up", "", starts, starts, remind,
                             CalendarEntryKind::FollowUp, std::nullopt, std::nullopt};
    };
    const std::int64_t annaLate = store.addEvent(entry("agent-anna", 9'000, 8'000));
    const std::int64_t annaEarly = store.addEvent(entry("agent-anna", 9'000, 5'000));
    const std::int64_t bob = store.addEvent(entry("agent-bob", 9'000, 6'000));
    store.addEvent(entry("agent-anna", 9'000, std::nullopt));

    auto ids = [](const std::vector<CalendarEvent>& events) {
        std::vector<std::int64_t> out;
        for (const auto& event : events) out.push_back(event.id);
        return out;
    };
    CHECK(ids(store.dueReminders("agent-anna", 7'000)) == std::vector<std::int64_t>{annaEarly});
    CHECK(ids(store.dueReminders("agent-anna", 8'000)) == std::vector<std::int64_t>{annaEarly, annaLate});
    CHECK(ids(store.dueReminders(std::nullopt, 8'000)) == std::vector<std::int64_t>{annaEarly, bob, annaLate});

    CHECK(store.dismissReminder(annaEarly));
    CHECK(ids(store.dueReminders(std::nullopt, 100'000)) == std::vector<std::int64_t>{bob, annaLate});
}

TEST_CASE("store: voicemails come newest first and are marked heard") {
    TempDir dir;
    EngineStore store(dir.databaseFile());
    Voicemail first{0, "agent-anna", "+33 6 11 22 33 44", 1000, 42, false};
    Voicemail second{0, "agent-anna", "+33 6 55 66 77 88", 2000, 7, false};
    first.id = store.addVoicemail(first);
    second.id = store.addVoicemail(second);
    store.addVoicemail({0, "agent-bob", "+1 555 0100", 1500, 3, false});

    CHECK(store.voicemailsFor("agent-anna") == std::vector<Voicemail>{second, first});
    CHECK(store.markHeard(first.id));
    first.heard = true;
    CHECK(store.voicemailsFor("agent-anna") == std::vector<Voicemail>{second, first});
    CHECK_FALSE(store.markHeard(9999));
    CHECK(store.voicemailsFor("agent-nobody").empty());
}

TEST_CASE("store: the blacklist is kept by address and channel, addresses compared without case") {
    TempDir dir;
    EngineStore store(dir.databaseFile());
    const BlacklistEntry spammer{"Spam@Example.com", Channel::Email, "Bulk mail", "sup-zoe", 1000};
    const BlacklistEntry prankCaller{"+33 1 00 00 00 00", Channel::Voice, "Prank calls", "sup-zoe", 2000};
    store.blacklistAdd(spammer);
    store.blacklistAdd(prankCaller);

    CHECK(store.isBlacklisted("spam@example.com", Channel::Email));
    CHECK_FALSE(store.isBlacklisted("spam@example.com", Channel::Chat));
    CHECK(store.isBlacklisted("+33 1 00 00 00 00", Channel::Voice));
    CHECK_FALSE(store.isBlacklisted("+33 1 00 00 00 01", Channel::Voice));
    CHECK(store.blacklist() == std::vector<BlacklistEntry>{prankCaller, spammer});

    BlacklistEntry again = spammer;
    again.reason = "Phishing";
    again.addedMs = 3000;
    store.blacklistAdd(again);
    CHECK(store.blacklist() == std::vector<BlacklistEntry>{prankCaller, again});

    CHECK(store.blacklistRemove("SPAM@example.COM", Channel::Email));
    CHECK_FALSE(store.blacklistRemove("SPAM@example.COM", Channel::Email));
    CHECK_FALSE(store.isBlacklisted("spam@example.com", Channel::Email));
    CHECK(store.blacklist().size() == 1);
}

TEST_CASE("store: an agent profile round-trips and is replaced as a whole") {
    TempDir dir;
    const AgentProfile anna{"agent-anna", "Anna Martin", "anna@center.example", "+33 1 98 76 54 32",
                            "Anna\nCustomer care", "fr-FR", 1000, ""};
    {
        EngineStore store(dir.databaseFile());
        store.saveProfile(anna);
        CHECK_FALSE(store.profile("agent-bob").has_value());
    }
    EngineStore store(dir.databaseFile());
    CHECK(store.profile("agent-anna") == anna);
    const AgentProfile renamed{"agent-anna", "Anna M.", "", "", "", "en", 2000, ""};
    store.saveProfile(renamed);
    CHECK(store.profile("agent-anna") == renamed);
}

// ---- durability ---------------------------------------------------------------------------------------

TEST_CASE("store: every write acknowledged before the process is killed is there after reopening") {
    TempDir dir;
    const fs::path file = dir.databaseFile();
    constexpr int interactionCount = 40;
    auto numbered = [](int i) { return handledCall("i-" + std::to_string(i), 1000 + i); };

    // The child reports each write the store acknowledged, one byte each, then kills itself
    // without closing anything: no destructor, no checkpoint, no clean shutdown.
    std::array<int, 2> acknowledged{};
    REQUIRE(pipe(acknowledged.data()) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        close(acknowledged[0]);
        auto report = [&](char what) {
            if (write(acknowledged[1], &what, 1) != 1) _exit(4);
        };
        try {
            EngineStore store(file);
            for (int i = 0; i < interactionCount; ++i) {
                store.saveInteraction(numbered(i));
                report('i');
            }
            store.setWrapUp("i-7", "Upgraded", "Moved to fibre");
            report('w');
            store.saveDraft({"agent-anna", "wrapup:i-39", "Customer asked about", 5000});
            report('d');
            kill(getpid(), SIGKILL);
        } catch (...) {
        }
        _exit(3);
    }

    close(acknowledged[1]);
    std::string reports;
    char byte = 0;
    while (read(acknowledged[0], &byte, 1) == 1) reports += byte;
    close(acknowledged[0]);
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE_MESSAGE(WIFSIGNALED(status), "the child exited with status ", WEXITSTATUS(status));
    CHECK(WTERMSIG(status) == SIGKILL);
    CHECK(reports == std::string(interactionCount, 'i') + "wd");
    // Not closed cleanly: the committed transactions are still in the write-ahead log.
    CHECK(fs::exists(file.string() + "-wal"));

    EngineStore store(file);
    CHECK(store.countInteractions() == interactionCount);
    for (int i = 0; i < interactionCount; ++i) {
        InteractionRecord expected = numbered(i);
        if (i == 7) {
            expected.disposition = "Upgraded";
            expected.notes = "Moved to fibre";
        }
        CHECK(store.interaction(expected.id) == expected);
    }
    CHECK(store.draft("agent-anna", "wrapup:i-39") == "Customer asked about");
}
