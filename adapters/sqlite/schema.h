// The database schema as numbered migrations, tracked in PRAGMA user_version.
//
// Migration N turns a version N-1 database into version N; each runs in its own transaction
// together with the version bump, so a database is always at exactly one known version.
// Migrations are never edited once shipped: a schema change is a new step at the end.
#pragma once

#include <vector>

#include "adapters/sqlite/connection.h"
#include "engine/status.h"

namespace souhra::sqlite {

struct Migration {
  int version;      // 1, 2, 3… in order, no gaps
  const char* sql;  // one or more statements
  // What SQL cannot do (hashing), run after `sql` in the same transaction; null for none.
  Status (*then)(Connection& db) = nullptr;
};

// Souhra's migrations, oldest first.
const std::vector<Migration>& SchemaMigrations();

// Applies the steps of `migrations` newer than the database's user_version, each in one
// transaction. OK when nothing is left to apply. kInvalidArgument if the database is newer than
// the last step (written by a newer Souhra); kUnavailable on I/O or busy errors; kInternal if a
// step's SQL fails (the database stays at the previous version). Needs exclusive use of `db`.
Status Migrate(Connection& db, const std::vector<Migration>& migrations);

}  // namespace souhra::sqlite
