// The SQLite implementation of the Directory seam (engine/directory.h), in the same database
// file as the store. The directory is read when a message is delivered or a person signs in
// (on read connections) and written rarely, so it never needs the engine's group commit: each
// write is a small transaction of its own on the writer connection, which in `souhra serve` is
// the store's (OpenSqliteDatabase), run between the engine's transactions; it is durable when it
// returns.
#pragma once

#include <memory>

#include "adapters/sqlite/reader_pool.h"
#include "adapters/sqlite/sqlite_store.h"
#include "engine/directory.h"

namespace souhra {

// Opens (and migrates, if the store has not yet) the directory of the database `options` names.
// ":memory:" gives a directory of its own, empty, for tests.
Result<std::unique_ptr<Directory>> OpenSqliteDirectory(const SqliteOptions& options);

namespace sqlite {

// The Directory on `writer`, the connection it shares with the store (OpenSqliteDatabase); it
// writes through RunOutsideTransaction and reads on `readers`.
std::unique_ptr<Directory> DirectoryOn(std::shared_ptr<GuardedConnection> writer,
                                       std::unique_ptr<ReaderPool> readers);

}  // namespace sqlite

}  // namespace souhra
