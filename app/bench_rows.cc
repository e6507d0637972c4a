#include "app/bench_rows.h"

#include "engine/event_outcome.h"
#include "engine/runtime/task_timers.h"

namespace souhra {
namespace {

Status Unexpected(CaseId case_id, const std::string& what) {
  return Internal("bench case " + std::to_string(case_id) +
                  " does not have the bench workflow's "
                  "rows: " +
                  what);
}

// The workflow timers an event set, from its outcome's deadlines, scoped to the state it
// entered. The baseline leaves out the tasks' own overdue timers (task_timers.h).
Status CollectTimers(const EventRecord& event, const EventOutcome& outcome,
                     const std::string& state, std::vector<TimerRecord>* timers) {
  for (const Json& deadline : outcome.deadlines) {
    if (deadline.value("kind", "") != "timer") continue;
    if (deadline.value("key", "").starts_with(kTaskTimerPrefix)) continue;
    TimerRecord timer;
    timer.key = deadline.value("key", "");
    timer.scope_state = state;
    if (!ParseIsoInstant(deadline.value("due", ""), &timer.due)) {
      return Internal("bad due time in event " + std::to_string(event.seq));
    }
    timers->push_back(timer);
  }
  return Status::Ok();
}

}  // namespace

Result<BaselineCase> ReadBaselineCase(CaseFiles& files, DefinitionVersions& versions,
                                      CaseId case_id, const Json& created_data) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> found, files.GetCase(case_id));
  SOUHRA_ASSIGN_OR_RETURN(std::vector<InstanceRecord> instances, files.ListInstances(case_id));
  SOUHRA_ASSIGN_OR_RETURN(std::vector<EventRecord> events, files.ListEvents(case_id));
  SOUHRA_ASSIGN_OR_RETURN(std::vector<TaskRecord> tasks, files.ListTasks(case_id));
  if (!found || instances.size() != 1 || events.size() != 4 || tasks.size() != 3) {
    return Unexpected(case_id, "one instance, four events and three tasks");
  }
  BaselineCase rows;
  rows.created = *found;
  rows.created.data = created_data;
  rows.data_after_assess = found->data;
  rows.instance = instances[0];
  std::vector<TimerRecord> timers;
  for (size_t i = 0; i < events.size(); ++i) {
    const EventOutcome outcome = events[i].outcome.get<EventOutcome>();
    if (outcome.transitions.size() != 1) return Unexpected(case_id, "one transition per event");
    rows.states[i] = outcome.transitions[0].to;
    rows.events[i] = events[i];
    SOUHRA_RETURN_IF_ERROR(CollectTimers(events[i], outcome, rows.states[i], &timers));
  }
  rows.instance.state = rows.states[0];
  if (timers.size() != 3) return Unexpected(case_id, "three timers");
  std::copy(timers.begin(), timers.end(), rows.timers.begin());
  std::copy(tasks.begin(), tasks.end(), rows.tasks.begin());
  SOUHRA_ASSIGN_OR_RETURN(std::optional<DefinitionSource> definition,
                          versions.GetActiveDefinition(found->tenant, rows.instance.workflow));
  if (!definition) return Unexpected(case_id, "an active definition");
  rows.definition = *definition;
  return rows;
}

}  // namespace souhra
