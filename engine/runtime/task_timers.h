// The reserved timers of human tasks.
//
// A task's reminder rungs and its overdue moment are ordinary durable timers of the instance that
// owns the task, under reserved keys, so they fire exactly once, catch up after downtime in due
// order and are found through the timers' due-time index like any other. They share the task's
// scope (scope_state, keep), so leaving the state cancels them with the task; closing the task
// otherwise (done, cancel, replaced) deletes them with DeleteTaskTimers. Workflow timers may not
// use keys starting with kTaskTimerPrefix (engine/definitions/definition.h).
#pragma once

#include <optional>
#include <string>

#include "engine/calendar.h"
#include "engine/definitions/reminder_ladder.h"
#include "engine/write_txn.h"

namespace souhra {

// "task:<key>:remind:<rung>", rungs counted from 1 in the order written.
std::string ReminderTimerKey(const std::string& task_key, size_t rung);
// "task:<key>:overdue".
std::string OverdueTimerKey(const std::string& task_key);

struct TaskTimerKey {
  std::string task;
  size_t rung = 0;  // 0: the overdue timer
};

// "task.<key><suffix>" -> key ("task.review.done", ".done" -> "review"), or "" for any other
// event type.
std::string TaskKeyOf(const std::string& type, const std::string& suffix);

// The task and rung a reserved timer key stands for; nullopt for any other key.
std::optional<TaskTimerKey> ParseTaskTimerKey(const std::string& timer_key);

// Deletes the pending overdue and reminder timers of `task`. Errors as WriteTxn::DeleteTimer.
Status DeleteTaskTimers(WriteTxn& txn, const TaskRecord& task);

// One reserved timer of a task, with how its time was counted.
struct ScheduledTaskTimer {
  TimerRecord timer;  // instance and case ids as in `task`
  DueDate due;
  std::string rule;  // "on the day", "5 working days before", or the task's own rule
};

// The timers of `task` (which has a due, counted by `rule`): its overdue moment and one timer per
// rung of `ladder`. A rung that would fire before `now` (a short deadline, a long ladder) is left
// out: the task is new to its assignee.
Result<std::vector<ScheduledTaskTimer>> ScheduleTaskTimers(const TaskRecord& task,
                                                           const std::string& rule,
                                                           const std::vector<Rung>& ladder,
                                                           const Calendar& calendar, Instant now,
                                                           const std::string& tenant);

}  // namespace souhra
