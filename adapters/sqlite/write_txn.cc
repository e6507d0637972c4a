#include "adapters/sqlite/write_txn.h"

#include "adapters/sqlite/activation_requests.h"
#include "adapters/sqlite/audit_rows.h"
#include "adapters/sqlite/mutations.h"
#include "adapters/sqlite/paused_deadlines.h"
#include "adapters/sqlite/queries.h"

namespace souhra::sqlite {

Status RunOutsideTransaction(GuardedConnection& writer,
                             const std::function<Status(Connection&)>& write) {
  std::unique_lock<std::mutex> lock(writer.mu);
  ++writer.waiting_writes;
  writer.txn_ended.wait(lock, [&writer] { return !writer.conn->InTransaction(); });
  Status status = write(*writer.conn);
  --writer.waiting_writes;
  writer.writes_done.notify_all();
  return status;
}

Result<std::unique_ptr<WriteTxn>> SqliteWriteTxn::Begin(GuardedConnection* writer) {
  std::unique_lock<std::mutex> lock(writer->mu);
  // A sign-in waiting for the last transaction to end goes first: it is one small statement.
  writer->writes_done.wait(lock, [writer] { return writer->waiting_writes == 0; });
  if (writer->conn->InTransaction()) {
    return Internal("begin write failed: a write transaction is already open");
  }
  SOUHRA_RETURN_IF_ERROR(writer->conn->Run("BEGIN IMMEDIATE", "begin write"));
  return std::unique_ptr<WriteTxn>(new SqliteWriteTxn(writer));
}

SqliteWriteTxn::~SqliteWriteTxn() {
  if (ended_) return;
  std::lock_guard<std::mutex> lock(writer_->mu);
  // Nothing to report to: a failed rollback leaves the transaction to SQLite, which
  // discards it when the next BEGIN or the connection's close finds it unfinished.
  if (writer_->conn->InTransaction()) (void)writer_->conn->Exec("ROLLBACK", "roll back");
  writer_->txn_ended.notify_all();
}

template <typename Op>
auto SqliteWriteTxn::Run(const char* what, Op&& op) -> decltype(op(std::declval<Connection&>())) {
  std::lock_guard<std::mutex> lock(writer_->mu);
  if (ended_ || !writer_->conn->InTransaction()) {
    return Unavailable(std::string(what) +
                       " failed: the write transaction was ended by an earlier error");
  }
  return op(*writer_->conn);
}

Status SqliteWriteTxn::Savepoint() {
  return Run("savepoint", [](Connection& db) { return db.Run("SAVEPOINT ev", "savepoint"); });
}

Status SqliteWriteTxn::ReleaseSavepoint() {
  return Run("release savepoint",
             [](Connection& db) { return db.Run("RELEASE ev", "release savepoint"); });
}

Status SqliteWriteTxn::RollbackToSavepoint() {
  // ROLLBACK TO keeps the savepoint open; release it so the next event starts a fresh one.
  return Run("roll back to savepoint", [](Connection& db) {
    SOUHRA_RETURN_IF_ERROR(db.Run("ROLLBACK TO ev", "roll back to savepoint"));
    return db.Run("RELEASE ev", "release savepoint");
  });
}

Status SqliteWriteTxn::Commit() {
  std::lock_guard<std::mutex> lock(writer_->mu);
  if (ended_ || !writer_->conn->InTransaction()) {
    ended_ = true;
    return Unavailable("commit failed: the write transaction was ended by an earlier error");
  }
  ended_ = true;
  Status status = writer_->conn->Run("COMMIT", "commit");
  // SQLite keeps the transaction open after some failed commits (busy) and not after others;
  // the contract says a commit ends it either way.
  if (!status.ok() && writer_->conn->InTransaction()) {
    (void)writer_->conn->Exec("ROLLBACK", "roll back after failed commit");
  }
  writer_->txn_ended.notify_all();
  return status;
}

Result<std::optional<EventRecord>> SqliteWriteTxn::FindEventByKey(CaseId case_id,
                                                                  const std::string& key) {
  return Run("find event by key",
             [&](Connection& db) { return QueryEventByKey(db, case_id, key); });
}

Result<std::optional<CaseRecord>> SqliteWriteTxn::FindCaseByCode(const std::string& tenant,
                                                                 const std::string& code) {
  return Run("find case by code",
             [&](Connection& db) { return QueryCaseByCode(db, tenant, code); });
}

Result<std::optional<CaseRecord>> SqliteWriteTxn::LoadCase(CaseId id) {
  return Run("load case", [&](Connection& db) { return QueryCase(db, id); });
}

Result<std::vector<InstanceRecord>> SqliteWriteTxn::LoadActiveInstances(CaseId case_id) {
  return Run("load instances",
             [&](Connection& db) { return QueryInstances(db, case_id, /*active_only=*/true); });
}

Result<std::optional<TaskRecord>> SqliteWriteTxn::FindOpenTask(CaseId case_id,
                                                               const std::string& key) {
  return Run("find open task", [&](Connection& db) { return QueryOpenTask(db, case_id, key); });
}

Result<std::optional<TimerRecord>> SqliteWriteTxn::FindTimer(InstanceId instance_id,
                                                             const std::string& key) {
  return Run("find timer", [&](Connection& db) { return QueryTimer(db, instance_id, key); });
}

Result<std::vector<EventRecord>> SqliteWriteTxn::LoadEvents(CaseId case_id) {
  return Run("load events", [&](Connection& db) { return QueryEvents(db, case_id, 0); });
}

Result<std::optional<PausedDeadline>> SqliteWriteTxn::FindPausedDeadline(InstanceId instance_id,
                                                                         const std::string& kind,
                                                                         const std::string& key) {
  return Run("find paused deadline",
             [&](Connection& db) { return QueryPausedDeadline(db, instance_id, kind, key); });
}

Result<CaseId> SqliteWriteTxn::InsertCase(const CaseRecord& record) {
  return Run("insert case", [&](Connection& db) { return WriteNewCase(db, record); });
}

Status SqliteWriteTxn::UpdateCase(const CaseRecord& record) {
  return Run("update case", [&](Connection& db) { return WriteCase(db, record); });
}

Result<InstanceId> SqliteWriteTxn::InsertInstance(const InstanceRecord& record) {
  return Run("insert instance", [&](Connection& db) { return WriteNewInstance(db, record); });
}

Status SqliteWriteTxn::UpdateInstance(const InstanceRecord& record) {
  return Run("update instance", [&](Connection& db) { return WriteInstance(db, record); });
}

Status SqliteWriteTxn::PutTimer(const TimerRecord& record) {
  return Run("put timer", [&](Connection& db) { return WriteTimer(db, record); });
}

Status SqliteWriteTxn::DeleteTimer(InstanceId instance_id, const std::string& key) {
  return Run("delete timer", [&](Connection& db) { return EraseTimer(db, instance_id, key); });
}

Result<int64_t> SqliteWriteTxn::InsertTask(const TaskRecord& record) {
  return Run("insert task", [&](Connection& db) { return WriteNewTask(db, record); });
}

Status SqliteWriteTxn::CloseTask(int64_t task_id, TaskStatus status, const Json& result) {
  return Run("close task",
             [&](Connection& db) { return WriteTaskClosed(db, task_id, status, result); });
}

Status SqliteWriteTxn::ReassignTask(int64_t task_id, const std::string& assignee) {
  return Run("reassign task",
             [&](Connection& db) { return WriteTaskAssignee(db, task_id, assignee); });
}

Status SqliteWriteTxn::SetTaskDue(int64_t task_id, std::optional<Instant> due) {
  return Run("set task due", [&](Connection& db) { return WriteTaskDue(db, task_id, due); });
}

Status SqliteWriteTxn::PutPausedDeadline(const PausedDeadline& record) {
  return Run("pause deadline", [&](Connection& db) { return WritePausedDeadline(db, record); });
}

Status SqliteWriteTxn::DeletePausedDeadline(InstanceId instance_id, const std::string& kind,
                                            const std::string& key) {
  return Run("delete paused deadline",
             [&](Connection& db) { return ErasePausedDeadline(db, instance_id, kind, key); });
}

Status SqliteWriteTxn::CancelScoped(InstanceId instance_id, const std::string& state) {
  return Run("cancel scoped", [&](Connection& db) -> Status {
    SOUHRA_RETURN_IF_ERROR(CancelScopedRows(db, instance_id, state));
    return CancelScopedPaused(db, instance_id, state);
  });
}

Status SqliteWriteTxn::InsertOutbox(const OutboxRecord& record) {
  return Run("insert outbox", [&](Connection& db) { return WriteNewOutbox(db, record); });
}

Status SqliteWriteTxn::RecordDeliveryAttempt(const DeliveryAttempt& attempt,
                                             const OutboxRecord& after) {
  return Run("record delivery attempt",
             [&](Connection& db) { return WriteDeliveryAttempt(db, attempt, after); });
}

Status SqliteWriteTxn::RequeueFailedOutbox(int64_t outbox_id, Instant now) {
  return Run("requeue outbox message",
             [&](Connection& db) { return WriteOutboxRequeued(db, outbox_id, now); });
}

Status SqliteWriteTxn::InsertInboxMessage(const InboxMessage& message) {
  return Run("insert inbox message",
             [&](Connection& db) { return WriteNewInboxMessage(db, message); });
}

Status SqliteWriteTxn::MarkInboxRead(const std::string& tenant, const std::string& login,
                                     int64_t id, Instant at) {
  return Run("mark inbox message read",
             [&](Connection& db) { return WriteInboxRead(db, tenant, login, id, at); });
}

Status SqliteWriteTxn::InsertDecision(const DecisionRecord& record) {
  return Run("insert decision", [&](Connection& db) { return WriteNewDecision(db, record); });
}

Result<int64_t> SqliteWriteTxn::AppendEvent(const EventRecord& record) {
  return Run("append event", [&](Connection& db) { return WriteNewEvent(db, record); });
}

Result<int64_t> SqliteWriteTxn::InsertIncident(const IncidentRecord& record) {
  return Run("insert incident", [&](Connection& db) { return WriteNewIncident(db, record); });
}

Result<int64_t> SqliteWriteTxn::AppendAudit(const AuditRecord& record) {
  return Run("append audit", [&](Connection& db) { return AppendChainedAudit(db, record); });
}

Status SqliteWriteTxn::UpdateIncident(int64_t id, IncidentStatus status, int attempts,
                                      const std::string& error) {
  return Run("update incident",
             [&](Connection& db) { return WriteIncident(db, id, status, attempts, error); });
}

Result<int64_t> SqliteWriteTxn::PutActivationRequest(const ActivationRequest& request) {
  return Run("put activation request",
             [&](Connection& db) { return WriteActivationRequest(db, request); });
}

Result<std::optional<ActivationRequest>> SqliteWriteTxn::FindActivationRequest(int64_t id) {
  return Run("find activation request",
             [&](Connection& db) { return QueryActivationRequest(db, id); });
}

Result<std::optional<ActivationRequest>> SqliteWriteTxn::FindPendingActivation(
    const std::string& tenant, const std::string& name, const std::string& version) {
  return Run("find pending activation",
             [&](Connection& db) { return QueryPendingActivation(db, tenant, name, version); });
}

Status SqliteWriteTxn::PutDefinition(const DefinitionSource& source) {
  return Run("put definition", [&](Connection& db) { return WriteDefinition(db, source); });
}

Result<std::vector<DefinitionSource>> SqliteWriteTxn::FindDefinitionVersions(
    const std::string& tenant, const std::string& name) {
  return Run("find definition versions",
             [&](Connection& db) { return QueryDefinitionVersions(db, tenant, name); });
}

Result<std::optional<DefinitionSource>> SqliteWriteTxn::FindDefinition(const std::string& hash) {
  return Run("find definition", [&](Connection& db) { return QueryDefinition(db, hash); });
}

Result<std::optional<DefinitionSource>> SqliteWriteTxn::FindActiveDefinition(
    const std::string& tenant, const std::string& name) {
  return Run("find active definition",
             [&](Connection& db) { return QueryActiveDefinition(db, tenant, name); });
}

}  // namespace souhra::sqlite
