// What an applied event did to its case: the step each instance took, the deadlines it set,
// paused or resumed, the events its steps emitted, or why nobody took it. The engine builds it
// while it applies the event (engine/runtime/case_processor.cc, task_actions.cc) and returns it in
// `Applied`; the event log keeps it as JSON (EventRecord::outcome). Code reads the struct: the
// JSON form is for the log and the API, converted by to_json / from_json (so `Json(outcome)` and
// `json.get<EventOutcome>()` work).
//
// The JSON form, with only the members that are set, except the two arrays that are always there:
//   {transitions: [{instance, workflow, from, to, completed}], deadlines: [...], pauses: [...],
//    emitted: ["type", ...], ignored: "why", reminded: "recipient", template: "name", task: id}
// Reading is lenient: a missing member is empty, so every row the log ever kept reads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/json.h"

namespace souhra {

// One instance's step within an event.
struct InstanceTransition {
  int64_t instance = 0;  // the InstanceId
  std::string workflow;
  std::string from;
  std::string to;
  bool completed = false;  // the instance reached a final state

  bool operator==(const InstanceTransition&) const = default;
};

struct EventOutcome {
  std::vector<InstanceTransition> transitions;
  // Deadlines set or resumed, as engine/runtime/deadline_pause.h describes its entries:
  // {kind, key, due, rule} and, for a resumed one, resumed: {paused_at, remaining}.
  std::vector<Json> deadlines;
  // Deadlines paused, and pauses or resumptions that changed nothing ({kind, key, ignored}).
  std::vector<Json> pauses;
  std::vector<std::string> emitted;  // the types of the events the steps emitted, in order
  std::string ignored;            // an internal event that nothing took: why; "" when it was taken
  std::string reminded;           // a task reminder: its recipient
  std::string reminder_template;  // and the template it was written with
  int64_t reassigned_task = 0;    // a task reassignment: the task's id

  bool operator==(const EventOutcome&) const = default;
};

void to_json(Json& json, const InstanceTransition& transition);
void from_json(const Json& json, InstanceTransition& transition);
void to_json(Json& json, const EventOutcome& outcome);
void from_json(const Json& json, EventOutcome& outcome);

}  // namespace souhra
