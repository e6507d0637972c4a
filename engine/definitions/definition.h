// The immutable, loaded form of a workflow or rule set.
//
// A definition is written as a Lua file (see workflows/README.md). The loader runs it once in a
// sandbox, checks it, and turns its declarative parts into the plain structs below. Guards,
// action functions and rule predicates stay Lua functions inside the definition's own sandbox;
// they are reached through the ScriptHost, which only the engine's writer thread calls.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/definitions/form.h"
#include "engine/json.h"
#include "engine/status.h"

namespace souhra {

// Timer keys reserved for the reminders and overdue moments of human tasks
// (engine/runtime/task_timers.h); a workflow's own timers may not start with it.
inline constexpr char kTaskTimerPrefix[] = "task:";

struct SourcePos {
  std::string file;
  int line = 0;
  // "file:line", or just "file" when the line is unknown.
  std::string ToString() const;
};

// A Lua function held in a definition's sandbox. `ref` 0 means "no function".
struct ScriptFunction {
  int ref = 0;
  SourcePos pos;
  explicit operator bool() const { return ref != 0; }
};

enum class EffectKind {
  kTask,    // create a human task: key, title, assignee, due, remind, keep
  kTimer,   // (re)schedule a named timer: key, after | at, keep
  kCancel,  // cancel a timer or an open task by key: args {timer = key} or {task = key}
  kNotify,  // write a notification to the outbox: to, template, channel
  kSet,     // set case data fields: args is an object of field path -> value
  kDecide,  // evaluate a rule set and keep the decision: key = rule set name, args {into}
  kStart,   // start another workflow instance on the same case: key = workflow name
  kRun,     // call a Lua function(case, event) that returns more effects
  kPause,   // suspend a running deadline, keeping the time left: {timer = key} or {task = key}
  kResume,  // resume a paused deadline, due counted from now: {timer = key} or {task = key}
  kEmit,    // hand an internal event to the case's other instances: key = type, args {payload}
};

// Effect kind <-> its constructor name in the workflow language ("task", "timer", …).
const char* EffectKindName(EffectKind kind);

struct Effect {
  EffectKind kind = EffectKind::kRun;
  SourcePos pos;
  std::string key;             // task/timer key, rule set (decide) or workflow (start) name
  Json args = Json::object();  // the constructor's other fields, as written (durations unresolved)
  ScriptFunction function;     // kRun only
};

struct Transition {
  SourcePos pos;
  ScriptFunction when;      // guard; none means "always"
  std::string go;           // target state; empty means stay without leaving (no exit/enter)
  std::vector<Effect> run;  // effects of the transition itself, between exit and enter
};

struct State {
  std::string name;
  std::string title;
  SourcePos pos;
  bool final = false;
  std::vector<Effect> enter;
  std::vector<Effect> exit;
  // Event type -> alternatives in written order; the first whose guard passes is taken.
  // A type may hold one `*` standing for any text ("task.step_*.overdue"), for tasks whose keys
  // a function computes; an exact type is preferred to a pattern.
  std::map<std::string, std::vector<Transition>> on;

  // The alternatives for `event_type`, or null when the state does not accept it.
  const std::vector<Transition>* TransitionsFor(const std::string& event_type) const;
};

// A step a person takes by sending an event (the workflow's `events`), or the referral a case
// starts with (its `referral`): what the step is called, who may take it (roles, held as
// engine/runtime/permissions.h says) and the data it asks for. A person may send only events some
// active workflow of the case declares; the engine's own events (timers, overdue tasks, emit)
// need no declaration.
struct StepDeclaration {
  std::string type;  // the event type; "case.created" for a referral
  std::string title;
  std::vector<std::string> by;
  std::optional<Form> form;  // none: the step carries no data
  // A closed case accepts only a step that reopens it: the workflows started again.
  std::vector<std::string> reopens;
  SourcePos pos;
};

class ScriptHost;

struct Workflow {
  std::string name;
  std::string title;
  std::string file;
  std::string content_hash;  // hex SHA-256 of the source text: the version instances pin to
  // Whether its functions may read case.today or case.dates (its source names them): computing
  // those days costs more than the rest of a script's view, so only such workflows get them.
  bool script_dates = false;
  Json params = Json::object();     // name -> value (durations as text, numbers, strings)
  Json templates = Json::object();  // name -> {title, body}
  std::string initial;
  std::map<std::string, State> states;
  std::map<std::string, StepDeclaration> events;  // by event type
  std::optional<StepDeclaration> referral;        // a person may start a case on this workflow
  // The top-level case data fields this workflow alone may change (`set`, `decide … into`).
  std::set<std::string> owns;
  // It may send to external actors (engine/definitions/actor_reach.h): it says so
  // (`notifies_actors = true`) or its declaration shows it. The engine refuses a notification to
  // an actor, or with a meeting, from any other workflow.
  bool notifies_actors = false;
  std::shared_ptr<ScriptHost> scripts;

  const State* FindState(const std::string& name) const;
  const StepDeclaration* FindEvent(const std::string& type) const;
};

struct Criterion {
  std::string id;
  std::string title;
  SourcePos pos;
  bool mandatory = false;
  double weight = 0;     // counts towards the score when the check passes
  ScriptFunction check;  // function(case, params) -> boolean [, explanation]
};

struct RuleSet {
  std::string name;
  std::string title;
  std::string file;
  std::string content_hash;
  Json params = Json::object();
  std::vector<Criterion> criteria;
  // Eligible when every mandatory criterion holds and the weighted score reaches min_score.
  double min_score = 0;
  // decide = "any": positive when at least one criterion holds (the grounds for sharing
  // information); mandatory, weights and min_score are then not used.
  bool decide_any = false;
  std::shared_ptr<ScriptHost> scripts;
};

// Calls into the Lua functions of one loaded definition, each under the sandbox's instruction
// budget. Not thread-safe: a definition's scripts are only ever called from one thread.
// Errors: kScriptError (with file:line), kResourceExhausted (budget), kInvalidArgument (the
// function returned something that is not what the caller expects).
class ScriptHost {
 public:
  virtual ~ScriptHost() = default;
  // A guard: function(case, event) -> truthy/falsy.
  virtual Result<bool> Guard(const ScriptFunction& fn, const Json& case_view,
                             const Json& event) = 0;
  // An action: function(case, event) -> nil, an effect, or a list of effects.
  virtual Result<std::vector<Effect>> Action(const ScriptFunction& fn, const Json& case_view,
                                             const Json& event) = 0;
  // A rule predicate: function(case, params) -> boolean [, explanation string].
  struct CheckResult {
    bool passed = false;
    std::string explanation;
  };
  virtual Result<CheckResult> Check(const ScriptFunction& fn, const Json& case_view,
                                    const Json& params) = 0;
  // The same with a third argument, function(case, params, request): what an information rule
  // is asked about (engine/information_sharing.h). Hosts that cannot pass it ignore it.
  virtual Result<CheckResult> CheckRequest(const ScriptFunction& fn, const Json& case_view,
                                           const Json& params, const Json& /*request*/) {
    return Check(fn, case_view, params);
  }
};

}  // namespace souhra
