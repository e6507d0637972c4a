// The SQLite implementation of the Access seam (engine/access.h), in the same database file as
// the store, on a connection of its own like the directory's: sign-ins and audit rows are few
// next to events, so they do not need the engine's group commit. A write waits for the engine's
// transaction (busy timeout) and is durable when it returns.
#pragma once

#include <memory>

#include "adapters/sqlite/sqlite_store.h"
#include "engine/access.h"

namespace souhra {

// Opens (and migrates, if the store has not yet) the access tables of the database `options`
// names.
Result<std::unique_ptr<AccessStore>> OpenSqliteAccessStore(const SqliteOptions& options);

}  // namespace souhra
