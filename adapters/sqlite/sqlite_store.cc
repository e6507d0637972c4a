#include "adapters/sqlite/sqlite_store.h"

#include "adapters/sqlite/access_store.h"
#include "adapters/sqlite/activation_requests.h"
#include "adapters/sqlite/checkpointer.h"
#include "adapters/sqlite/directory_store.h"
#include "adapters/sqlite/paused_deadlines.h"
#include "adapters/sqlite/pragmas.h"
#include "adapters/sqlite/queries.h"
#include "adapters/sqlite/reader_pool.h"
#include "adapters/sqlite/schema.h"
#include "adapters/sqlite/write_txn.h"

namespace souhra {
namespace {

using sqlite::ConfigureWriter;
using sqlite::Connection;
using sqlite::GuardedConnection;
using sqlite::ReaderPool;

bool IsMemory(const SqliteOptions& options) { return options.path == ":memory:"; }

class SqliteStore final : public Store {
 public:
  SqliteStore(std::shared_ptr<GuardedConnection> writer,
              std::unique_ptr<sqlite::Checkpointer> checkpointer, const SqliteOptions& options)
      : writer_(std::move(writer)),
        checkpointer_(std::move(checkpointer)),
        readers_(sqlite::ReadersFor(writer_.get(), options)) {}

