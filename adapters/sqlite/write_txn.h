// The SQLite WriteTxn: one BEGIN IMMEDIATE transaction on the writer connection.
//
// Begin() takes SQLite's write lock up front, so a busy database is reported when the
// transaction starts rather than halfway through it. Each event runs inside SAVEPOINT ev;
// Commit() is COMMIT with synchronous=FULL, so an OK commit is on disk. After an I/O error
// SQLite may already have rolled the transaction back; every later call then fails with
// kUnavailable instead of silently writing outside a transaction. Destroying the object without
// a successful Commit() rolls back.
//
// Used by one thread; the writer connection's mutex is taken per call, so that with ":memory:"
// queries from other threads can interleave with the transaction's calls.
// A commit that fails with an I/O error has an unknown outcome after a crash (SQLite may find
// the transaction's WAL frames complete on recovery); the engine's idempotency keys make the
// retry safe.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "adapters/sqlite/reader_pool.h"
#include "engine/write_txn.h"

namespace souhra::sqlite {

class SqliteWriteTxn final : public WriteTxn {
 public:
  // Starts the transaction on `writer`, which must outlive the returned object. kUnavailable if
  // the database is busy; kInternal if a transaction is already open on it.
  static Result<std::unique_ptr<WriteTxn>> Begin(GuardedConnection* writer);
  ~SqliteWriteTxn() override;

  Status Savepoint() override;
  Status ReleaseSavepoint() override;
  Status RollbackToSavepoint() override;
  Status Commit() override;

  Result<std::optional<EventRecord>> FindEventByKey(CaseId case_id,
                                                    const std::string& idempotency_key) override;
  Result<std::optional<CaseRecord>> LoadCase(CaseId id) override;
  Result<std::optional<CaseRecord>> FindCaseByCode(const std::string& tenant,
                                                   const std::string& code) override;
  Result<std::vector<InstanceRecord>> LoadActiveInstances(CaseId case_id) override;
  Result<std::optional<TaskRecord>> FindOpenTask(CaseId case_id, const std::string& key) override;
  Result<std::optional<TimerRecord>> FindTimer(InstanceId instance_id,
                                               const std::string& key) override;
  Result<std::vector<EventRecord>> LoadEvents(CaseId case_id) override;
  Result<std::optional<PausedDeadline>> FindPausedDeadline(InstanceId instance_id,
                                                           const std::string& kind,
                                                           const std::string& key) override;

  Result<CaseId> InsertCase(const CaseRecord& record) override;
  Status UpdateCase(const CaseRecord& record) override;
  Result<InstanceId> InsertInstance(const InstanceRecord& record) override;
  Status UpdateInstance(const InstanceRecord& record) override;
  Status PutTimer(const TimerRecord& record) override;
  Status DeleteTimer(InstanceId instance_id, const std::string& key) override;
  Result<int64_t> InsertTask(const TaskRecord& record) override;
  Status CloseTask(int64_t task_id, TaskStatus status, const Json& result) override;
  Status ReassignTask(int64_t task_id, const std::string& assignee) override;
  Status SetTaskDue(int64_t task_id, std::optional<Instant> due) override;
  Status PutPausedDeadline(const PausedDeadline& record) override;
  Status DeletePausedDeadline(InstanceId instance_id, const std::string& kind,
                              const std::string& key) override;
  Status CancelScoped(InstanceId instance_id, const std::string& state) override;
  Status InsertOutbox(const OutboxRecord& record) override;
  Status RecordDeliveryAttempt(const DeliveryAttempt& attempt, const OutboxRecord& after) override;
  Status RequeueFailedOutbox(int64_t outbox_id, Instant now) override;
  Status InsertInboxMessage(const InboxMessage& message) override;
  Status MarkInboxRead(const std::string& tenant, const std::string& login, int64_t id,
                       Instant at) override;
  Status InsertDecision(const DecisionRecord& record) override;
  Result<int64_t> AppendEvent(const EventRecord& record) override;
  Result<int64_t> InsertIncident(const IncidentRecord& record) override;
  Result<int64_t> AppendAudit(const AuditRecord& record) override;
  Status UpdateIncident(int64_t id, IncidentStatus status, int attempts,
                        const std::string& error) override;
  Status PutDefinition(const DefinitionSource& source) override;
  Result<std::vector<DefinitionSource>> FindDefinitionVersions(const std::string& tenant,
                                                               const std::string& name) override;
  Result<std::optional<DefinitionSource>> FindDefinition(const std::string& content_hash) override;
  Result<std::optional<DefinitionSource>> FindActiveDefinition(const std::string& tenant,
                                                               const std::string& name) override;
  Result<int64_t> PutActivationRequest(const ActivationRequest& request) override;
  Result<std::optional<ActivationRequest>> FindActivationRequest(int64_t id) override;
  Result<std::optional<ActivationRequest>> FindPendingActivation(
      const std::string& tenant, const std::string& name, const std::string& version) override;

 private:
  explicit SqliteWriteTxn(GuardedConnection* writer) : writer_(writer) {}

  // Runs `op` on the writer connection if the transaction is still open.
  template <typename Op>
  auto Run(const char* what, Op&& op) -> decltype(op(std::declval<Connection&>()));

  GuardedConnection* writer_;
  bool ended_ = false;
};

// Runs `write` on the writer connection as a transaction of its own (autocommit) once no
// WriteTxn is open, so that it never joins the engine's transaction; the next WriteTxn begins
// after it. For the directory's and the access store's writes, which share the connection.
Status RunOutsideTransaction(GuardedConnection& writer,
                             const std::function<Status(Connection&)>& write);

}  // namespace souhra::sqlite
