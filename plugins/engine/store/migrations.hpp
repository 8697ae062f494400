#pragma once
// The engine database's schema, as an ordered list of migrations. The file's PRAGMA user_version
// says how many have been applied; opening applies the rest, each in its own transaction, so a
// failure leaves the file at the last version that completed.
//
// A migration that has shipped is never edited: a change to the schema is a new migration at the
// end of the list. A file whose version is newer than this build's last migration was written by
// a newer AgentDesk and is refused rather than guessed at.

#include "store/database.hpp"

#include <span>
#include <string_view>

namespace agentdesk::engine {

/// One step of the schema.
struct Migration {
    int version;                   ///< the user_version once applied: 1, 2, 3... with no gaps
    std::string_view description;  ///< what it adds, for messages
    std::string_view sql;          ///< the script, run as one transaction
};

/// The engine schema's migrations, oldest first.
std::span<const Migration> engineMigrations();

/// The version a database has once every migration of this build is applied.
int latestSchemaVersion();

/// Brings `db` up to the last of `migrations` (numbered 1..N in order). Throws StoreError when the
/// file is newer than the list ("... was written by a newer AgentDesk (schema 7, this build knows 3)")
/// or a migration fails; a failed migration is rolled back and the versions before it are kept.
void applyMigrations(Database& db, std::span<const Migration> migrations);

/// Brings `db` up to latestSchemaVersion().
inline void migrate(Database& db) { applyMigrations(db, engineMigrations()); }

}  // namespace agentdesk::engine
