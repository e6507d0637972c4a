#include "adapters/sqlite/backup.h"

#include <sqlite3.h>

#include <filesystem>
#include <memory>

#include "adapters/sqlite/connection.h"
#include "adapters/sqlite/schema.h"
#include "adapters/sqlite/sqlite_status.h"
#include "adapters/sqlite/sqlite_store.h"

namespace souhra {
namespace {

namespace fs = std::filesystem;
using sqlite::Connection;

// A database file with its WAL and shared-memory companions.
constexpr const char* kCompanions[] = {"", "-wal", "-shm", "-journal"};

// How long the backup waits for its read lock on the live database.
constexpr int kBusyTimeoutMs = 10'000;

bool DatabaseExists(const std::string& path) {
  std::error_code error;
  return fs::exists(path, error) || fs::exists(path + "-wal", error);
}

void RemoveDatabaseFiles(const std::string& path) {
  std::error_code error;
  for (const char* suffix : kCompanions) fs::remove(path + suffix, error);
}

// kNotFound, in Czech, when the folder that is to hold `path` does not exist.
Status FolderExists(const std::string& path) {
  const fs::path folder = fs::path(path).parent_path();
  std::error_code error;
  if (folder.empty() || fs::is_directory(folder, error)) return Status::Ok();
  return NotFound("Složka " + folder.string() + " neexistuje. Vytvořte ji (mkdir -p " +
                  folder.string() + "), nebo zvolte jinou cestu.");
}

Result<int64_t> Count(Connection& db, const char* sql) {
  SOUHRA_ASSIGN_OR_RETURN(std::string text, db.QueryText(sql, "count rows"));
  return std::stoll(text.empty() ? "0" : text);
}

// Whether the file at `path` is a whole SQLite database whose schema this Souhra knows, and what
// it holds. kInvalidArgument, in Czech, when it is not.
Result<BackupSummary> Inspect(const std::string& path, const std::string& shown) {
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<Connection> db, Connection::Open(path, "", false));
  Result<std::string> check = db->QueryText("PRAGMA integrity_check", "integrity_check");
  if (!check.ok() || *check != "ok") {
    return InvalidArgument("Soubor " + shown + " není neporušená databáze Souhry (" +
                           (check.ok() ? *check : check.status().message()) +
                           "). Použijte jinou zálohu.");
  }
  BackupSummary summary;
  SOUHRA_ASSIGN_OR_RETURN(std::string version, db->QueryText("PRAGMA user_version", "version"));
  summary.schema_version = std::stoi(version.empty() ? "0" : version);
  const int known = sqlite::SchemaMigrations().back().version;
  if (summary.schema_version > known) {
    return InvalidArgument("Soubor " + shown + " má schéma verze " + version +
                           ", tato Souhra zná nejvýš verzi " + std::to_string(known) +
                           ". Obnovte ho novější Souhrou.");
  }
  if (summary.schema_version == 0) {
    return InvalidArgument("Soubor " + shown + " je databáze SQLite, ale ne databáze Souhry.");
  }
  SOUHRA_ASSIGN_OR_RETURN(summary.tenants, Count(*db, "SELECT count(*) FROM tenants"));
  SOUHRA_ASSIGN_OR_RETURN(summary.cases, Count(*db, "SELECT count(*) FROM cases"));
  SOUHRA_ASSIGN_OR_RETURN(summary.events, Count(*db, "SELECT count(*) FROM events"));
  db.reset();
  std::error_code error;
  summary.bytes = static_cast<int64_t>(fs::file_size(path, error));
  return summary;
}

// All pages of `source` into `target` in one backup step: one read transaction, one snapshot.
Status CopyPages(Connection& source, Connection& target) {
  // A WAL reader is rarely refused, but it can be while the writer recovers or restarts the WAL.
  sqlite3_busy_timeout(source.handle(), kBusyTimeoutMs);
  sqlite3_backup* backup = sqlite3_backup_init(target.handle(), "main", source.handle(), "main");
  if (backup == nullptr) {
    return sqlite::FromSqlite(sqlite3_errcode(target.handle()), target.handle(),
                              "start the backup");
  }
  const int stepped = sqlite3_backup_step(backup, -1);
  const int finished = sqlite3_backup_finish(backup);
  if (stepped != SQLITE_DONE) {
    return Unavailable(std::string("kopie stránek databáze selhala: ") + sqlite3_errstr(stepped) +
                       ". Zkuste to znovu.");
  }
  if (finished != SQLITE_OK)
    return sqlite::FromSqlite(finished, target.handle(), "finish the backup");
  return Status::Ok();
}

Status RenameInto(const std::string& from, const std::string& to) {
  std::error_code error;
  fs::rename(from, to, error);
  if (error) {
    RemoveDatabaseFiles(from);
    return Unavailable("Nelze přejmenovat " + from + " na " + to + ": " + error.message());
  }
  return Status::Ok();
}

}  // namespace

