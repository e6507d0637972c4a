// The SQLite implementation of the Access seam (engine/access.h), in the same database file as
// the store. Sessions and tokens are few next to events, so they do not need the engine's group
// commit: each write is a small transaction of its own on the writer connection, which in
// `souhra serve` is the store's (OpenSqliteDatabase), run between the engine's transactions; it
// is durable when it returns. Reads use read connections. Audit rows are written by the engine,
// in the savepoint of the change they record (WriteTxn::AppendAudit).
#pragma once

#include <memory>

#include "adapters/sqlite/reader_pool.h"
#include "adapters/sqlite/sqlite_store.h"
#include "engine/access.h"

namespace souhra {

// Opens (and migrates, if the store has not yet) the access tables of the database `options`
// names.
Result<std::unique_ptr<AccessStore>> OpenSqliteAccessStore(const SqliteOptions& options);

namespace sqlite {

// The AccessStore on `writer`, the connection it shares with the store (OpenSqliteDatabase); it
// writes through RunOutsideTransaction and reads on `readers`.
std::unique_ptr<AccessStore> AccessStoreOn(std::shared_ptr<GuardedConnection> writer,
                                           std::unique_ptr<ReaderPool> readers);

}  // namespace sqlite

}  // namespace souhra
