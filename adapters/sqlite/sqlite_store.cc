#include "adapters/sqlite/sqlite_store.h"

namespace souhra {

Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options) {
  return Unavailable("cannot open " + options.path + ": the SQLite store is being written");
}

}  // namespace souhra
