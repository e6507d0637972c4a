// The Store seam: where cases, instances, timers, tasks, the outbox and the event log live.
//
// The engine talks to storage only through these interfaces. SQLite (adapters/sqlite) is the
// embedded implementation; PostgreSQL will come behind the same interfaces. All writes happen in
// a WriteTxn owned by the engine's single writer thread; several events share one WriteTxn (group
// commit), each inside its own savepoint so that one failing event leaves the others intact.
// Reads for queries (incidents, due timers, case files) use the Store directly from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/access.h"
#include "engine/calendar.h"
#include "engine/clock.h"
#include "engine/json.h"
#include "engine/status.h"

namespace souhra {

using CaseId = int64_t;
using InstanceId = int64_t;

struct CaseRecord {
  CaseId id = 0;
  std::string tenant;
  std::string code;  // pseudonymous client code, unique per tenant, e.g. "K-2026-0042"; never a name
  Json data = Json::object();
  Instant created;
  bool closed = false;
};

struct InstanceRecord {
  InstanceId id = 0;
  CaseId case_id = 0;
  std::string workflow;         // definition name
  std::string definition_hash;  // the pinned version
  std::string state;
  bool active = true;           // false once a final state is reached
  int64_t steps = 0;            // transitions taken; bumps on every accepted event
};

struct TimerRecord {
  InstanceId instance_id = 0;
  CaseId case_id = 0;
  std::string key;
  Instant due;
  std::string scope_state;  // the state that set it; leaving that state cancels it unless keep
  bool keep = false;
};

enum class TaskStatus { kOpen, kDone, kCancelled };

struct TaskRecord {
  int64_t id = 0;
  CaseId case_id = 0;
  InstanceId instance_id = 0;
  std::string key;
  std::string title;
  std::string assignee;  // a case role ("case_manager") or "user:<login>"
  std::optional<Instant> due;
  Json remind = Json::array();  // reminder ladder: one RungJson per rung (reminder_ladder.h)
  std::string scope_state;
  bool keep = false;
  TaskStatus status = TaskStatus::kOpen;
  Json result;  // the payload of task.<key>.done
};

// Which open tasks Store::ListTasksForUser returns: those of `tenant` assigned to the user `login`,
// directly ("user:<login>") or through a role the user holds in the case's people (case data
// "people": {"case_manager": "user:novak", …}), due in [due_from, due_until). A missing bound is
// open; a task without a due time lies after every time.
struct UserTaskQuery {
  std::string tenant;
  std::string login;
  std::optional<Instant> due_from;
  std::optional<Instant> due_until;
};

// Which cases Store::ListCases returns: those of `tenant`, newest first, at most `limit`, with
// ids below `before` (paging; 0 = from the newest). With `login`, only cases where that user holds
// a role in the case's people ("people": {"case_manager": "user:novak"}); with `role` too, only
// that role. With `open_only`, only cases not closed.
struct CaseQuery {
  std::string tenant;
  std::string login;
  std::string role;
  bool open_only = false;
  CaseId before = 0;
  int limit = 100;
};

// Which instances Store::ListInstancesInStates returns: the active instances of `workflow` in
// one of `states` among the cases of `tenant`, oldest first, at most `limit`.
struct InstanceStateQuery {
  std::string tenant;
  std::string workflow;
  std::vector<std::string> states;
  int limit = 500;
};

// An instance with the case it belongs to.
struct CaseInstance {
  CaseRecord case_record;
  InstanceRecord instance;
};

// Where an outbox message is on its way: waiting (first try or a retry after backoff), sent,
// given up after the last attempt until an administrator queues it again, or refused by the
// information rules (never sent, not retried; the case history says why).
enum class OutboxStatus { kPending, kDelivered, kFailed, kRefused };

struct OutboxRecord {
  int64_t id = 0;
  CaseId case_id = 0;
  InstanceId instance_id = 0;
  std::string recipient;  // a role, "user:<login>" or "actor:<id>"
  std::string template_name;
  std::string channel;    // "" = the recipient's preferred channels
  Json payload = Json::object();
  Instant created;
  // Kept by the outbox dispatcher; InsertOutbox ignores them and queues the message as pending,
  // due at `created`.
  OutboxStatus status = OutboxStatus::kPending;
  int attempts = 0;        // attempts since the message was last queued
  Instant next_attempt;    // a pending message is due at this time
  std::string last_error;  // of the last failed attempt, "" after a success
};

// One try to send an outbox message through a channel.
struct DeliveryAttempt {
  int64_t outbox_id = 0;
  std::string channel;
  Instant at;
  bool ok = false;
  std::string error;  // status code and message of a failed attempt
};

// A message in a user's in-app inbox, linked to its case and, if it is about one, a task.
struct InboxMessage {
  int64_t id = 0;
  std::string delivery_key;  // the outbox delivery's idempotency key ("outbox-<id>")
  std::string tenant;
  std::string login;
  CaseId case_id = 0;
  std::string task_key;  // "" when the message is not about a task
  std::string template_name;
  Json payload = Json::object();
  Instant created;
  std::optional<Instant> read;  // when the user marked it read
};

struct DecisionRecord {
  CaseId case_id = 0;
  InstanceId instance_id = 0;
  std::string rule_set;
  std::string rule_set_hash;
  Json result;  // {eligible, score, criteria:[{id,title,passed,mandatory,explanation}]}
  Instant decided;
};

// One row of the append-only event log: an event as applied, or the creation of a case.
struct EventRecord {
  int64_t seq = 0;             // assigned by the store
  CaseId case_id = 0;
  InstanceId instance_id = 0;  // the addressed instance (timers, tasks), 0 = the whole case
  std::string type;
  Json payload = Json::object();
  std::string idempotency_key;  // "" when the caller gave none
  std::string actor;            // who caused it: "user:<login>", "timer", "system"
  Instant at;                   // when it was applied
  std::optional<Instant> due;   // for timer events: when it was due
  Json outcome = Json::object();  // what it did: transitions per instance
};

// A suspended deadline (cf. § 65 správního řádu): a timer taken out of the pending timers, or
// an open task whose due is cleared, with the time it had left. Resuming puts it back with a new
// due. Keyed by (instance_id, kind, key); leaving `scope_state` cancels it like the timer or task.
struct PausedDeadline {
  InstanceId instance_id = 0;
  CaseId case_id = 0;
  std::string kind;  // "timer" or "task"
  std::string key;
  Instant paused_at;
  Instant due;       // the due it had when paused
  std::string rule;  // the rule that due was counted by, as the event log keeps it
  RemainingTime remaining;
  std::string scope_state;
  bool keep = false;
};

enum class IncidentStatus { kOpen, kResolved };

// A failed event kept whole so that it can be looked at and retried. Nothing of it was applied.
struct IncidentRecord {
  int64_t id = 0;
  CaseId case_id = 0;
  EventRecord event;  // the event as submitted (seq 0)
  std::string error;  // status code and message, with file:line for script errors
  Instant created;
  IncidentStatus status = IncidentStatus::kOpen;
  int attempts = 1;
};

// Where a version is in its lifecycle: saved but never activated, the one new instances start
// on, or replaced by a later activation (its running instances stay pinned to it).
enum class DefinitionState { kDraft, kActive, kRetired };

// "draft", "active", "retired".
const char* DefinitionStateName(DefinitionState state);

// The source text of a definition version, stored so that pinned instances survive restarts
// and edits of the files they came from.
struct DefinitionSource {
  std::string tenant;
  std::string name;
  std::string content_hash;
  std::string file;
  std::string source;
  bool active = false;
  bool was_active = false;  // activated at some time (an inactive one is then retired)
  Instant saved;            // when this version was first saved; PutDefinition keeps the first
  std::string saved_by;     // "user:<login>", "system"
  int number = 0;           // 1, 2, … in saving order per (tenant, name); set by the store
  DefinitionState state() const;
};

// How many active instances of a workflow sit in `state` of version `content_hash`.
struct VersionStateCount {
  std::string content_hash;
  std::string state;
  int64_t count = 0;
};

// A write transaction. Obtained from Store::BeginWrite; used by one thread. Destroying it
// without Commit rolls everything back. Every method may fail with kUnavailable (I/O, busy,
// disk full); after such a failure the caller rolls back the whole transaction.
class WriteTxn {
 public:
  virtual ~WriteTxn() = default;

