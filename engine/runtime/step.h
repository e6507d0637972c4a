// The pure step: given a workflow, an instance's state, the case and an event, decide the
// transition and plan its effects. Nothing here touches storage; the caller applies the plan.
//
// Order of effects for a transition to another state (or the same one, re-entered):
//   exit actions of the old state, cancelling what that state scoped (timers, open tasks),
//   the transition's own `run`, the enter actions of the new state, and, when the new state is
//   final, cancelling everything the instance still has. A transition without `go` only runs
//   its `run`. Lua functions in `run` see the case data as the effects before them left it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/calendar.h"
#include "engine/definitions/definition.h"
#include "engine/records.h"

namespace souhra {

// Operations a plan asks the engine to carry out, in order.
struct CancelTimer {
  std::string key;
};
struct CancelTask {
  std::string key;
};
struct CancelScope {
  std::string state;
};  // empty state: everything of the instance
struct StartWorkflow {
  std::string workflow;
};
// `rule` is the duration the due time was counted from, as resolved ("3 working days"), so the
// event log can keep how a deadline came about without its full explanation.
struct TimerPlan {
  TimerRecord timer;
  DueDate due;
  std::string rule;
};
struct TaskPlan {
  TaskRecord task;
  std::optional<DueDate> due;
  std::string rule;
};
// Suspend or resume the instance's timer or task `key` (kind "timer" or "task").
struct PauseDeadline {
  std::string kind;
  std::string key;
};
struct ResumeDeadline {
  std::string kind;
  std::string key;
};
// An internal event for the case's other active instances, applied after this step.
struct EmitEvent {
  std::string type;
  Json payload;
};
using Operation =
    std::variant<TimerPlan, CancelTimer, TaskPlan, CancelTask, CancelScope, OutboxRecord,
                 DecisionRecord, StartWorkflow, PauseDeadline, ResumeDeadline, EmitEvent>;

struct Plan {
  bool accepted = false;
  std::string from;
  std::string to;          // equals `from` for a transition without `go`
  bool completed = false;  // reached a final state
  Json data;               // the case data after the step
  std::vector<Operation> operations;
};

// Everything a step may consult besides the instance and the event.
struct StepContext {
  const Workflow* workflow = nullptr;
  const Calendar* calendar = nullptr;
  Instant now;
  // Who sent the event, as its scripts see it (Actor::View); null: not known. Owned by the caller.
  const Json* by = nullptr;
  // Resolves `decide { rules = name }` to the tenant's active rule set.
  std::function<Result<std::shared_ptr<const RuleSet>>(const std::string& name)> rule_set;
  // The event's payload was checked against its declared form (a person's or an integration's
  // step, not an internal event): only then are its place and link recorded (meeting_record.h).
  bool payload_checked = false;
};

// The JSON view of a case handed to scripts: {id, code, tenant, state, data}.
Json CaseView(const CaseRecord& c, const std::string& state, const Json& data);
// The JSON view of an event handed to scripts: {type, payload, at, by} (`by` left out when null).
Json EventView(const std::string& type, const Json& payload, Instant at, const Json* by = nullptr);

// Plans the event for one instance. Not accepted (plan.accepted false) when the instance's state
// has no transition for the event or every guard refused. Errors come from scripts and from
// effects that cannot be carried out (kScriptError with file:line, kResourceExhausted).
Result<Plan> PlanEvent(const StepContext& ctx, const CaseRecord& c, const InstanceRecord& instance,
                       const std::string& event_type, const Json& payload);

// Plans the start of a new instance: entering the workflow's initial state.
Result<Plan> PlanStart(const StepContext& ctx, const CaseRecord& c, const Json& data);

// Lists the events the state accepts, sorted, for refusal messages.
std::vector<std::string> AcceptedEvents(const State& state);

}  // namespace souhra
