#include "engine/runtime/task_actions.h"

#include <utility>

#include "engine/definitions/definition_loader.h"
#include "engine/definitions/reminder_ladder.h"

namespace souhra {
namespace {

Result<Applied> Log(WriteTxn& txn, EventRecord event, EventOutcome outcome) {
  event.outcome = outcome;
  SOUHRA_ASSIGN_OR_RETURN(int64_t seq, txn.AppendEvent(event));
  return Applied{seq, event.case_id, false, std::move(outcome), {}};
}

bool IsAssignee(const std::string& assignee) {
  const std::string user = "user:";
  return KnownRoles().count(assignee) != 0 ||
         (assignee.starts_with(user) && assignee.size() > user.size());
}

}  // namespace

Result<Applied> ApplyReminder(WriteTxn& txn, const EventRequest& request, const CaseRecord& c,
                              const TaskRecord& task, size_t rung, Instant now) {
  const std::string type = "task." + task.key + ".reminder";
  if (rung == 0 || rung > task.remind.size()) return LogStaleTaskTimer(txn, request, type, now);
  const Json& step = task.remind[rung - 1];
  OutboxRecord message;
  message.case_id = c.id;
  message.instance_id = task.instance_id;
  message.recipient = step.value("to", "");
  if (message.recipient.empty()) message.recipient = task.assignee;
  message.template_name = step.value("template", kReminderTemplate);
  message.created = now;
  message.payload = {{"case_code", c.code},
                     {"task", task.key},
                     {"title", task.title},
                     {"due", task.due ? FormatUtc(*task.due) : ""},
                     {"rung", rung}};
  // What a reminder to an actor is for, as the information rules ask (the rung's `purpose`).
  if (step.contains("purpose")) message.payload["purpose"] = step["purpose"];
  SOUHRA_RETURN_IF_ERROR(txn.InsertOutbox(message));

  EventRecord event;
  event.case_id = c.id;
  event.instance_id = task.instance_id;
  event.type = type;
  event.payload = {
      {"rung", rung}, {"when", step.value("when", "")}, {"offset", step.value("offset", "")}};
  event.actor = request.actor.ToString();
  event.at = now;
  event.due = request.due;
  EventOutcome outcome;
  outcome.reminded = message.recipient;
  outcome.reminder_template = message.template_name;
  return Log(txn, std::move(event), std::move(outcome));
}

Result<Applied> LogStaleTaskTimer(WriteTxn& txn, const EventRequest& request,
                                  const std::string& type, Instant now) {
  EventRecord event;
  event.case_id = request.case_id;
  event.instance_id = request.instance_id;
  event.type = type;
  event.actor = request.actor.ToString();
  event.at = now;
  event.due = request.due;
  EventOutcome outcome;
  outcome.ignored = "the task is no longer open";
  return Log(txn, std::move(event), std::move(outcome));
}

Result<Applied> ReassignTask(WriteTxn& txn, const TaskReassignment& request, Instant now) {
  if (!IsAssignee(request.assignee)) {
    return InvalidArgument("Úkol lze předat jen roli v případu nebo konkrétnímu uživateli.");
  }
  SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> c, txn.LoadCase(request.case_id));
  if (!c) return NotFound("case " + std::to_string(request.case_id) + " does not exist");
  SOUHRA_ASSIGN_OR_RETURN(std::optional<TaskRecord> task,
                          txn.FindOpenTask(request.case_id, request.task));
  if (!task) {
    return Conflict("Úkol už není otevřený; možná ho mezitím dokončil někdo jiný.");
  }
  if (task->assignee == request.assignee) {
    return Conflict("Úkol „" + task->title + "“ už má tohoto řešitele.");
  }
  SOUHRA_RETURN_IF_ERROR(txn.ReassignTask(task->id, request.assignee));

  EventRecord event;
  event.case_id = request.case_id;
  event.instance_id = task->instance_id;
  event.type = "task." + task->key + ".reassigned";
  event.payload = {{"from", task->assignee}, {"to", request.assignee}};
  event.actor = request.actor;
  event.at = now;
  EventOutcome outcome;
  outcome.reassigned_task = task->id;
  return Log(txn, std::move(event), std::move(outcome));
}

}  // namespace souhra
