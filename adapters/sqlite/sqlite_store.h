// The embedded SQLite implementation of the Store seam (engine/store.h).
//
// A database file is opened in WAL mode with synchronous=FULL: a committed WriteTxn survives
// kill -9 and power loss. One writer connection serves the WriteTxn; queries run on a pool of
// read-only connections and see the last committed state, concurrently with the writer.
// ":memory:" keeps everything in one connection (see reader_pool.h): there queries share the
// writer's connection and also see the writes of an open transaction.
#pragma once

#include <memory>
#include <string>

#include "engine/status.h"
#include "engine/store.h"

namespace souhra {

struct SqliteOptions {
  std::string path;              // a file, or ":memory:" for simulations and tests
  std::string vfs;               // "" = SQLite's default; tests pass a fault-injecting VFS
  int cache_mebibytes = 64;      // page cache of the writer connection
  int busy_timeout_ms = 5000;    // how long to wait for a lock before failing with kUnavailable
};

// Opens (creating if needed) and migrates the database. kUnavailable if it cannot be opened,
// kInvalidArgument if it was written by a newer Souhra. The Store must outlive its WriteTxns.
Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options);

}  // namespace souhra
