#include "engine/runtime/deadline_pause.h"

#include <optional>

#include "engine/duration.h"
#include "engine/event_outcome.h"
#include "engine/runtime/task_timers.h"
#include "engine/time/duration_parser.h"

namespace souhra {
namespace {

Json Ignored(const std::string& kind, const std::string& key, const std::string& reason) {
  return {{"kind", kind}, {"key", key}, {"ignored", reason}};
}

// The rule the event log recorded with the deadline's current due, or "" when none did.
Result<std::string> RuleOf(WriteTxn& txn, CaseId case_id, const std::string& kind,
                           const std::string& key, Instant due) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<EventRecord> events, txn.LoadEvents(case_id));
  const std::string due_text = FormatUtc(due);
  for (auto event = events.rbegin(); event != events.rend(); ++event) {
    const std::vector<Json> deadlines = event->outcome.get<EventOutcome>().deadlines;
    for (auto entry = deadlines.rbegin(); entry != deadlines.rend(); ++entry) {
      if (entry->value("kind", "") == kind && entry->value("key", "") == key &&
          entry->value("due", "") == due_text) {
        return entry->value("rule", "");
      }
    }
  }
  return std::string();
}

bool CountsWorkingDays(const std::string& rule) {
  Result<Duration> duration = ParseDuration(rule);
  return duration.ok() && duration->working_days > 0;
}

// What is running under (kind, key) for the instance: its due, scope and the task, if a task.
struct Running {
  InstanceId instance_id = 0;
  Instant due;
  std::string scope_state;
  bool keep = false;
  std::optional<TaskRecord> task;
};

// A resumed task's overdue moment and reminders, counted again from its new due.
Status ScheduleResumedTask(WriteTxn& txn, const Calendar& calendar, const CaseRecord& c,
                           TaskRecord task, Instant due, const std::string& rule, Instant now) {
  task.due = due;
  SOUHRA_ASSIGN_OR_RETURN(std::vector<Rung> ladder, ReadStoredLadder(task.remind));
  SOUHRA_ASSIGN_OR_RETURN(std::vector<ScheduledTaskTimer> timers,
                          ScheduleTaskTimers(task, rule, ladder, calendar, now, c.tenant));
  for (const ScheduledTaskTimer& t : timers) SOUHRA_RETURN_IF_ERROR(txn.PutTimer(t.timer));
  return Status::Ok();
}

Result<std::optional<Running>> FindRunning(WriteTxn& txn, const CaseRecord& c,
                                           InstanceId instance_id, const std::string& kind,
                                           const std::string& key) {
  if (kind == "timer") {
    SOUHRA_ASSIGN_OR_RETURN(std::optional<TimerRecord> timer, txn.FindTimer(instance_id, key));
    if (!timer) return std::optional<Running>();
    return std::optional<Running>(
        Running{instance_id, timer->due, timer->scope_state, timer->keep, std::nullopt});
  }
  SOUHRA_ASSIGN_OR_RETURN(std::optional<TaskRecord> task, txn.FindOpenTask(c.id, key));
  if (!task || !task->due) return std::optional<Running>();
  return std::optional<Running>(
      Running{task->instance_id, *task->due, task->scope_state, task->keep, task});
}

}  // namespace

Json RemainingJson(const RemainingTime& r) {
  if (r.in_working_days)
    return {{"working_days", r.working_days}, {"time_of_day_ms", r.time_of_day_millis}};
  return {{"millis", r.millis}};
}

RemainingTime RemainingFromJson(const Json& json) {
  RemainingTime r;
  r.in_working_days = json.contains("working_days");
  r.working_days = json.value("working_days", 0);
  r.time_of_day_millis = json.value("time_of_day_ms", int64_t{0});
  r.millis = json.value("millis", int64_t{0});
  return r;
}

Result<Json> SuspendDeadline(WriteTxn& txn, const Calendar& calendar, const CaseRecord& c,
                             InstanceId instance_id, const std::string& kind,
                             const std::string& key, Instant now) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<Running> running,
                          FindRunning(txn, c, instance_id, kind, key));
  if (!running) return Ignored(kind, key, "not running");
  PausedDeadline paused;
  paused.instance_id = running->instance_id;
  paused.case_id = c.id;
  paused.kind = kind;
  paused.key = key;
  paused.paused_at = now;
  paused.due = running->due;
  SOUHRA_ASSIGN_OR_RETURN(paused.rule, RuleOf(txn, c.id, kind, key, running->due));
  paused.remaining =
      calendar.Remaining(now, running->due, CountsWorkingDays(paused.rule), c.tenant);
  paused.scope_state = running->scope_state;
  paused.keep = running->keep;
  SOUHRA_RETURN_IF_ERROR(txn.PutPausedDeadline(paused));
  if (kind == "timer") {
    SOUHRA_RETURN_IF_ERROR(txn.DeleteTimer(instance_id, key));
  } else {
    // A paused task neither reminds nor falls overdue.
    SOUHRA_RETURN_IF_ERROR(txn.SetTaskDue(running->task->id, std::nullopt));
    SOUHRA_RETURN_IF_ERROR(DeleteTaskTimers(txn, *running->task));
  }
  return Json{
      {"kind", kind},        {"key", key},     {"due", FormatUtc(paused.due)},
      {"rule", paused.rule}, {"paused", true}, {"remaining", RemainingJson(paused.remaining)}};
}

Result<Json> ResumePausedDeadline(WriteTxn& txn, const Calendar& calendar, const CaseRecord& c,
                                  InstanceId instance_id, const std::string& kind,
                                  const std::string& key, Instant now) {
  std::optional<TaskRecord> task;
  if (kind == "task") {
    SOUHRA_ASSIGN_OR_RETURN(task, txn.FindOpenTask(c.id, key));
    if (!task) return Ignored(kind, key, "no open task");
    instance_id = task->instance_id;
  }
  SOUHRA_ASSIGN_OR_RETURN(std::optional<PausedDeadline> paused,
                          txn.FindPausedDeadline(instance_id, kind, key));
  if (!paused) return Ignored(kind, key, "not paused");
  SOUHRA_ASSIGN_OR_RETURN(DueDate due, calendar.Resume(now, paused->remaining, c.tenant));
  SOUHRA_RETURN_IF_ERROR(txn.DeletePausedDeadline(instance_id, kind, key));
  if (task) {
    SOUHRA_RETURN_IF_ERROR(txn.SetTaskDue(task->id, due.due));
    SOUHRA_RETURN_IF_ERROR(
        ScheduleResumedTask(txn, calendar, c, *task, due.due, paused->rule, now));
  } else {
    TimerRecord timer{instance_id, c.id, key, due.due, paused->scope_state, paused->keep};
    SOUHRA_RETURN_IF_ERROR(txn.PutTimer(timer));
  }
  return Json{{"kind", kind},
              {"key", key},
              {"due", FormatUtc(due.due)},
              {"rule", paused->rule},
              {"resumed",
               {{"paused_at", FormatUtc(paused->paused_at)},
                {"remaining", RemainingJson(paused->remaining)}}}};
}

}  // namespace souhra
