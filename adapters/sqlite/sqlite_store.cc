#include "adapters/sqlite/sqlite_store.h"

#include "adapters/sqlite/queries.h"
#include "adapters/sqlite/reader_pool.h"
#include "adapters/sqlite/schema.h"
#include "adapters/sqlite/write_txn.h"

namespace souhra {
namespace {

using sqlite::Connection;
using sqlite::GuardedConnection;
using sqlite::ReaderPool;

// Pages of WAL (4 KiB each) after which a commit checkpoints. Fewer, larger checkpoints write
// each hot page to the database file less often; measured in adapters/sqlite/README.md.
constexpr int kWalAutocheckpointPages = 10000;
// After a checkpoint the WAL file is truncated to this size rather than kept at its peak.
constexpr int kJournalSizeLimitBytes = 64 << 20;
constexpr int kReaderCacheMebibytes = 8;

bool IsMemory(const SqliteOptions& options) { return options.path == ":memory:"; }

// Pragmas take no parameters; every value formatted here is our own integer.
Status SetPragma(Connection& db, const std::string& pragma) {
  std::string sql = "PRAGMA " + pragma;
  return db.Exec(sql.c_str(), "configure database");
}

Status ConfigureCommon(Connection& db, const SqliteOptions& options, int cache_mebibytes) {
  SOUHRA_RETURN_IF_ERROR(SetPragma(db, "busy_timeout = " + std::to_string(options.busy_timeout_ms)));
  SOUHRA_RETURN_IF_ERROR(SetPragma(db, "cache_size = -" + std::to_string(cache_mebibytes * 1024)));
  return SetPragma(db, "temp_store = MEMORY");
}

Status ConfigureWriter(Connection& db, const SqliteOptions& options) {
  SOUHRA_RETURN_IF_ERROR(ConfigureCommon(db, options, options.cache_mebibytes));
  if (!IsMemory(options)) {
    SOUHRA_ASSIGN_OR_RETURN(std::string mode,
                            db.QueryText("PRAGMA journal_mode = WAL", "enable WAL"));
    if (mode != "wal") {
      return Unavailable("open " + options.path + " failed: WAL mode unavailable (got '" + mode + "')");
    }
  }
  SOUHRA_RETURN_IF_ERROR(SetPragma(db, "synchronous = FULL"));
  SOUHRA_RETURN_IF_ERROR(SetPragma(db, "foreign_keys = ON"));
  SOUHRA_RETURN_IF_ERROR(
      SetPragma(db, "wal_autocheckpoint = " + std::to_string(kWalAutocheckpointPages)));
  return SetPragma(db, "journal_size_limit = " + std::to_string(kJournalSizeLimitBytes));
}

Result<std::unique_ptr<Connection>> OpenReader(const SqliteOptions& options) {
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<Connection> db,
                          Connection::Open(options.path, options.vfs, /*create=*/false));
  SOUHRA_RETURN_IF_ERROR(ConfigureCommon(*db, options, kReaderCacheMebibytes));
  SOUHRA_RETURN_IF_ERROR(SetPragma(*db, "query_only = ON"));
  return db;
}

class SqliteStore final : public Store {
 public:
  SqliteStore(std::unique_ptr<GuardedConnection> writer, const SqliteOptions& options)
      : writer_(std::move(writer)),
        readers_(IsMemory(options) ? ReaderPool(writer_.get())
                                   : ReaderPool([options] { return OpenReader(options); })) {}

  Result<std::unique_ptr<WriteTxn>> BeginWrite() override {
    return sqlite::SqliteWriteTxn::Begin(writer_.get());
  }
  Result<std::optional<CaseRecord>> GetCase(CaseId id) override {
    return Read([&](Connection& db) { return sqlite::QueryCase(db, id); });
  }
  Result<std::vector<InstanceRecord>> ListInstances(CaseId case_id) override {
    return Read([&](Connection& db) { return sqlite::QueryInstances(db, case_id, false); });
  }
  Result<std::vector<EventRecord>> ListEvents(CaseId case_id) override {
    return Read([&](Connection& db) { return sqlite::QueryEvents(db, case_id); });
  }
  Result<std::vector<TaskRecord>> ListTasks(CaseId case_id) override {
    return Read([&](Connection& db) { return sqlite::QueryTasks(db, case_id); });
  }
  Result<std::vector<TimerRecord>> ListTimers(CaseId case_id) override {
    return Read([&](Connection& db) { return sqlite::QueryTimers(db, case_id); });
  }
  Result<std::vector<OutboxRecord>> ListOutbox(CaseId case_id) override {
    return Read([&](Connection& db) { return sqlite::QueryOutbox(db, case_id); });
  }
  Result<std::vector<DecisionRecord>> ListDecisions(CaseId case_id) override {
    return Read([&](Connection& db) { return sqlite::QueryDecisions(db, case_id); });
  }
  Result<std::vector<IncidentRecord>> ListIncidents(bool open_only) override {
    return Read([&](Connection& db) { return sqlite::QueryIncidents(db, open_only); });
  }
  Result<std::optional<IncidentRecord>> GetIncident(int64_t id) override {
    return Read([&](Connection& db) { return sqlite::QueryIncident(db, id); });
  }
  Result<std::vector<TimerRecord>> DueTimers(Instant now, int limit) override {
    return Read([&](Connection& db) { return sqlite::QueryDueTimers(db, now, limit); });
  }
  Result<std::optional<DefinitionSource>> GetDefinition(const std::string& hash) override {
    return Read([&](Connection& db) { return sqlite::QueryDefinition(db, hash); });
  }
  Result<std::optional<DefinitionSource>> GetActiveDefinition(const std::string& tenant,
                                                              const std::string& name) override {
    return Read([&](Connection& db) { return sqlite::QueryActiveDefinition(db, tenant, name); });
  }

 private:
  template <typename Query>
  auto Read(Query&& query) -> decltype(query(std::declval<Connection&>())) {
    Result<sqlite::ReadLease> lease = readers_.Acquire();
    if (!lease.ok()) return lease.status();
    return query(lease->conn());
  }

  std::unique_ptr<GuardedConnection> writer_;
  ReaderPool readers_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options) {
  auto writer = std::make_unique<GuardedConnection>();
  SOUHRA_ASSIGN_OR_RETURN(writer->conn, Connection::Open(options.path, options.vfs, /*create=*/true));
  SOUHRA_RETURN_IF_ERROR(ConfigureWriter(*writer->conn, options));
  SOUHRA_RETURN_IF_ERROR(sqlite::Migrate(*writer->conn, sqlite::SchemaMigrations()));
  return std::unique_ptr<Store>(new SqliteStore(std::move(writer), options));
}

}  // namespace souhra
