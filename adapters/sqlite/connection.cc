#include "adapters/sqlite/connection.h"

#include "adapters/sqlite/sqlite_status.h"

namespace souhra::sqlite {

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path,
                                                     const std::string& vfs, bool create) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  if (create) flags |= SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, vfs.empty() ? nullptr : vfs.c_str());
  if (rc != SQLITE_OK) {
    Status status = FromSqlite(rc, db, "open " + path);
    sqlite3_close(db);  // a handle is returned even on failure, except when out of memory
    return status;
  }
  sqlite3_extended_result_codes(db, 1);
  return std::unique_ptr<Connection>(new Connection(db));
}

Connection::~Connection() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Status Connection::Exec(const char* sql, const char* operation) {
  return FromSqlite(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr), db_, operation);
}

Result<Statement> Connection::Prepare(const char* sql, const char* operation) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return FromSqlite(rc, db_, std::string("prepare ") + operation);
    it = statements_.emplace(sql, stmt).first;
  }
  return Statement(it->second, operation);
}

Result<std::string> Connection::QueryText(const char* sql, const char* operation) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt, Prepare(sql, operation));
  SOUHRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::string();
  return stmt.Text(0);
}

}  // namespace souhra::sqlite
