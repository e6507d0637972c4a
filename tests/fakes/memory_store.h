// An in-memory Store (engine/store.h) for the engine's unit tests: every role and the write
// transaction, with the same contracts as the SQLite store (tests/contracts/ proves it), and no
// file.
//
// The committed state is a set of plain tables. BeginWrite hands the writer a copy; Savepoint
// keeps another copy to roll back to; Commit swaps the copy in, and a transaction destroyed
// without Commit is simply dropped. Queries, from any thread, read the committed tables under a
// mutex, so they never see an open transaction's writes. Nothing is durable, and copying the
// tables per transaction makes it for small test data, not for benchmarks.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "engine/store.h"

namespace souhra::testing {

class MemoryStore final : public Store {
 public:
  MemoryStore();
  ~MemoryStore() override;

  // kInternal if a write transaction is already open (as with SQLite's one writer connection).
  Result<std::unique_ptr<WriteTxn>> BeginWrite() override;

  Result<std::vector<TimerRecord>> DueTimers(Instant now, int limit) override;
  Result<std::vector<OutboxRecord>> DueOutbox(Instant now, int limit) override;

  Result<std::optional<CaseRecord>> GetCase(CaseId id) override;
  Result<std::vector<InstanceRecord>> ListInstances(CaseId case_id) override;
  Result<std::vector<EventRecord>> ListEventsAfter(CaseId case_id, int64_t after_seq) override;
  Result<std::vector<TaskRecord>> ListTasks(CaseId case_id) override;
  Result<std::optional<TaskRecord>> GetTask(int64_t task_id) override;
  Result<std::vector<TimerRecord>> ListTimers(CaseId case_id) override;
  Result<std::vector<OutboxRecord>> ListOutboxAfter(CaseId case_id, int64_t after_id) override;
  Result<std::vector<DecisionRecord>> ListDecisions(CaseId case_id) override;

  Result<std::vector<TaskRecord>> ListTasksForUser(const UserTaskQuery& query) override;
  Result<std::vector<CaseRecord>> ListCases(const CaseQuery& query) override;
  Result<std::vector<CaseInstance>> ListInstancesInStates(const InstanceStateQuery& query) override;

  Result<std::optional<DefinitionSource>> GetActiveDefinition(const std::string& tenant,
                                                              const std::string& name) override;
  Result<std::vector<DefinitionSource>> ListActiveDefinitions(const std::string& tenant) override;
  Result<std::vector<DefinitionSource>> ListDefinitionVersions(const std::string& tenant,
                                                               const std::string& name) override;
  Result<std::vector<VersionStateCount>> CountActiveInstances(const std::string& tenant,
                                                              const std::string& name) override;

  Result<std::vector<InboxMessage>> ListInbox(const std::string& tenant, const std::string& login,
                                              int limit) override;
  Result<int64_t> CountUnreadInbox(const std::string& tenant, const std::string& login) override;

  Result<std::vector<IncidentRecord>> ListIncidents(bool open_only) override;
  Result<std::optional<IncidentRecord>> GetIncident(int64_t id) override;

  Result<std::vector<ActivationRequest>> ListActivationRequests(const std::string& tenant,
                                                                bool pending_only) override;
  Result<std::optional<ActivationRequest>> GetActivationRequest(int64_t id) override;

  Result<std::vector<OutboxRecord>> ListFailedOutbox() override;
  Result<std::vector<DeliveryAttempt>> ListDeliveryAttempts(int64_t outbox_id) override;

  // For tests only, no role has them: the paused deadlines of a case (by instance, kind and
  // key) and the audit log, oldest first, as committed.
  std::vector<PausedDeadline> PausedDeadlines(CaseId case_id);
  std::vector<AuditRecord> AuditLog();

  struct Tables;  // memory_store.cc

 private:
  class Txn;

  // The committed tables, under mu_.
  std::shared_ptr<const Tables> Snapshot();

  std::mutex mu_;
  std::shared_ptr<const Tables> committed_;  // replaced whole on commit
  bool writing_ = false;                     // a WriteTxn is open
};

}  // namespace souhra::testing
