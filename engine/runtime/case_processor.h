// Applies one event, or the creation of a case, inside the engine's write transaction: finds
// the instances it is for, plans each step (engine/runtime/step.h) and writes the plans' effects
// and the event-log row. It does not commit; the Engine around it decides that.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/actor.h"
#include "engine/calendar.h"
#include "engine/definitions/definition_catalog.h"
#include "engine/directory.h"
#include "engine/event_outcome.h"
#include "engine/runtime/task_timers.h"
#include "engine/write_txn.h"

namespace souhra {

struct NewCase {
  std::string tenant;
  std::string code;      // the client's pseudonymous code, unique within the tenant
  std::string workflow;  // the workflow the case starts with, e.g. "intake"
  Json data = Json::object();
  // A person starting a case must be one the workflow's `referral` names, and the data may then
  // hold only the referral (checked against its form) and the people the server named.
  Actor actor{};
};

struct EventRequest {
  CaseId case_id = 0;
  std::string type;
  Json payload = Json::object();
  std::string idempotency_key;
  // Set by the server, never by the sender. A person's event must be a step some active workflow
  // declares for them (engine/runtime/step_check.h); the system's need not be.
  Actor actor{};
  InstanceId instance_id = 0;  // address one instance (timers); 0 = every active instance
  // A timer firing: when it was due. The pending timer with that due time is consumed with the
  // event, so it fires once; without it (a retried incident) no pending timer is needed.
  std::optional<Instant> due;
  // Internal events (timers, overdue tasks) are logged even when no instance accepts them, so
  // that each fires once; a person's event that nobody accepts is refused instead.
  bool internal = false;
  // A retried incident: the step was checked when it was first sent, and is not checked again.
  bool step_checked = false;
};

// The event-log row of `request`, still without its seq, time and outcome.
EventRecord LogRecordOf(const EventRequest& request);

// What installing, saving or activating a definition did (Engine::Install, SaveDraft, Activate).
struct DefinitionChange {
  std::string name;
  std::string version;   // the content hash
  std::string kind;      // "workflow" or "rules"; not set by Activate
  bool created = false;  // SaveDraft: this text was not stored before
  std::string previous;  // Activate: the version that was active, "" when none was
  bool changed = false;  // Activate: the active version is another one now
  // Activate: hex SHA-256 of the diff from the version active before (version_diff.h).
  std::string diff_sha256;
  // Four eyes (activation_requests.h): the request asked for, approved or refused, if any.
  std::optional<ActivationRequest> request;
};

// The acknowledged result of an event: its place in the log and what it did; or, for a
// definition's install, draft or activation, what changed.
struct Applied {
  int64_t seq = 0;
  CaseId case_id = 0;
  bool repeated = false;  // an idempotent repeat: the first result, nothing applied again
  EventOutcome outcome;
  DefinitionChange definition;
};

// kConflict for a client code another case of the tenant has. It says nothing more about that
// case, which the one who asks may not be allowed to see.
Status CodeTaken(const std::string& code);

class CaseProcessor {
 public:
  // `directory` resolves the users and actors forms name; null checks only their shape.
  CaseProcessor(DefinitionCatalog& catalog, const Calendar& calendar,
                Directory* directory = nullptr)
      : catalog_(catalog), calendar_(calendar), directory_(directory) {}

  // Creates the case and starts its first workflow. kNotFound for an unknown workflow;
  // kPermissionDenied or kInvalidArgument for a person's referral the workflow does not let them
  // make or whose data does not fill its form. The code is stored in NFC (client_code.h). Creating
  // a case whose code the tenant already has returns the first creation's result (repeated)
  // when it started the same workflow, and CodeTaken otherwise.
  Result<Applied> Create(WriteTxn& txn, const NewCase& request, Instant now);

  // Applies the event. A timer event whose key is a task's reserved timer (task_timers.h) is
  // that task's reminder (written to the outbox and logged as "task.<key>.reminder") or its
  // overdue moment (applied as the internal event "task.<key>.overdue"). kConflict when no
  // instance accepts it (the message names each instance's state and what it would accept) or
  // when an idempotency key is reused for another event;
  // kNotFound for an unknown case; script failures as kScriptError / kResourceExhausted. A
  // person's step is checked first (step_check.h: kPermissionDenied, kInvalidArgument); a closed
  // case takes only a declared reopening (kConflict otherwise). When the last active instance of
  // the case finishes, the case is closed.
  // On any error the caller rolls back to its savepoint: partial writes are possible.
  Result<Applied> Apply(WriteTxn& txn, const EventRequest& request, Instant now);

 private:
  class Step;
  Result<Applied> ApplyTaskTimer(WriteTxn& txn, const EventRequest& request, const CaseRecord& c,
                                 const TaskTimerKey& timer, Instant now);
  // An event an instance emitted (emit { … }), still to be applied to the case's other instances.
  struct Emitted {
    InstanceId from = 0;
    std::string workflow;
    std::string type;
    Json payload;
  };
  // Applies the event to the instances that accept it (but not to `exclude`) and logs it, then
  // applies what the steps emitted; `emit_depth` counts how many emits led to this event.
  // ("Deliver" is for messages to people: Notifier, the delivery worker.)
  Result<Applied> ApplyToInstances(WriteTxn& txn, const EventRequest& request, const CaseRecord& c,
                                   Instant now, int emit_depth = 0, InstanceId exclude = 0);
  // The instance `request` is for: a task's event ("task.<key>.done", closing the task, and
  // "task.<key>.overdue") goes to the task's instance; other events to request.instance_id
  // (0 = every active instance).
  Result<InstanceId> Addressee(WriteTxn& txn, const EventRequest& request);
  // Applies emitted events one after another, each logged as its own row.
  Status ApplyEmitted(WriteTxn& txn, CaseId case_id, std::vector<Emitted> emitted, Instant now,
                      int depth);
  Result<Applied> RepeatedCreation(WriteTxn& txn, const NewCase& request,
                                   const CaseRecord& existing);
  Status CheckReferral(WriteTxn& txn, const NewCase& request);
  // A person's or the system's step on the case, before anything is applied (step_check.h).
  Status CheckStep(WriteTxn& txn, const EventRequest& request, const CaseRecord& c,
                   const std::vector<InstanceRecord>& instances);
  // A closed case: only an event the tenant's active workflows declare as reopening it.
  Result<Applied> Reopen(WriteTxn& txn, const EventRequest& request, const CaseRecord& c,
                         Instant now);
  // Closes the case when none of its instances is active any more.
  Status CloseIfFinished(WriteTxn& txn, CaseId case_id, Instant now);
  // Why a person's event was not accepted, in Czech: which step, in which stage of which process.
  std::string CzechRefusal(WriteTxn& txn, const EventRequest& request, const CaseRecord& c,
                           const std::vector<InstanceRecord>& instances);

  DefinitionCatalog& catalog_;
  const Calendar& calendar_;
  Directory* directory_;
};

}  // namespace souhra
