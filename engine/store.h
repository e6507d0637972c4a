// The Store seam, split by who uses it: where cases, instances, timers, tasks, the outbox, the
// inbox, the event log, incidents and definition versions live.
//
// Each reader takes only the role it needs: the schedulers DueWork, the case pages CaseFiles,
// the work lists Worklists, and so on. Every role's queries are safe from any thread,
// concurrently with the write transaction, and see the last committed state (an in-memory
// database used by a single thread may also show an open transaction's writes). Every query may
// fail with kUnavailable (I/O, busy); other failures are named per method. A missing record is
// an empty optional, not an error. `Store` is the aggregate that production wiring opens: every
// role plus BeginWrite for the engine's writer (engine/write_txn.h). SQLite implements it in
// adapters/sqlite; tests/fakes/memory_store.h keeps it in memory. tests/contracts/ holds the
// suites that any implementation must pass.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/clock.h"
#include "engine/records.h"
#include "engine/status.h"
#include "engine/write_txn.h"

namespace souhra {

// What is due now: the scheduler's timers and the dispatcher's messages.
class DueWork {
 public:
  virtual ~DueWork() = default;
  // Timers due at or before `now`, by due time, then instance and key; at most `limit`.
  virtual Result<std::vector<TimerRecord>> DueTimers(Instant now, int limit) = 0;
  // Pending messages due at or before `now`, earliest first, then by id; at most `limit`.
  virtual Result<std::vector<OutboxRecord>> DueOutbox(Instant now, int limit) = 0;
};

// One case's file: the case and everything hanging on it.
class CaseFiles {
 public:
  virtual ~CaseFiles() = default;
  // The case, or empty for no such case.
  virtual Result<std::optional<CaseRecord>> GetCase(CaseId id) = 0;
  // Every instance of the case, active or not, by id.
  virtual Result<std::vector<InstanceRecord>> ListInstances(CaseId case_id) = 0;
  // The case's events after `after_seq`, by seq: what a reader that saw up to `after_seq`
  // has not seen yet, without reading the rest (the simulator observes a case after each event).
  virtual Result<std::vector<EventRecord>> ListEventsAfter(CaseId case_id, int64_t after_seq) = 0;
  // The case's event log, by seq.
  Result<std::vector<EventRecord>> ListEvents(CaseId case_id) {
    return ListEventsAfter(case_id, 0);
  }
  // Every task of the case, in any status, by id.
  virtual Result<std::vector<TaskRecord>> ListTasks(CaseId case_id) = 0;
  // A task by id, in any status; empty for no such task.
  virtual Result<std::optional<TaskRecord>> GetTask(int64_t task_id) = 0;
  // The pending timers of the case's instances, by due time, then instance and key.
  virtual Result<std::vector<TimerRecord>> ListTimers(CaseId case_id) = 0;
  // The case's outbox messages with ids above `after_id`, in any status, by id.
  virtual Result<std::vector<OutboxRecord>> ListOutboxAfter(CaseId case_id, int64_t after_id) = 0;
  // The case's outbox messages, in any status, by id.
  Result<std::vector<OutboxRecord>> ListOutbox(CaseId case_id) {
    return ListOutboxAfter(case_id, 0);
  }
  // The case's decisions, in the order they were made.
  virtual Result<std::vector<DecisionRecord>> ListDecisions(CaseId case_id) = 0;
};

// What people work on across cases.
class Worklists {
 public:
  virtual ~Worklists() = default;
  // See UserTaskQuery; a "user:<login>" among its roles is a person, not a role, and matches
  // nothing. Earliest due first, tasks without due last, then by id; each task once. Uses indexes
  // on the open tasks' assignee and on the people of cases, not a scan of all tasks.
  virtual Result<std::vector<TaskRecord>> ListTasksForUser(const UserTaskQuery& query) = 0;
  // See CaseQuery. Uses indexes on (tenant, id) and on the people of cases.
  virtual Result<std::vector<CaseRecord>> ListCases(const CaseQuery& query) = 0;
  // See InstanceStateQuery (e.g. a tenant's open escalations). Uses an index on workflow and
  // state of the active instances.
  virtual Result<std::vector<CaseInstance>> ListInstancesInStates(
      const InstanceStateQuery& query) = 0;
};

// The stored versions of a tenant's definitions.
class DefinitionVersions {
 public:
  virtual ~DefinitionVersions() = default;
  // The active version of (tenant, name); empty when it has none.
  virtual Result<std::optional<DefinitionSource>> GetActiveDefinition(const std::string& tenant,
                                                                      const std::string& name) = 0;
  // The active versions of `tenant`, by name.
  virtual Result<std::vector<DefinitionSource>> ListActiveDefinitions(
      const std::string& tenant) = 0;
  // Every version of (tenant, name) in saving order, numbered from 1; an empty name: of every
  // name, by name, each numbered on its own.
  virtual Result<std::vector<DefinitionSource>> ListDefinitionVersions(const std::string& tenant,
                                                                       const std::string& name) = 0;
  // Active instances of workflow `name` in `tenant` per version and state, ordered by both. Uses
  // an index on the active instances' workflow and state, not a scan of all instances.
  virtual Result<std::vector<VersionStateCount>> CountActiveInstances(const std::string& tenant,
                                                                      const std::string& name) = 0;
};

// Requests to activate definition versions that wait for, or got, a second person's decision.
class ActivationRequests {
 public:
  virtual ~ActivationRequests() = default;
  // The tenant's requests, newest first; only the pending ones when `pending_only`.
  virtual Result<std::vector<ActivationRequest>> ListActivationRequests(const std::string& tenant,
                                                                        bool pending_only) = 0;
  // The request by id, or empty for no such request.
  virtual Result<std::optional<ActivationRequest>> GetActivationRequest(int64_t id) = 0;
};

// A user's in-app inbox.
class Inbox {
 public:
  virtual ~Inbox() = default;
  // The inbox of (tenant, login): unread first, then newest first; at most `limit`.
  virtual Result<std::vector<InboxMessage>> ListInbox(const std::string& tenant,
                                                      const std::string& login, int limit) = 0;
  // How many messages of (tenant, login) are unread; 0 for an unknown user.
  virtual Result<int64_t> CountUnreadInbox(const std::string& tenant, const std::string& login) = 0;
};

// Failed events kept for a look and a retry.
class Incidents {
 public:
  virtual ~Incidents() = default;
  // Every incident, or only the open ones, by id.
  virtual Result<std::vector<IncidentRecord>> ListIncidents(bool open_only) = 0;
  // The incident, or empty for no such incident.
  virtual Result<std::optional<IncidentRecord>> GetIncident(int64_t id) = 0;
};

// What happened to outbox messages on their way out.
class OutboxLog {
 public:
  virtual ~OutboxLog() = default;
  // Messages that gave up after their last attempt or that the information rules refused, by id.
  virtual Result<std::vector<OutboxRecord>> ListFailedOutbox() = 0;
  // Every attempt to send message `outbox_id`, oldest first; empty for an unknown message.
  virtual Result<std::vector<DeliveryAttempt>> ListDeliveryAttempts(int64_t outbox_id) = 0;
};

// Everything at once, as production opens it; only the wiring and the engine hold a Store.
class Store : public DueWork,
              public CaseFiles,
              public Worklists,
              public DefinitionVersions,
              public Inbox,
              public Incidents,
              public OutboxLog,
              public ActivationRequests {
 public:
  ~Store() override = default;
  // Starts the one write transaction. kUnavailable if the database is busy; kInternal if a
  // write transaction is already open. The Store must outlive it.
  virtual Result<std::unique_ptr<WriteTxn>> BeginWrite() = 0;
};

}  // namespace souhra
