// What happens to human tasks outside a workflow step: a reminder rung firing, and a person
// reassigning a task. Neither is routed to the workflow; each writes its own event-log row
// ("task.<key>.reminder", "task.<key>.reassigned") inside the engine's write transaction and
// does not commit.
#pragma once

#include <string>

#include "engine/runtime/case_processor.h"
#include "engine/write_txn.h"

namespace souhra {

struct TaskReassignment {
  CaseId case_id = 0;
  std::string task;      // the task's key
  std::string assignee;  // a case role ("coordinator") or "user:<login>"
  std::string actor = "system";
};

// Writes the reminder of rung `rung` (from 1) of the open `task` to the outbox and logs it:
// to the rung's recipient, else to the task's assignee as it is now, so reminders follow a
// reassignment; with the rung's template. `request` is the timer event that fired it (actor, due).
Result<Applied> ApplyReminder(WriteTxn& txn, const EventRequest& request, const CaseRecord& c,
                              const TaskRecord& task, size_t rung, Instant now);

// Logs a fired task timer whose task is no longer open (`type` is the event it would have been)
// so that it counts as fired, changing nothing else.
Result<Applied> LogStaleTaskTimer(WriteTxn& txn, const EventRequest& request,
                                  const std::string& type, Instant now);

// Gives the open task another assignee. kInvalidArgument for an unknown role or an empty
// login, kNotFound for an unknown case, kConflict when the case has no such open task or it is
// already assigned to `assignee`.
Result<Applied> ReassignTask(WriteTxn& txn, const TaskReassignment& request, Instant now);

}  // namespace souhra
