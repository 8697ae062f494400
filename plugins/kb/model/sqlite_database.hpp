#pragma once
// A thin RAII layer over sqlite3 for the knowledge base: a connection (Database), compiled
// statements (Statement) and write transactions (Transaction). Nothing here knows the schema.
// (The same shape as the engine's store wrapper; plugins do not share code, so it lives here.)
//
// A Database opens in WAL mode with synchronous=FULL, so a transaction is on disk when COMMIT
// returns and survives the process being killed right after. Foreign keys are enforced. Every
// failure is a KbStoreError whose message names the database file and says what failed; a file
// that is not a database fails in the constructor, not at the first query.
//
// One Database belongs to one thread at a time; statements and transactions must not outlive it.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

struct sqlite3;
struct sqlite3_stmt;

namespace agentdesk::kb {

/// The store could not do what was asked: the message names the database file and the cause.
class KbStoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One compiled SQL statement. Parameters are bound by 1-based index, columns read by 0-based index.
class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    /// Binds an integer (any integral type but bool).
    template <typename Integer>
        requires(std::is_integral_v<Integer> && !std::is_same_v<Integer, bool>)
    Statement& bind(int index, Integer value) {
        return bindInt64(index, static_cast<std::int64_t>(value));
    }
    /// Binds a floating point number.
    Statement& bind(int index, double value);
    /// Binds text; the bytes are copied.
    Statement& bind(int index, std::string_view value);
    /// Binds text given as a C string (kept apart so a literal does not pick the integer overload).
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    /// Binds NULL.
    Statement& bind(int index, std::nullopt_t);
    /// Binds the value, or NULL when there is none.
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, std::nullopt);
    }

    /// Runs the statement to its next row: true when a row is ready to read, false when done.
    bool step();
    /// Runs a statement that returns no rows; the number of rows it inserted, changed or deleted.
    int execute();
    /// Makes the statement ready to run again; bindings are cleared.
    void reset();

    std::int64_t columnInt64(int column) const;
    double columnDouble(int column) const;
    /// The column as text; "" for NULL.
    std::string columnText(int column) const;
    bool columnIsNull(int column) const;
    /// The column as an integer, or nullopt for NULL.
    std::optional<std::int64_t> columnOptionalInt64(int column) const;
    /// The column as text, or nullopt for NULL.
    std::optional<std::string> columnOptionalText(int column) const;

private:
    friend class Database;
    explicit Statement(sqlite3_stmt* statement) : statement_(statement) {}
    Statement& bindInt64(int index, std::int64_t value);
    /// Throws a KbStoreError for `code` unless it is SQLITE_OK.
    void check(int code, std::string_view doing) const;

    sqlite3_stmt* statement_ = nullptr;
};

/// A connection to one SQLite database file.
class Database {
public:
    /// Opens `file`, creating it and its parent folders when missing. Throws KbStoreError.
    explicit Database(std::filesystem::path file);
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    /// The database file.
    const std::filesystem::path& file() const { return file_; }

    /// Runs one or more SQL statements separated by ';' and ignores any rows they return.
    void exec(std::string_view sql);
    /// Compiles exactly one SQL statement.
    Statement prepare(std::string_view sql) const;

    /// The rowid of the last row inserted on this connection.
    std::int64_t lastInsertRowId() const;
    /// The schema version kept in the file header (PRAGMA user_version); 0 for a new database.
    int userVersion() const;
    void setUserVersion(int version);

    /// The raw connection, for what this wrapper does not offer.
    sqlite3* handle() const { return db_; }

private:
    void close() noexcept;

    std::filesystem::path file_;
    sqlite3* db_ = nullptr;
};

/// A write transaction (BEGIN IMMEDIATE): rolled back when it ends without commit(), so a method
/// that throws half-way leaves nothing behind. Transactions do not nest.
class Transaction {
public:
    /// Begins; waits up to the busy timeout for another connection's write to finish.
    explicit Transaction(Database& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    /// Commits: once this returns, the changes are durable. Throws KbStoreError (and the destructor
    /// then rolls back).
    void commit();

private:
    Database& db_;
    bool open_ = true;
};

}  // namespace agentdesk::kb