Result<BackupSummary> BackUpDatabase(const std::string& db_path, const std::string& to) {
  if (!fs::exists(db_path)) {
    return NotFound("Databáze " + db_path + " neexistuje. Zadejte volbou --db cestu k databázi.");
  }
  if (DatabaseExists(to)) {
    return Conflict("Soubor " + to + " už existuje. Zvolte pro zálohu nové jméno (třeba s datem).");
  }
  SOUHRA_RETURN_IF_ERROR(FolderExists(to));
  const std::string partial = to + ".partial";
  RemoveDatabaseFiles(partial);
  {
    SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<Connection> source,
                            Connection::Open(db_path, "", false));
    SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<Connection> target,
                            Connection::Open(partial, "", true));
    if (Status copied = CopyPages(*source, *target); !copied.ok()) {
      target.reset();
      RemoveDatabaseFiles(partial);
      return copied;
    }
  }
  Result<BackupSummary> summary = Inspect(partial, to);
  if (!summary.ok()) {
    RemoveDatabaseFiles(partial);
    return Internal("Záloha neprošla kontrolou: " + summary.status().message());
  }
  SOUHRA_RETURN_IF_ERROR(RenameInto(partial, to));
  return summary;
}

Result<BackupSummary> RestoreDatabase(const std::string& from, const std::string& db_path,
                                      bool overwrite) {
  if (!fs::exists(from)) return NotFound("Záloha " + from + " neexistuje.");
  if (DatabaseExists(db_path) && !overwrite) {
    return Conflict("Databáze " + db_path +
                    " už existuje a obnova by ji přepsala. Zvolte jinou cestu, nebo zastavte "
                    "souhra serve a přidejte --force.");
  }
  SOUHRA_RETURN_IF_ERROR(FolderExists(db_path));
  // Checked on a copy: opening the backup itself could leave WAL files beside it.
  const std::string restoring = db_path + ".restoring";
  RemoveDatabaseFiles(restoring);
  std::error_code error;
  fs::copy_file(from, restoring, fs::copy_options::overwrite_existing, error);
  if (error) {
    return Unavailable("Zálohu " + from + " nelze zkopírovat do " + restoring + ": " +
                       error.message());
  }
  if (Result<BackupSummary> checked = Inspect(restoring, from); !checked.ok()) {
    RemoveDatabaseFiles(restoring);
    return checked.status();
  }
  RemoveDatabaseFiles(db_path);
  SOUHRA_RETURN_IF_ERROR(RenameInto(restoring, db_path));
  {
    SqliteOptions options;
    options.path = db_path;
    // Opening migrates (sqlite_store.h).
    SOUHRA_ASSIGN_OR_RETURN(SqliteDatabase migrated, OpenSqliteDatabase(options));
  }
  return Inspect(db_path, db_path);
}

}  // namespace souhra