  // Per-event atomicity inside a group commit. Savepoints do not nest further. Both
  // ReleaseSavepoint (keep the event's writes) and RollbackToSavepoint (undo them) end it.
  virtual Status Savepoint() = 0;
  virtual Status ReleaseSavepoint() = 0;
  virtual Status RollbackToSavepoint() = 0;  // undoes and ends the savepoint
  // Makes everything durable (fsync) before returning OK. Ends the transaction either way.
  virtual Status Commit() = 0;

  virtual Result<std::optional<EventRecord>> FindEventByKey(CaseId case_id,
                                                            const std::string& idempotency_key) = 0;
  virtual Result<std::optional<CaseRecord>> LoadCase(CaseId id) = 0;
  virtual Result<std::optional<CaseRecord>> FindCaseByCode(const std::string& tenant,
                                                           const std::string& code) = 0;
  virtual Result<std::vector<InstanceRecord>> LoadActiveInstances(CaseId case_id) = 0;
  virtual Result<std::optional<TaskRecord>> FindOpenTask(CaseId case_id, const std::string& key) = 0;
  virtual Result<std::optional<TimerRecord>> FindTimer(InstanceId instance_id,
                                                       const std::string& key) = 0;
  // The case's event log in order, for the history of its deadlines.
  virtual Result<std::vector<EventRecord>> LoadEvents(CaseId case_id) = 0;
  virtual Result<std::optional<PausedDeadline>> FindPausedDeadline(InstanceId instance_id,
                                                                   const std::string& kind,
                                                                   const std::string& key) = 0;

