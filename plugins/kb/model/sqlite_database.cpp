#include "model/sqlite_database.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <system_error>
#include <utility>

namespace agentdesk::kb {

namespace {

/// How long a write waits for another connection's write before giving up with "database is locked".
constexpr int busyTimeoutMs = 5000;

/// The file a connection was opened on, for messages ("" for a temporary database).
std::string fileOf(sqlite3* db) {
    const char* name = db ? sqlite3_db_filename(db, "main") : nullptr;
    return name && *name ? name : "(temporary database)";
}

/// `sql` on one line and at most 120 characters, to quote it in a message.
std::string quoted(std::string_view sql) {
    std::string line;
    for (char c : sql) {
        if (c == '\n' || c == '\t' || c == '\r') c = ' ';
        if (c == ' ' && (line.empty() || line.back() == ' ')) continue;
        line += c;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (line.size() > 120) line = line.substr(0, 117) + "...";
    return line;
}

bool isBlank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n;") == std::string_view::npos;
}

}  // namespace

// ---- Statement ------------------------------------------------------------------------------

Statement::Statement(Statement&& other) noexcept : statement_(std::exchange(other.statement_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(statement_);
        statement_ = std::exchange(other.statement_, nullptr);
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(statement_); }

void Statement::check(int code, std::string_view doing) const {
    if (code == SQLITE_OK) return;
    sqlite3* db = sqlite3_db_handle(statement_);
    throw KbStoreError(fmt::format("cannot {} on {}: {} (SQL: {})", doing, fileOf(db),
                                 db ? sqlite3_errmsg(db) : sqlite3_errstr(code), quoted(sqlite3_sql(statement_))));
}

Statement& Statement::bindInt64(int index, std::int64_t value) {
    check(sqlite3_bind_int64(statement_, index, value), fmt::format("bind parameter {}", index));
    return *this;
}

Statement& Statement::bind(int index, double value) {
    check(sqlite3_bind_double(statement_, index, value), fmt::format("bind parameter {}", index));
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    // A non-null pointer even for "" so the value is empty text, not NULL.
    check(sqlite3_bind_text64(statement_, index, value.data() ? value.data() : "", value.size(), SQLITE_TRANSIENT,
                              SQLITE_UTF8),
          fmt::format("bind parameter {}", index));
    return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
    check(sqlite3_bind_null(statement_, index), fmt::format("bind parameter {}", index));
    return *this;
}

bool Statement::step() {
    const int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    // The statement is left reset so it does not hold a read transaction open after a failure.
    sqlite3* db = sqlite3_db_handle(statement_);
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    sqlite3_reset(statement_);
    throw KbStoreError(fmt::format("cannot run statement on {}: {} (SQL: {})", fileOf(db), message,
                                 quoted(sqlite3_sql(statement_))));
}

int Statement::execute() {
    while (step()) {
    }
    return sqlite3_changes(sqlite3_db_handle(statement_));
}

void Statement::reset() {
    // sqlite3_reset repeats the last step's error; that error was already thrown by step().
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

std::int64_t Statement::columnInt64(int column) const { return sqlite3_column_int64(statement_, column); }

double Statement::columnDouble(int column) const { return sqlite3_column_double(statement_, column); }

std::string Statement::columnText(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    if (!text) return {};
    return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

bool Statement::columnIsNull(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

std::optional<std::int64_t> Statement::columnOptionalInt64(int column) const {
    if (columnIsNull(column)) return std::nullopt;
    return columnInt64(column);
}

std::optional<std::string> Statement::columnOptionalText(int column) const {
    if (columnIsNull(column)) return std::nullopt;
    return columnText(column);
}

// ---- Database -------------------------------------------------------------------------------

Database::Database(std::filesystem::path file) : file_(std::move(file)) {
    const std::string name = file_.string();
    if (file_.has_parent_path()) {
        std::error_code error;
        std::filesystem::create_directories(file_.parent_path(), error);
        if (error) {
            throw KbStoreError(fmt::format("cannot create the folder for {}: {}", name, error.message()));
        }
    }

    const int code = sqlite3_open_v2(name.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (code != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
        close();
        throw KbStoreError(fmt::format("cannot open {}: {}", name, message));
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, busyTimeoutMs);

    // SQLite reads the file lazily: the first statement is where a file that is not a database fails.
    try {
        exec("PRAGMA journal_mode = WAL");
        exec("PRAGMA synchronous = FULL");
        exec("PRAGMA foreign_keys = ON");
        exec("SELECT count(*) FROM sqlite_schema");
    } catch (const KbStoreError&) {
        std::string message = sqlite3_errmsg(db_);
        close();
        throw KbStoreError(fmt::format("cannot open {}: {}", name, message));
    }
}

Database::Database(Database&& other) noexcept
    : file_(std::move(other.file_)), db_(std::exchange(other.db_, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        close();
        file_ = std::move(other.file_);
        db_ = std::exchange(other.db_, nullptr);
    }
    return *this;
}

Database::~Database() { close(); }

void Database::close() noexcept {
    // close_v2 waits for statements still alive instead of failing with SQLITE_BUSY.
    if (db_) sqlite3_close_v2(std::exchange(db_, nullptr));
}

void Database::exec(std::string_view sql) {
    const std::string text(sql);
    char* error = nullptr;
    const int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    if (code != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(code);
        sqlite3_free(error);
        throw KbStoreError(fmt::format("cannot run SQL on {}: {} (SQL: {})", file_.string(), message, quoted(sql)));
    }
}

Statement Database::prepare(std::string_view sql) const {
    sqlite3_stmt* statement = nullptr;
    const char* tail = nullptr;
    const int code = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement, &tail);
    if (code != SQLITE_OK) {
        throw KbStoreError(fmt::format("cannot prepare a statement on {}: {} (SQL: {})", file_.string(),
                                     sqlite3_errmsg(db_), quoted(sql)));
    }
    Statement result(statement);
    if (!statement || !isBlank(std::string_view(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail)))) {
        throw KbStoreError(fmt::format("cannot prepare a statement on {}: expected exactly one statement (SQL: {})",
                                     file_.string(), quoted(sql)));
    }
    return result;
}

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

int Database::userVersion() const {
    Statement query = prepare("PRAGMA user_version");
    query.step();
    return static_cast<int>(query.columnInt64(0));
}

void Database::setUserVersion(int version) { exec(fmt::format("PRAGMA user_version = {}", version)); }

// ---- Transaction ----------------------------------------------------------------------------

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    // After a failed COMMIT SQLite may already have rolled back; only roll back what is still open.
    if (open_ && db_.handle() && !sqlite3_get_autocommit(db_.handle())) {
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    open_ = false;
}

}  // namespace agentdesk::kb
