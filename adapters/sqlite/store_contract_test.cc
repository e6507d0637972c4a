// The SQLite store keeps every role's contract (tests/contracts/store_contract.h), on a file.
#include "tests/contracts/store_contract.h"

#include <memory>
#include <string>

#include "adapters/sqlite/sqlite_store.h"

namespace souhra::contracts {
namespace {

Result<std::unique_ptr<Store>> OpenSqliteInDirectory(const std::string& dir) {
  SqliteOptions options;
  options.path = dir + "/souhra.db";
  options.busy_timeout_ms = 0;
  return OpenSqliteStore(options);
}

SOUHRA_STORE_CONTRACTS(Sqlite, (StoreImplementation{"sqlite", OpenSqliteInDirectory}));

}  // namespace
}  // namespace souhra::contracts