  virtual Result<CaseId> InsertCase(const CaseRecord& record) = 0;
  virtual Status UpdateCase(const CaseRecord& record) = 0;  // data and closed
  virtual Result<InstanceId> InsertInstance(const InstanceRecord& record) = 0;
  virtual Status UpdateInstance(const InstanceRecord& record) = 0;  // state, active, steps
  virtual Status PutTimer(const TimerRecord& record) = 0;  // replaces (instance, key) if present
  virtual Status DeleteTimer(InstanceId instance_id, const std::string& key) = 0;
  virtual Result<int64_t> InsertTask(const TaskRecord& record) = 0;
  virtual Status CloseTask(int64_t task_id, TaskStatus status, const Json& result) = 0;
  // Gives the task another assignee (a case role or "user:<login>"). kNotFound for no such task.
  virtual Status ReassignTask(int64_t task_id, const std::string& assignee) = 0;
  virtual Status SetTaskDue(int64_t task_id, std::optional<Instant> due) = 0;
  // Inserts, or replaces the one with the same (instance_id, kind, key).
  virtual Status PutPausedDeadline(const PausedDeadline& record) = 0;
  virtual Status DeletePausedDeadline(InstanceId instance_id, const std::string& kind,
                                      const std::string& key) = 0;
  // Cancels the timers, open tasks and paused deadlines of `instance_id` set in `state` without
  // keep; with an empty state, all of them, kept ones too (the instance reached a final state).
  virtual Status CancelScoped(InstanceId instance_id, const std::string& state) = 0;
  virtual Status InsertOutbox(const OutboxRecord& record) = 0;
  // Keeps `attempt` and sets the message's status, attempts, next_attempt and last_error to
  // those of `after` (matched by after.id). kNotFound for no such message.
  virtual Status RecordDeliveryAttempt(const DeliveryAttempt& attempt,
                                       const OutboxRecord& after) = 0;
  // Queues a failed message again: pending, due at `now`, no attempts yet in the new round.
  // kNotFound unless message `outbox_id` exists and has failed.
  virtual Status RequeueFailedOutbox(int64_t outbox_id, Instant now) = 0;
  // Puts a message in a user's inbox. A message with the same (delivery_key, login) is already
  // there and is left as it is: a repeated delivery adds nothing.
  virtual Status InsertInboxMessage(const InboxMessage& message) = 0;
  // Marks message `id` of (tenant, login) read at `at`; one already read keeps its first time.
  // kNotFound if that user has no such message.
  virtual Status MarkInboxRead(const std::string& tenant, const std::string& login, int64_t id,
                               Instant at) = 0;
  virtual Status InsertDecision(const DecisionRecord& record) = 0;
  virtual Result<int64_t> AppendEvent(const EventRecord& record) = 0;
  virtual Result<int64_t> InsertIncident(const IncidentRecord& record) = 0;
  // Appends a row to the audit log (engine/access.h) and returns its id. Written in the engine's
  // group commit, so that auditing a change costs no transaction of its own.
  virtual Result<int64_t> AppendAudit(const AuditRecord& record) = 0;
  virtual Status UpdateIncident(int64_t id, IncidentStatus status, int attempts,
                                const std::string& error) = 0;
  // Stores a version. An active one becomes the one active version of its (tenant, name) and is
  // marked was_active; an inactive one is inserted as a draft unless that version exists, which is
  // then left as it is. Saved time and author of an existing version never change.
  virtual Status PutDefinition(const DefinitionSource& source) = 0;
  // Every version of (tenant, name) in saving order; an empty name: of every name, by name.
  virtual Result<std::vector<DefinitionSource>> FindDefinitionVersions(const std::string& tenant,
                                                                       const std::string& name) = 0;
  // The same lookups as Store's, but seeing this transaction's own writes.
  virtual Result<std::optional<DefinitionSource>> FindDefinition(const std::string& content_hash) = 0;
  virtual Result<std::optional<DefinitionSource>> FindActiveDefinition(const std::string& tenant,
                                                                       const std::string& name) = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Starts the one write transaction. Fails with kUnavailable if the database is busy.
  virtual Result<std::unique_ptr<WriteTxn>> BeginWrite() = 0;

