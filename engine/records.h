// The records of the Store seam: cases, instances, timers, tasks, the outbox, the inbox, the
// event log, incidents and definition versions, as the engine reads and writes them. Plain
// values; the store roles (engine/store.h) and the write transaction (engine/write_txn.h) pass
// them. Nothing here knows how they are stored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/calendar.h"
#include "engine/clock.h"
#include "engine/json.h"

namespace souhra {

using CaseId = int64_t;
using InstanceId = int64_t;

struct CaseRecord {
  CaseId id = 0;
  std::string tenant;
  // Pseudonymous client code, unique per tenant, e.g. "K-2026-0042"; never a name.
  std::string code;
  Json data = Json::object();
  Instant created;
  // Closed once none of its workflow instances is active any more (a closure ran to its end);
  // a closed case takes no events but a declared reopening.
  bool closed = false;
  std::optional<Instant> closed_at;
};

struct InstanceRecord {
  InstanceId id = 0;
  CaseId case_id = 0;
  std::string workflow;         // definition name
  std::string definition_hash;  // the pinned version
  std::string state;
  bool active = true;  // false once a final state is reached
  int64_t steps = 0;   // transitions taken; bumps on every accepted event
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
  // Who may complete it besides whoever the assignee resolves to: roles (engine/runtime/
  // permissions.h).
  std::vector<std::string> done_by;
  Json form;  // the form completing it asks for (FormJson, engine/definitions/form.h); null: none
};

// Which open tasks Worklists::ListTasksForUser returns: those of `tenant` assigned to the user
// `login`, directly ("user:<login>"), through a role the user holds in the case's people (case
// data "people": {"case_manager": "user:novak", …}), or through one of `roles` (the user's roles
// in the municipality) that the case's people give nobody; due in [due_from, due_until). A
// missing bound is open; a task without a due time lies after every time.
struct UserTaskQuery {
  std::string tenant;
  std::string login;
  std::vector<std::string> roles;
  std::optional<Instant> due_from;
  std::optional<Instant> due_until;
};

// Which cases Worklists::ListCases returns: those of `tenant`, newest first, at most `limit`,
// with ids below `before` (paging; 0 = from the newest). With `login`, only cases where that
// user holds a role in the case's people ("people": {"case_manager": "user:novak"}); with `role`
// too, only that role. With `open_only`, only cases not closed.
struct CaseQuery {
  std::string tenant;
  std::string login;
  std::string role;
  bool open_only = false;
  CaseId before = 0;
  int limit = 100;
};

// Which instances Worklists::ListInstancesInStates returns: the active instances of `workflow`
// in one of `states` among the cases of `tenant`, oldest first, at most `limit`.
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
  std::string channel;  // "" = the recipient's preferred channels
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
  int64_t seq = 0;  // assigned by the store
  CaseId case_id = 0;
  InstanceId instance_id = 0;  // the addressed instance (timers, tasks), 0 = the whole case
  std::string type;
  Json payload = Json::object();
  std::string idempotency_key;    // "" when the caller gave none
  std::string actor;              // who caused it: "user:<login>", "timer", "system"
  Instant at;                     // when it was applied
  std::optional<Instant> due;     // for timer events: when it was due
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

// Four eyes on activation (workflows/README.md "Schválení aktivace"): a version whose activation
// needs a second person waits in a request until someone else approves or refuses it.
enum class ActivationStatus { kPending, kApproved, kRefused };

// "pending", "approved", "refused".
const char* ActivationStatusName(ActivationStatus status);

struct ActivationRequest {
  int64_t id = 0;  // assigned by the store
  std::string tenant;
  std::string name;
  std::string version;         // the content hash asked to become active
  std::string active_version;  // the version active when it was asked; "" when none was
  std::string approver;        // who must approve: "head" or "second_person"
  std::string requested_by;    // "user:<login>"
  Instant requested_at;
  std::string diff_sha256;  // hex SHA-256 of the diff the request showed (VersionDiff)
  ActivationStatus status = ActivationStatus::kPending;
  std::string decided_by;  // "user:<login>" once approved or refused
  Instant decided_at;
  std::string reason;  // why it was refused
};

// How many active instances of a workflow sit in `state` of version `content_hash`.
struct VersionStateCount {
  std::string content_hash;
  std::string state;
  int64_t count = 0;
};

}  // namespace souhra
