// "My tasks": listing, completing and reassigning human tasks.
#include <map>

#include "engine/runtime/permissions.h"
#include "engine/runtime/user_tasks.h"
#include "web/api_routes.h"
#include "web/case_access.h"
#include "web/case_view.h"
#include "web/json_body.h"

namespace souhra {
namespace {

Result<std::optional<DueState>> DueFilter(const std::string& text) {
  if (text.empty()) return std::optional<DueState>();
  if (text == "overdue") return std::optional<DueState>(DueState::kOverdue);
  if (text == "today") return std::optional<DueState>(DueState::kDueToday);
  if (text == "upcoming") return std::optional<DueState>(DueState::kUpcoming);
  return InvalidArgument("Úkoly lze filtrovat jen na ty po termínu, dnešní a nadcházející.");
}

Result<ApiReply> ListTasks(ApiCall& call) {
  std::string login = call.Query("assignee");
  if (login.empty() || login == "me") login = call.principal.login;
  if (login != call.principal.login && !call.principal.HasAnyRole(kTenantWideRoles)) {
    return PermissionDenied("Úkoly jiných lidí vidí jen koordinátor podpory a vedoucí odboru.");
  }
  SOUHRA_ASSIGN_OR_RETURN(std::optional<DueState> only, DueFilter(call.Query("due")));
  WebServices& s = call.services;
  // A task for a role the case gives nobody is for everyone holding that role (the head's
  // assignments of new referrals).
  std::vector<std::string> roles = call.principal.roles;
  if (login != call.principal.login) {
    SOUHRA_ASSIGN_OR_RETURN(std::optional<UserRecord> user,
                            s.directory->GetUser(call.principal.tenant, login));
    roles = user ? user->roles : std::vector<std::string>{};
  }
  SOUHRA_ASSIGN_OR_RETURN(std::vector<UserTask> tasks,
                          ListUserTasks(*s.worklists, *s.calendar, call.principal.tenant, login,
                                        roles, only, call.Now()));
  Json list = Json::array();
  std::map<CaseId, std::string> codes;  // a case with several tasks is read once
  for (const UserTask& t : tasks) {
    Json item = TaskJson(t.task);
    item["due_state"] = DueStateName(t.due_state);
    auto code = codes.find(t.task.case_id);
    if (code == codes.end()) {
      SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> c, s.cases->GetCase(t.task.case_id));
      code = codes.emplace(t.task.case_id, c ? c->code : "").first;
    }
    item["case_code"] = code->second;
    list.push_back(std::move(item));
  }
  return ApiReply::Ok(Json{{"assignee", login}, {"tasks", std::move(list)}});
}

// The open task `id` on a case the principal sees, else kNotFound.
Result<TaskRecord> VisibleOpenTask(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(int64_t id, ParseId(call.Param(0), "task"));
  call.target = "task:" + std::to_string(id);
  SOUHRA_ASSIGN_OR_RETURN(std::optional<TaskRecord> task, call.services.cases->GetTask(id));
  if (!task) return NotFound("Tento úkol neexistuje; načtěte úkoly znovu.");
  SOUHRA_ASSIGN_OR_RETURN(CaseRecord c, VisibleCase(call.services, call.principal, task->case_id));
  call.target += " case:" + std::to_string(c.id);
  if (task->status != TaskStatus::kOpen) {
    return Conflict(
        "Úkol „" + task->title +
        "“ už není otevřený; možná ho mezitím dokončil někdo jiný. Načtěte úkoly znovu.");
  }
  return std::move(*task);
}

Result<ApiReply> CompleteTask(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(JsonBody body,
                          JsonBody::Parse(call.request.body, {"result", "idempotency_key"}));
  SOUHRA_ASSIGN_OR_RETURN(TaskRecord task, VisibleOpenTask(call));
  EventRequest request;
  request.case_id = task.case_id;
  request.type = "task." + task.key + ".done";
  SOUHRA_ASSIGN_OR_RETURN(request.payload, body.OptionalObject("result"));
  SOUHRA_ASSIGN_OR_RETURN(request.idempotency_key, body.OptionalString("idempotency_key"));
  // A double click completes the task once.
  if (request.idempotency_key.empty()) {
    request.idempotency_key = "complete-task-" + std::to_string(task.id);
  }
  request.actor = call.principal.StepActor();
  SOUHRA_ASSIGN_OR_RETURN(Applied applied, call.services.engine->Submit(request, call.Audit()));
  return ApiReply::Ok(
      Json{{"seq", applied.seq}, {"repeated", applied.repeated}, {"outcome", applied.outcome}});
}

Result<ApiReply> Reassign(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(call.request.body, {"assignee"}));
  SOUHRA_ASSIGN_OR_RETURN(std::string assignee, body.RequiredString("assignee"));
  SOUHRA_ASSIGN_OR_RETURN(TaskRecord task, VisibleOpenTask(call));
  // Coordinators and heads hand out work; anyone else only passes on a task that is theirs.
  if (!call.principal.HasAnyRole(kTenantWideRoles)) {
    SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> c,
                            call.services.cases->GetCase(task.case_id));
    SOUHRA_RETURN_IF_ERROR(
        MayCompleteTask(call.principal.StepActor(), c ? c->data : Json::object(), task));
  }
  if (assignee.rfind("user:", 0) == 0) {
    SOUHRA_ASSIGN_OR_RETURN(
        std::optional<UserRecord> user,
        call.services.directory->GetUser(call.principal.tenant, assignee.substr(5)));
    if (!user || !user->active) {
      return InvalidArgument(
          "Úkol lze předat jen uživateli, který v obci pracuje; vyberte jiného.");
    }
  }
  TaskReassignment request;
  request.case_id = task.case_id;
  request.task = task.key;
  request.assignee = assignee;
  request.actor = call.principal.Actor();
  SOUHRA_ASSIGN_OR_RETURN(Applied applied,
                          call.services.engine->ReassignTask(request, call.Audit()));
  return ApiReply::Ok(Json{{"seq", applied.seq}, {"outcome", applied.outcome}});
}

}  // namespace

void AddTaskRoutes(ApiRouter& router) {
  router.Get("/api/v1/tasks", kCaseRoles, &ListTasks);
  router.Post("/api/v1/tasks/{id}/complete", kCaseRoles, &CompleteTask);
  router.Post("/api/v1/tasks/{id}/reassign", kCaseRoles, &Reassign);
}

}  // namespace souhra
