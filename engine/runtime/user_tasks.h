// "My tasks": the open tasks a user holds, directly or through a role in the case, with their
// due state counted in Prague days.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/calendar.h"
#include "engine/store.h"

namespace souhra {

enum class DueState {
  kOverdue,   // due at or before now
  kDueToday,  // due later today (the Prague day of now)
  kUpcoming,  // due on a later day, or without a due time
};

// "overdue", "due_today", "upcoming".
const char* DueStateName(DueState state);

struct UserTask {
  TaskRecord task;
  DueState due_state = DueState::kUpcoming;
};

// The open tasks of `tenant` held by `login` (see UserTaskQuery): overdue first, then due today,
// then upcoming, each by due time. With `only`, just the tasks in that state. Errors as the
// Worklists' queries.
Result<std::vector<UserTask>> ListUserTasks(Worklists& worklists, const Calendar& calendar,
                                            const std::string& tenant, const std::string& login,
                                            const std::vector<std::string>& roles,
                                            std::optional<DueState> only, Instant now);

}  // namespace souhra