  // Queries; safe from any thread, concurrently with a write transaction.
  virtual Result<std::optional<CaseRecord>> GetCase(CaseId id) = 0;
  virtual Result<std::vector<InstanceRecord>> ListInstances(CaseId case_id) = 0;
  virtual Result<std::vector<EventRecord>> ListEvents(CaseId case_id) = 0;
  virtual Result<std::vector<TaskRecord>> ListTasks(CaseId case_id) = 0;
  virtual Result<std::vector<TimerRecord>> ListTimers(CaseId case_id) = 0;
  virtual Result<std::vector<PausedDeadline>> ListPausedDeadlines(CaseId case_id) = 0;
  virtual Result<std::vector<OutboxRecord>> ListOutbox(CaseId case_id) = 0;
  // Pending messages due at or before `now`, earliest first, at most `limit`.
  virtual Result<std::vector<OutboxRecord>> DueOutbox(Instant now, int limit) = 0;
  // Messages that gave up after their last attempt or that the information rules refused, by id.
  virtual Result<std::vector<OutboxRecord>> ListFailedOutbox() = 0;
  // Every attempt to send message `outbox_id`, oldest first.
  virtual Result<std::vector<DeliveryAttempt>> ListDeliveryAttempts(int64_t outbox_id) = 0;
  // The inbox of (tenant, login): unread first, then newest first; at most `limit`.
  virtual Result<std::vector<InboxMessage>> ListInbox(const std::string& tenant,
                                                      const std::string& login, int limit) = 0;
  virtual Result<int64_t> CountUnreadInbox(const std::string& tenant, const std::string& login) = 0;
  virtual Result<std::vector<DecisionRecord>> ListDecisions(CaseId case_id) = 0;
  virtual Result<std::vector<IncidentRecord>> ListIncidents(bool open_only) = 0;
  virtual Result<std::optional<IncidentRecord>> GetIncident(int64_t id) = 0;
  // See UserTaskQuery. Earliest due first, tasks without due last, then by id. Uses indexes on
  // the open tasks' assignee and on the people of cases, not a scan of all tasks.
  virtual Result<std::vector<TaskRecord>> ListTasksForUser(const UserTaskQuery& query) = 0;
  // A task by id, in any status.
  virtual Result<std::optional<TaskRecord>> GetTask(int64_t task_id) = 0;
  // See CaseQuery. Uses indexes on (tenant, id) and on the people of cases.
  virtual Result<std::vector<CaseRecord>> ListCases(const CaseQuery& query) = 0;
  // See InstanceStateQuery (e.g. a tenant's open escalations). Uses an index on workflow and
  // state of the active instances.
  virtual Result<std::vector<CaseInstance>> ListInstancesInStates(
      const InstanceStateQuery& query) = 0;
  // Timers due at or before `now`, earliest first, at most `limit`. Uses an index on due time.
  virtual Result<std::vector<TimerRecord>> DueTimers(Instant now, int limit) = 0;
  // A definition version by hash, or the active version of (tenant, name).
  virtual Result<std::optional<DefinitionSource>> GetDefinition(const std::string& content_hash) = 0;
  virtual Result<std::optional<DefinitionSource>> GetActiveDefinition(const std::string& tenant,
                                                                      const std::string& name) = 0;
  // Every version of (tenant, name) in saving order; an empty name: of every name, by name.
  virtual Result<std::vector<DefinitionSource>> ListDefinitionVersions(const std::string& tenant,
                                                                       const std::string& name) = 0;
  // Active instances of workflow `name` in `tenant` per version and state, ordered by both. Uses
  // an index on the active instances' workflow and state, not a scan of all instances.
  virtual Result<std::vector<VersionStateCount>> CountActiveInstances(const std::string& tenant,
                                                                      const std::string& name) = 0;
  // The active definitions of `tenant`, by name.
  virtual Result<std::vector<DefinitionSource>> ListActiveDefinitions(
      const std::string& tenant) = 0;
};

}  // namespace souhra
