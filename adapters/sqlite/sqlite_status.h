// Turns SQLite result codes into Souhra Statuses, in one place.
//
// Busy, locked, I/O, disk-full and cannot-open errors become kUnavailable (nothing was applied,
// the caller may retry); uniqueness violations become kConflict; anything else is kInternal,
// because it means Souhra sent SQL or data its own schema does not allow.
#pragma once

#include <sqlite3.h>

#include <string_view>

#include "engine/status.h"

namespace souhra::sqlite {

// The Status for result code `rc` of `operation` on `db` (may be null), e.g.
// "commit failed: database or disk is full". OK when rc is SQLITE_OK, SQLITE_ROW or SQLITE_DONE.
Status FromSqlite(int rc, sqlite3* db, std::string_view operation);

}  // namespace souhra::sqlite
