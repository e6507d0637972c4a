// Copies of a Souhra database and putting one back.
//
// A backup is taken with SQLite's online backup API from its own connection, in one step: it
// reads one snapshot of the database, so it is consistent while `souhra serve` keeps committing
// (WAL: the writer is not blocked, and what it commits after the snapshot is not in the copy).
// The copy is written beside its target, checked with PRAGMA integrity_check and only then
// renamed into place, so a file at the target is always a whole, checked copy.
//
// A restore checks the backup the same way (integrity, a schema this Souhra knows) on a copy
// beside the target, puts it in place and runs the migrations (schema.h), so an older backup is
// brought up to date. The server must not be running on the target.
#pragma once

#include <cstdint>
#include <string>

#include "engine/status.h"

namespace souhra {

// What a database copy holds.
struct BackupSummary {
  int64_t bytes = 0;       // the file's size
  int schema_version = 0;  // PRAGMA user_version
  int64_t tenants = 0;
  int64_t cases = 0;
  int64_t events = 0;
};

// Copies the database at `db_path` into the new file `to`. kNotFound when there is no database
// at `db_path` or no folder for `to`; kConflict when `to` exists (nothing is written); kUnavailable
// on I/O or busy errors; kInternal when the copy fails integrity_check (it is removed). Messages
// are Czech and say what to do.
Result<BackupSummary> BackUpDatabase(const std::string& db_path, const std::string& to);

// Puts the backup `from` at `db_path` and migrates it. kConflict when a database is already at
// `db_path` and not `overwrite`; kInvalidArgument when `from` is not a sound Souhra database
// (integrity_check fails, it is not SQLite at all, or its schema is newer than this Souhra
// knows); kNotFound when `from` or the folder for `db_path` does not exist; kUnavailable on I/O
// errors. On any refusal `db_path` is left as it was. The summary is of the restored, migrated
// database.
Result<BackupSummary> RestoreDatabase(const std::string& from, const std::string& db_path,
                                      bool overwrite);

}  // namespace souhra
