#include "engine/runtime/task_timers.h"

#include <cstdlib>

namespace souhra {
namespace {

constexpr char kOverdueSuffix[] = ":overdue";
constexpr char kRemindInfix[] = ":remind:";

}  // namespace

std::string ReminderTimerKey(const std::string& task_key, size_t rung) {
  return kTaskTimerPrefix + task_key + kRemindInfix + std::to_string(rung);
}

std::string OverdueTimerKey(const std::string& task_key) {
  return kTaskTimerPrefix + task_key + kOverdueSuffix;
}

std::string TaskKeyOf(const std::string& type, const std::string& suffix) {
  const std::string prefix = "task.";
  if (type.size() <= prefix.size() + suffix.size() || !type.starts_with(prefix)) return "";
  if (!type.ends_with(suffix)) return "";
  return type.substr(prefix.size(), type.size() - prefix.size() - suffix.size());
}

std::optional<TaskTimerKey> ParseTaskTimerKey(const std::string& timer_key) {
  const std::string prefix = kTaskTimerPrefix;
  if (!timer_key.starts_with(prefix)) return std::nullopt;
  const std::string rest = timer_key.substr(prefix.size());
  const std::string overdue = kOverdueSuffix;
  if (rest.size() > overdue.size() && rest.ends_with(overdue)) {
    return TaskTimerKey{rest.substr(0, rest.size() - overdue.size()), 0};
  }
  const size_t infix = rest.rfind(kRemindInfix);
  if (infix == std::string::npos || infix == 0) return std::nullopt;
  const std::string number = rest.substr(infix + std::string(kRemindInfix).size());
  char* end = nullptr;
  const long rung = std::strtol(number.c_str(), &end, 10);
  if (number.empty() || *end != '\0' || rung < 1) return std::nullopt;
  return TaskTimerKey{rest.substr(0, infix), static_cast<size_t>(rung)};
}

Status DeleteTaskTimers(WriteTxn& txn, const TaskRecord& task) {
  SOUHRA_RETURN_IF_ERROR(txn.DeleteTimer(task.instance_id, OverdueTimerKey(task.key)));
  for (size_t rung = 1; rung <= task.remind.size(); ++rung) {
    SOUHRA_RETURN_IF_ERROR(txn.DeleteTimer(task.instance_id, ReminderTimerKey(task.key, rung)));
  }
  return Status::Ok();
}

Result<std::vector<ScheduledTaskTimer>> ScheduleTaskTimers(const TaskRecord& task,
                                                           const std::string& rule,
                                                           const std::vector<Rung>& ladder,
                                                           const Calendar& calendar, Instant now,
                                                           const std::string& tenant) {
  std::vector<ScheduledTaskTimer> timers;
  ScheduledTaskTimer overdue;
  overdue.timer = {task.instance_id, task.case_id,     OverdueTimerKey(task.key),
                   *task.due,        task.scope_state, task.keep};
  overdue.due.due = *task.due;
  overdue.rule = rule;
  timers.push_back(overdue);
  for (size_t i = 0; i < ladder.size(); ++i) {
    SOUHRA_ASSIGN_OR_RETURN(DueDate when, RungTime(calendar, ladder[i], *task.due, tenant));
    if (when.due <= now) continue;
    ScheduledTaskTimer rung = overdue;
    rung.timer.key = ReminderTimerKey(task.key, i + 1);
    rung.timer.due = when.due;
    rung.rule =
        ladder[i].when == RungWhen::kOnTheDay
            ? "on the day"
            : ladder[i].offset.text + (ladder[i].when == RungWhen::kBefore ? " before" : " after");
    rung.due = std::move(when);
    timers.push_back(std::move(rung));
  }
  return timers;
}

}  // namespace souhra
