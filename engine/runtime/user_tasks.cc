#include "engine/runtime/user_tasks.h"

namespace souhra {

const char* DueStateName(DueState state) {
  switch (state) {
    case DueState::kOverdue:
      return "overdue";
    case DueState::kDueToday:
      return "due_today";
    case DueState::kUpcoming:
      return "upcoming";
  }
  return "upcoming";
}

Result<std::vector<UserTask>> ListUserTasks(Worklists& worklists, const Calendar& calendar,
                                            const std::string& tenant, const std::string& login,
                                            std::optional<DueState> only, Instant now) {
  // Due times are whole milliseconds, so "at or before now" ends where now + 1 ms begins.
  const Instant after_now = now + std::chrono::milliseconds(1);
  const Instant tomorrow = calendar.StartOfDay(now, 1);
  UserTaskQuery query{tenant, login, {}, std::nullopt, std::nullopt};
  if (only == DueState::kOverdue) query.due_until = after_now;
  if (only == DueState::kDueToday) query = {tenant, login, {}, after_now, tomorrow};
  if (only == DueState::kUpcoming) query.due_from = tomorrow;
  SOUHRA_ASSIGN_OR_RETURN(std::vector<TaskRecord> tasks, worklists.ListTasksForUser(query));
  // Ordered by due, the classes already come overdue, due today, upcoming.
  std::vector<UserTask> result;
  result.reserve(tasks.size());
  for (TaskRecord& task : tasks) {
    DueState state = DueState::kUpcoming;
    if (task.due && *task.due < after_now)
      state = DueState::kOverdue;
    else if (task.due && *task.due < tomorrow)
      state = DueState::kDueToday;
    result.push_back({std::move(task), state});
  }
  return result;
}

}  // namespace souhra
