// Connection: one open SQLite database handle with its cache of prepared statements.
//
// Owns the sqlite3 handle and finalizes every cached statement before closing it. Opened in
// SQLite's multi-thread mode: a Connection is used by one thread at a time, which the store
// guarantees by handing each connection to one holder at a time (see reader_pool.h,
// write_txn.h). Not thread-safe.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "adapters/sqlite/statement.h"
#include "engine/status.h"

namespace souhra::sqlite {

class Connection {
 public:
  // Opens `path` (a file name, ":memory:" or a file: URI) through `vfs` ("" = the default),
  // creating it if `create`. Extended result codes are enabled.
  // Fails with kUnavailable (cannot open) naming the path.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path, const std::string& vfs,
                                                  bool create);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements that return no rows we need (pragmas, BEGIN, DDL).
  Status Exec(const char* sql, const char* operation);
  // A lease on the cached statement for `sql`, preparing it on first use. `sql` and `operation`
  // must have static storage duration: the cache is keyed by the pointer. One lease per
  // statement at a time.
  Result<Statement> Prepare(const char* sql, const char* operation);
  // The first column of the first row of `sql` as text ("" when there is no row).
  Result<std::string> QueryText(const char* sql, const char* operation);
  // True while a transaction is open (BEGIN without COMMIT/ROLLBACK, or not yet rolled back
  // automatically by SQLite after an I/O error).
  bool InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }
  sqlite3* handle() const { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}

  sqlite3* db_;
  std::unordered_map<const char*, sqlite3_stmt*> statements_;
};

}  // namespace souhra::sqlite
