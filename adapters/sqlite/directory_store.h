// The SQLite implementation of the Directory seam (engine/directory.h), in the same database
// file as the store. It uses a connection of its own, one caller at a time: the directory is
// read when a message is delivered or a person signs in, and written rarely, so it never needs
// the engine's group commit. A write waits for the engine's transaction (busy timeout) and is
// durable when it returns.
#pragma once

#include <memory>

#include "adapters/sqlite/sqlite_store.h"
#include "engine/directory.h"

namespace souhra {

// Opens (and migrates, if the store has not yet) the directory of the database `options` names.
// ":memory:" gives a directory of its own, empty, for tests.
Result<std::unique_ptr<Directory>> OpenSqliteDirectory(const SqliteOptions& options);

}  // namespace souhra
