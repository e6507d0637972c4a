#include "adapters/sqlite/pragmas.h"

namespace souhra::sqlite {
namespace {

// Pages of WAL (4 KiB each) after which a commit checkpoints. Fewer, larger checkpoints write
// each hot page to the database file less often; measured in adapters/sqlite/README.md.
constexpr int kWalAutocheckpointPages = 10000;
// After a checkpoint the WAL file is truncated to this size rather than kept at its peak.
constexpr int kJournalSizeLimitBytes = 64 << 20;

}  // namespace

Status SetPragma(Connection& db, const std::string& pragma) {
  std::string sql = "PRAGMA " + pragma;
  return db.Exec(sql.c_str(), "configure database");
}

Status ConfigureCommon(Connection& db, const SqliteOptions& options, int cache_mebibytes) {
  SOUHRA_RETURN_IF_ERROR(
      SetPragma(db, "busy_timeout = " + std::to_string(options.busy_timeout_ms)));
  SOUHRA_RETURN_IF_ERROR(SetPragma(db, "cache_size = -" + std::to_string(cache_mebibytes * 1024)));
  return SetPragma(db, "temp_store = MEMORY");
}

Status ConfigureWriter(Connection& db, const SqliteOptions& options) {
  SOUHRA_RETURN_IF_ERROR(ConfigureCommon(db, options, options.cache_mebibytes));
  if (options.path != ":memory:") {
    SOUHRA_ASSIGN_OR_RETURN(std::string mode,
                            db.QueryText("PRAGMA journal_mode = WAL", "enable WAL"));
    if (mode != "wal") {
      return Unavailable("open " + options.path + " failed: WAL mode unavailable (got '" + mode +
                         "')");
    }
  }
  SOUHRA_RETURN_IF_ERROR(SetPragma(db, "synchronous = FULL"));
  SOUHRA_RETURN_IF_ERROR(SetPragma(db, "foreign_keys = ON"));
  SOUHRA_RETURN_IF_ERROR(
      SetPragma(db, "wal_autocheckpoint = " + std::to_string(kWalAutocheckpointPages)));
  return SetPragma(db, "journal_size_limit = " + std::to_string(kJournalSizeLimitBytes));
}

}  // namespace souhra::sqlite
