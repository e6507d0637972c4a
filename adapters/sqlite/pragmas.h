// The per-connection settings of Souhra's SQLite databases, shared by the store's connections
// and by the store-only baseline of `souhra bench`, so that both run with identical pragmas.
#pragma once

#include <string>

#include "adapters/sqlite/connection.h"
#include "adapters/sqlite/sqlite_store.h"
#include "engine/status.h"

namespace souhra::sqlite {

// Runs "PRAGMA <pragma>". The text must be our own: pragmas take no parameters.
Status SetPragma(Connection& db, const std::string& pragma);
// Busy timeout, page cache of `cache_mebibytes` and in-memory temporary tables.
Status ConfigureCommon(Connection& db, const SqliteOptions& options, int cache_mebibytes);
// The writer's settings on top: WAL (files only), synchronous = FULL, foreign keys, and the
// checkpoint and journal size limits. kUnavailable when WAL cannot be enabled.
Status ConfigureWriter(Connection& db, const SqliteOptions& options);

}  // namespace souhra::sqlite
