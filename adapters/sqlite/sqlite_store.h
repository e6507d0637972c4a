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

#include "engine/access.h"
#include "engine/directory.h"
#include "engine/status.h"
#include "engine/store.h"

namespace souhra {

struct SqliteOptions {
  std::string path;            // a file, or ":memory:" for simulations and tests
  std::string vfs;             // "" = SQLite's default; tests pass a fault-injecting VFS
  int cache_mebibytes = 64;    // page cache of the writer connection
  int busy_timeout_ms = 5000;  // how long to wait for a lock before failing with kUnavailable
};

// Opens (creating if needed) and migrates the database. kUnavailable if it cannot be opened,
// kInvalidArgument if it was written by a newer Souhra. The Store must outlive its WriteTxns.
Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options);

// The store, the directory and the access store of one database file on one writer connection
// (`souhra serve`). A directory or access write (a sign-in's session, a user) runs as its own
// small transaction between the engine's group commits: it waits for the open one to commit,
// and the next one waits for it, through the connection's own lock rather than SQLite's busy
// retries between competing connections. Their reads use read connections and never wait for
// the writer. Each part may be destroyed in any order.
struct SqliteDatabase {
  std::unique_ptr<Store> store;
  std::unique_ptr<Directory> directory;
  std::unique_ptr<AccessStore> access;
};
Result<SqliteDatabase> OpenSqliteDatabase(const SqliteOptions& options);

}  // namespace souhra
