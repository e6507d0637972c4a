// The writer's side of the Store seam: one write transaction of the engine's group commit.
//
// Obtained from Store::BeginWrite and used by one thread (the engine's writer). Several events
// share one WriteTxn, each inside its own savepoint, so that one failing event leaves the others
// intact; Commit makes all of them durable at once. Destroying a WriteTxn without Commit rolls
// everything back.
//
// Every method may fail with kUnavailable (I/O, busy, disk full, or the transaction was already
// ended by an earlier failure); after such a failure the caller rolls back the whole transaction.
// Other codes are named per method. Lists come back in the order stated; "not found" for a
// lookup is an empty optional, not an error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/access.h"
#include "engine/records.h"
#include "engine/status.h"

namespace souhra {

class WriteTxn {
 public:
  virtual ~WriteTxn() = default;

  // Transaction. Per-event atomicity inside a group commit: savepoints do not nest.
  //
  // Starts the savepoint of one event.
  virtual Status Savepoint() = 0;
  // Keeps the event's writes and ends its savepoint.
  virtual Status ReleaseSavepoint() = 0;
  // Undoes every write since Savepoint and ends the savepoint.
  virtual Status RollbackToSavepoint() = 0;
  // Makes everything durable (fsync) before returning OK. Ends the transaction either way.
  virtual Status Commit() = 0;

  // Lookups for the step about to be applied. Unlike the Store's roles, they see this
  // transaction's own writes, including those of earlier events in the same group commit.
  //
  // The event of `case_id` logged with `idempotency_key` (never matches an empty key).
  virtual Result<std::optional<EventRecord>> FindEventByKey(CaseId case_id,
                                                            const std::string& idempotency_key) = 0;
  // The case by id, or by its client code within the tenant.
  virtual Result<std::optional<CaseRecord>> LoadCase(CaseId id) = 0;
  virtual Result<std::optional<CaseRecord>> FindCaseByCode(const std::string& tenant,
                                                           const std::string& code) = 0;
  // The active instances of the case, by id.
  virtual Result<std::vector<InstanceRecord>> LoadActiveInstances(CaseId case_id) = 0;
  // The newest open task `key` of the case.
  virtual Result<std::optional<TaskRecord>> FindOpenTask(CaseId case_id,
                                                         const std::string& key) = 0;
  // The pending timer (instance_id, key).
  virtual Result<std::optional<TimerRecord>> FindTimer(InstanceId instance_id,
                                                       const std::string& key) = 0;
  // The case's event log in order, for the history of its deadlines.
  virtual Result<std::vector<EventRecord>> LoadEvents(CaseId case_id) = 0;
  // The paused deadline (instance_id, kind, key).
  virtual Result<std::optional<PausedDeadline>> FindPausedDeadline(InstanceId instance_id,
                                                                   const std::string& kind,
                                                                   const std::string& key) = 0;
  // A version by content hash (the active one first if several tenants hold it).
  virtual Result<std::optional<DefinitionSource>> FindDefinition(
      const std::string& content_hash) = 0;
  // The active version of (tenant, name).
  virtual Result<std::optional<DefinitionSource>> FindActiveDefinition(const std::string& tenant,
                                                                       const std::string& name) = 0;
  // Every version of (tenant, name) in saving order, numbered; an empty name: of every name,
  // by name.
  virtual Result<std::vector<DefinitionSource>> FindDefinitionVersions(const std::string& tenant,
                                                                       const std::string& name) = 0;

  // Cases, instances and their log.
  //
  // Returns the new id. kConflict if (tenant, code) exists.
  virtual Result<CaseId> InsertCase(const CaseRecord& record) = 0;
  // Writes data and closed. kNotFound for no such case.
  virtual Status UpdateCase(const CaseRecord& record) = 0;
  // Returns the new id, higher than every earlier instance's.
  virtual Result<InstanceId> InsertInstance(const InstanceRecord& record) = 0;
  // Writes state, active and steps. kNotFound for no such instance.
  virtual Status UpdateInstance(const InstanceRecord& record) = 0;
  // Returns the new seq, higher than every earlier one. kConflict if the case already logged
  // an event with the same non-empty idempotency key.
  virtual Result<int64_t> AppendEvent(const EventRecord& record) = 0;
  // Keeps a decision of the case; ListDecisions returns them in this order.
  virtual Status InsertDecision(const DecisionRecord& record) = 0;