  Result<std::unique_ptr<WriteTxn>> BeginWrite() override {
    return sqlite::SqliteWriteTxn::Begin(writer_.get());
  }
  Result<std::optional<CaseRecord>> GetCase(CaseId id) override {
    return Read([&](Connection& db) { return sqlite::QueryCase(db, id); });
  }
  Result<std::vector<InstanceRecord>> ListInstances(CaseId case_id) override {
    return Read([&](Connection& db) { return sqlite::QueryInstances(db, case_id, false); });
  }
  Result<std::vector<EventRecord>> ListEventsAfter(CaseId case_id, int64_t after_seq) override {
    return Read([&](Connection& db) { return sqlite::QueryEvents(db, case_id, after_seq); });
  }
  Result<std::vector<TaskRecord>> ListTasks(CaseId case_id) override {
    return Read([&](Connection& db) { return sqlite::QueryTasks(db, case_id); });
  }
  Result<std::vector<TaskRecord>> ListTasksForUser(const UserTaskQuery& query) override {
    return Read([&](Connection& db) { return sqlite::QueryTasksForUser(db, query); });
  }
  Result<std::vector<TimerRecord>> ListTimers(CaseId case_id) override {
    return Read([&](Connection& db) { return sqlite::QueryTimers(db, case_id); });
  }
  Result<std::vector<OutboxRecord>> ListOutboxAfter(CaseId case_id, int64_t after_id) override {
    return Read([&](Connection& db) { return sqlite::QueryOutbox(db, case_id, after_id); });
  }
  Result<std::vector<OutboxRecord>> DueOutbox(Instant now, int limit) override {
    return Read([&](Connection& db) { return sqlite::QueryDueOutbox(db, now, limit); });
  }
  Result<std::vector<OutboxRecord>> ListFailedOutbox() override {
    return Read([&](Connection& db) { return sqlite::QueryFailedOutbox(db); });
  }
  Result<std::vector<DeliveryAttempt>> ListDeliveryAttempts(int64_t outbox_id) override {
    return Read([&](Connection& db) { return sqlite::QueryDeliveryAttempts(db, outbox_id); });
  }
  Result<std::vector<InboxMessage>> ListInbox(const std::string& tenant, const std::string& login,
                                              int limit) override {
    return Read([&](Connection& db) { return sqlite::QueryInbox(db, tenant, login, limit); });
  }
  Result<int64_t> CountUnreadInbox(const std::string& tenant, const std::string& login) override {
    return Read([&](Connection& db) { return sqlite::QueryUnreadInboxCount(db, tenant, login); });
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
  Result<std::vector<ActivationRequest>> ListActivationRequests(const std::string& tenant,
                                                                bool pending_only) override {
    return Read(
        [&](Connection& db) { return sqlite::QueryActivationRequests(db, tenant, pending_only); });
  }
  Result<std::optional<ActivationRequest>> GetActivationRequest(int64_t id) override {
    return Read([&](Connection& db) { return sqlite::QueryActivationRequest(db, id); });
  }
  Result<std::optional<TaskRecord>> GetTask(int64_t task_id) override {
    return Read([&](Connection& db) { return sqlite::QueryTaskById(db, task_id); });
  }
  Result<std::vector<CaseRecord>> ListCases(const CaseQuery& query) override {
    return Read([&](Connection& db) { return sqlite::QueryCases(db, query); });
  }
  Result<std::vector<CaseInstance>> ListInstancesInStates(
      const InstanceStateQuery& query) override {
    return Read([&](Connection& db) { return sqlite::QueryInstancesInStates(db, query); });
  }
  Result<std::vector<DefinitionSource>> ListActiveDefinitions(const std::string& tenant) override {
    return Read([&](Connection& db) { return sqlite::QueryActiveDefinitions(db, tenant); });
  }
  Result<std::vector<TimerRecord>> DueTimers(Instant now, int limit) override {
    return Read([&](Connection& db) { return sqlite::QueryDueTimers(db, now, limit); });
  }
  Result<std::optional<DefinitionSource>> GetActiveDefinition(const std::string& tenant,
                                                              const std::string& name) override {
    return Read([&](Connection& db) { return sqlite::QueryActiveDefinition(db, tenant, name); });
  }
  Result<std::vector<DefinitionSource>> ListDefinitionVersions(const std::string& tenant,
                                                               const std::string& name) override {
    return Read([&](Connection& db) { return sqlite::QueryDefinitionVersions(db, tenant, name); });
  }
  Result<std::vector<VersionStateCount>> CountActiveInstances(const std::string& tenant,
                                                              const std::string& name) override {
    return Read(
        [&](Connection& db) { return sqlite::QueryActiveInstanceCounts(db, tenant, name); });
  }

 private:
  template <typename Query>
  auto Read(Query&& query) -> decltype(query(std::declval<Connection&>())) {
    Result<sqlite::ReadLease> lease = readers_->Acquire();
    if (!lease.ok()) return lease.status();
    return query(lease->conn());
  }

  std::shared_ptr<GuardedConnection> writer_;  // shared with the directory and access store
  std::unique_ptr<sqlite::Checkpointer> checkpointer_;  // null for ":memory:"
  std::unique_ptr<ReaderPool> readers_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options) {
  SOUHRA_ASSIGN_OR_RETURN(SqliteDatabase database, OpenSqliteDatabase(options));
  return std::move(database.store);
}

Result<SqliteDatabase> OpenSqliteDatabase(const SqliteOptions& options) {
  auto writer = std::make_shared<GuardedConnection>();
  SOUHRA_ASSIGN_OR_RETURN(writer->conn,
                          Connection::Open(options.path, options.vfs, /*create=*/true));
  SOUHRA_RETURN_IF_ERROR(ConfigureWriter(*writer->conn, options));
  SOUHRA_RETURN_IF_ERROR(sqlite::Migrate(*writer->conn, sqlite::SchemaMigrations()));
  std::unique_ptr<sqlite::Checkpointer> checkpointer;
  if (!IsMemory(options)) {
    SOUHRA_ASSIGN_OR_RETURN(checkpointer, sqlite::StartCheckpointer(*writer->conn, options));
  }
  SqliteDatabase database;
  database.directory = sqlite::DirectoryOn(writer, sqlite::ReadersFor(writer.get(), options));
  database.access = sqlite::AccessStoreOn(writer, sqlite::ReadersFor(writer.get(), options));
  database.store =
      std::unique_ptr<Store>(new SqliteStore(std::move(writer), std::move(checkpointer), options));
  return database;
}

}  // namespace souhra
