#include "adapters/sqlite/sqlite_status.h"

#include <string>

namespace souhra::sqlite {

Status FromSqlite(int rc, sqlite3* db, std::string_view operation) {
  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return Status::Ok();
  // The connection's message is more specific (it names the constraint or the trigger's text),
  // but only when it still describes this error; otherwise fall back to the code's text.
  const char* detail = (db != nullptr && sqlite3_extended_errcode(db) == rc) ? sqlite3_errmsg(db)
                                                                             : sqlite3_errstr(rc);
  std::string message = std::string(operation) + " failed: " + detail;
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_NOMEM:
    case SQLITE_PROTOCOL:
      return Unavailable(std::move(message));
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return Conflict(std::move(message));
      }
      return Internal(std::move(message));
    default:
      return Internal(std::move(message));
  }
}

}  // namespace souhra::sqlite
