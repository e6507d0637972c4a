// The embedded SQLite implementation of the Store seam (engine/store.h).
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
};

// Opens (creating if needed) and migrates the database. kUnavailable if it cannot be opened,
// kInvalidArgument if it was written by a newer Souhra.
Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options);

}  // namespace souhra
