// What may I do here: the steps the signed-in person may take now on a case, each with its form,
// and the referral form a new case starts with (engine/runtime/available_steps.h).
#include "engine/runtime/available_steps.h"
#include "engine/runtime/permissions.h"
#include "web/api_routes.h"
#include "web/case_access.h"
#include "web/workflow_cache.h"

namespace souhra {
namespace {

// Fills the options of user and actor fields from the tenant's directory: who may be chosen.
Status FillChoices(WebServices& s, const std::string& tenant, Json& fields) {
  for (Json& field : fields) {
    const std::string type = field.value("type", "");
    if (type == "rows") SOUHRA_RETURN_IF_ERROR(FillChoices(s, tenant, field["fields"]));
    if (type == "user") {
      SOUHRA_ASSIGN_OR_RETURN(std::vector<UserRecord> users, s.directory->ListUsers(tenant));
      Json options = Json::array();
      for (const UserRecord& u : users) {
        // An integration account has a role for its requests, but nobody to take on a case.
        if (!u.active || u.integration) continue;
        if (field.contains("role") && !u.HasRole(field["role"])) continue;
        options.push_back(Json{{"value", "user:" + u.login}, {"label", u.name}});
      }
      field["options"] = std::move(options);
    }
    if (type == "actor") {
      SOUHRA_ASSIGN_OR_RETURN(std::vector<ActorRecord> actors, s.directory->ListActors(tenant));
      Json options = Json::array();
      for (const ActorRecord& a : actors) {
        if (!a.active || (field.contains("kind") && field["kind"] != a.kind)) continue;
        const std::string label = a.organisation.empty() ? a.name : a.organisation + " – " + a.name;
        options.push_back(Json{{"value", "actor:" + a.id}, {"label", label}});
      }
      field["options"] = std::move(options);
    }
  }
  return Status::Ok();
}

Result<Json> FormFor(WebServices& s, const std::string& tenant, const std::optional<Form>& form) {
  if (!form) return Json();
  Json json = FormJson(*form);
  SOUHRA_RETURN_IF_ERROR(FillChoices(s, tenant, json["fields"]));
  return json;
}

Result<Json> StepJson(ApiCall& call, const AvailableStep& step) {
  const bool completes_task = step.type.starts_with("task.");
  Json item{
      {"kind", completes_task ? "task" : "event"}, {"type", step.type}, {"title", step.title}};
  SOUHRA_ASSIGN_OR_RETURN(item["form"], FormFor(call.services, call.principal.tenant, step.form));
  if (step.task) {
    item["task_id"] = step.task->id;
    if (step.task->due) {
      item["due"] = FormatUtc(*step.task->due);
      if (call.services.format_time) item["due_text"] = call.services.format_time(*step.task->due);
    }
  }
  return item;
}

// The steps of a closed case: only those that reopen it, from the tenant's active workflows.
Result<std::vector<AvailableStep>> ClosedCaseSteps(ApiCall& call, const CaseRecord& c) {
  WebServices& s = call.services;
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> active,
                          s.versions->ListActiveDefinitions(c.tenant));
  std::vector<std::shared_ptr<const Workflow>> held;
  std::vector<const Workflow*> workflows;
  for (const DefinitionSource& d : active) {
    Result<std::shared_ptr<const Workflow>> w = s.workflows->Active(*s.versions, c.tenant, d.name);
    if (!w.ok()) continue;  // a rule set
    workflows.push_back(w->get());
    held.push_back(std::move(*w));
  }
  return ReopeningSteps(call.principal.StepActor(), c, workflows);
}

Result<std::vector<AvailableStep>> OpenCaseSteps(ApiCall& call, const CaseRecord& c) {
  WebServices& s = call.services;
  SOUHRA_ASSIGN_OR_RETURN(std::vector<InstanceRecord> instances, s.cases->ListInstances(c.id));
  std::vector<std::shared_ptr<const Workflow>> held;
  std::vector<RunningInstance> running;
  for (const InstanceRecord& instance : instances) {
    if (!instance.active) continue;
    SOUHRA_ASSIGN_OR_RETURN(
        std::shared_ptr<const Workflow> workflow,
        s.workflows->Version(*s.versions, c.tenant, instance.workflow, instance.definition_hash));
    running.push_back({instance, workflow.get()});
    held.push_back(std::move(workflow));
  }
  SOUHRA_ASSIGN_OR_RETURN(std::vector<TaskRecord> tasks, s.cases->ListTasks(c.id));
  return AvailableSteps(call.principal.StepActor(), c, running, tasks);
}

Result<ApiReply> ListActions(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(CaseId id, ParseId(call.Param(0), "case"));
  SOUHRA_ASSIGN_OR_RETURN(CaseRecord c, VisibleCase(call.services, call.principal, id));
  SOUHRA_ASSIGN_OR_RETURN(std::vector<AvailableStep> steps,
                          c.closed ? ClosedCaseSteps(call, c) : OpenCaseSteps(call, c));
  Json actions = Json::array();
  for (const AvailableStep& step : steps) {
    SOUHRA_ASSIGN_OR_RETURN(Json item, StepJson(call, step));
    actions.push_back(std::move(item));
  }
  return ApiReply::Ok(Json{{"actions", std::move(actions)}});
}

Result<ApiReply> ReferralForm(ApiCall& call) {
  WebServices& s = call.services;
  SOUHRA_ASSIGN_OR_RETURN(std::shared_ptr<const Workflow> workflow,
                          s.workflows->Active(*s.versions, call.principal.tenant, call.Param(0)));
  if (!workflow->referral) {
    return NotFound("Proces „" + workflow->title + "“ nezačíná podnětem.");
  }
  SOUHRA_RETURN_IF_ERROR(
      MayTakeStep(call.principal.StepActor(), Json::object(), *workflow->referral));
  SOUHRA_ASSIGN_OR_RETURN(Json form, FormFor(s, call.principal.tenant, workflow->referral->form));
  return ApiReply::Ok(Json{{"title", workflow->referral->title}, {"form", std::move(form)}});
}

}  // namespace

void AddActionRoutes(ApiRouter& router) {
  router.Get("/api/v1/cases/{id}/actions", kCaseRoles, &ListActions);
  router.Get("/api/v1/workflows/{name}/referral", kCaseRoles, &ReferralForm);
}

}  // namespace souhra