  // Deadlines.
  //
  // Inserts, or replaces the timer with the same (instance_id, key).
  virtual Status PutTimer(const TimerRecord& record) = 0;
  // Removes timer (instance_id, key); OK when there is none.
  virtual Status DeleteTimer(InstanceId instance_id, const std::string& key) = 0;
  // Inserts, or replaces the one with the same (instance_id, kind, key).
  virtual Status PutPausedDeadline(const PausedDeadline& record) = 0;
  // Removes it; OK when there is none.
  virtual Status DeletePausedDeadline(InstanceId instance_id, const std::string& kind,
                                      const std::string& key) = 0;
  // Cancels the timers, open tasks and paused deadlines of `instance_id` set in `state` without
  // keep; with an empty state, all of them, kept ones too (the instance reached a final state).
  virtual Status CancelScoped(InstanceId instance_id, const std::string& state) = 0;

  // Tasks. Each update fails with kNotFound for no such task.
  //
  // Returns the new id, higher than every earlier task's.
  virtual Result<int64_t> InsertTask(const TaskRecord& record) = 0;
  // Sets the task's status and result (done or cancelled).
  virtual Status CloseTask(int64_t task_id, TaskStatus status, const Json& result) = 0;
  // Gives the task another assignee (a case role or "user:<login>").
  virtual Status ReassignTask(int64_t task_id, const std::string& assignee) = 0;
  // Sets or clears the task's due time.
  virtual Status SetTaskDue(int64_t task_id, std::optional<Instant> due) = 0;

  // The outbox and the in-app inbox.
  //
  // Queues a message: pending, due at its `created`, no attempts (status fields are ignored).
  virtual Status InsertOutbox(const OutboxRecord& record) = 0;
  // Keeps `attempt` and sets the message's status, attempts, next_attempt and last_error to
  // those of `after` (matched by after.id). kNotFound for no such message.
  virtual Status RecordDeliveryAttempt(const DeliveryAttempt& attempt,
                                       const OutboxRecord& after) = 0;
  // Queues a failed message again: pending, due at `now`, no attempts yet in the new round.
  // kNotFound unless message `outbox_id` exists and has failed (a refused one is not requeued).
  virtual Status RequeueFailedOutbox(int64_t outbox_id, Instant now) = 0;
  // Puts a message in a user's inbox. A message with the same (delivery_key, login) is already
  // there and is left as it is: a repeated delivery adds nothing.
  virtual Status InsertInboxMessage(const InboxMessage& message) = 0;
  // Marks message `id` of (tenant, login) read at `at`; one already read keeps its first time.
  // kNotFound if that user has no such message.
  virtual Status MarkInboxRead(const std::string& tenant, const std::string& login, int64_t id,
                               Instant at) = 0;

  // Incidents and the audit log.
  //
  // Keeps a failed event (its seq and outcome are not kept). Returns the new id.
  virtual Result<int64_t> InsertIncident(const IncidentRecord& record) = 0;
  // Sets status, attempts and error. kNotFound for no such incident.
  virtual Status UpdateIncident(int64_t id, IncidentStatus status, int attempts,
                                const std::string& error) = 0;
  // Appends a row to the audit log (engine/access.h) and returns its id. Written in the engine's
  // group commit, so that auditing a change costs no transaction of its own.
  virtual Result<int64_t> AppendAudit(const AuditRecord& record) = 0;

  // Definitions.
  //
  // Stores a version. An active one becomes the one active version of its (tenant, name) and is
  // marked was_active; an inactive one is inserted as a draft unless that version exists, which is
  // then left as it is. Saved time and author of an existing version never change.
  virtual Status PutDefinition(const DefinitionSource& source) = 0;

  // Requests to activate a version (ActivationRequest, four eyes).
  //
  // A new request (id 0) is inserted and its id returned; a known one gets its status,
  // decided_by, decided_at and reason written (kNotFound for no such request) and keeps the rest.
  virtual Result<int64_t> PutActivationRequest(const ActivationRequest& request) = 0;
  // The request by id.
  virtual Result<std::optional<ActivationRequest>> FindActivationRequest(int64_t id) = 0;
  // The newest pending request of (tenant, name) for `version`.
  virtual Result<std::optional<ActivationRequest>> FindPendingActivation(
      const std::string& tenant, const std::string& name, const std::string& version) = 0;
};

}  // namespace souhra
