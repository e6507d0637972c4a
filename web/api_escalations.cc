// The coordinator's escalations: instances of workflow "escalation" not yet resolved, and
// acknowledging or resolving them (events posted to the case).
#include <algorithm>

#include "web/api_routes.h"
#include "web/case_access.h"
#include "web/case_view.h"
#include "web/json_body.h"

namespace souhra {
namespace {

constexpr char kEscalationWorkflow[] = "escalation";
const std::vector<std::string> kOpenStates = {"open", "acknowledged", "with_head"};

Result<ApiReply> ListEscalations(ApiCall& call) {
  InstanceStateQuery query;
  query.tenant = call.principal.tenant;
  query.workflow = kEscalationWorkflow;
  const std::string status = call.Query("status");
  if (status.empty() || status == "open") {
    query.states = kOpenStates;
  } else if (std::find(kOpenStates.begin(), kOpenStates.end(), status) != kOpenStates.end()) {
    query.states = {status};
  } else {
    return InvalidArgument("Eskalace lze filtrovat jen na otevřené, převzaté a předané vedoucímu.");
  }
  SOUHRA_ASSIGN_OR_RETURN(std::vector<CaseInstance> rows,
                          call.services.worklists->ListInstancesInStates(query));
  Json list = Json::array();
  for (const CaseInstance& row : rows) {
    // The case data the workflow keeps about the escalation (workflows/escalation.lua).
    const Json& data = row.case_record.data;
    const Json escalation = data.contains("escalation") && data["escalation"].is_object()
                                ? data["escalation"]
                                : Json::object();
    auto field = [&](const char* name) {
      return escalation.contains(name) ? escalation[name] : Json();
    };
    Json item{{"instance_id", row.instance.id},
              {"state", row.instance.state},
              {"reason", field("reason")},
              {"note", field("note")},
              {"raised_at", field("raised_at")},
              {"raised_by", field("raised_by")},
              {"acknowledged_at", field("acknowledged_at")},
              {"escalation", escalation},
              {"case", CaseSummaryJson(row.case_record)}};
    list.push_back(std::move(item));
  }
  return ApiReply::Ok(Json{{"escalations", std::move(list)}});
}

Result<ApiReply> PostEscalationEvent(ApiCall& call, const std::string& type, bool resolution) {
  SOUHRA_ASSIGN_OR_RETURN(CaseId id, ParseId(call.Param(0), "case"));
  call.target = "case:" + std::to_string(id) + " event:" + type;
  std::vector<std::string> fields = {"idempotency_key"};
  if (resolution) fields.insert(fields.end(), {"resolution", "note"});
  SOUHRA_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(call.request.body, fields));
  SOUHRA_ASSIGN_OR_RETURN(CaseRecord c, VisibleCase(call.services, call.principal, id));
  EventRequest request;
  request.case_id = c.id;
  request.type = type;
  if (resolution) {
    SOUHRA_ASSIGN_OR_RETURN(std::string text, body.RequiredString("resolution"));
    request.payload["resolution"] = text;
    SOUHRA_ASSIGN_OR_RETURN(std::string note, body.OptionalString("note"));
    if (!note.empty()) request.payload["note"] = note;
  }
  SOUHRA_ASSIGN_OR_RETURN(request.idempotency_key, body.OptionalString("idempotency_key"));
  request.actor = call.principal.StepActor();
  SOUHRA_ASSIGN_OR_RETURN(Applied applied, call.services.engine->Submit(request, call.Audit()));
  return ApiReply::Ok(
      Json{{"seq", applied.seq}, {"repeated", applied.repeated}, {"outcome", applied.outcome}});
}

}  // namespace

void AddEscalationRoutes(ApiRouter& router) {
  const std::vector<std::string> roles = {"coordinator", "head"};
  router.Get("/api/v1/escalations", roles, &ListEscalations);
  router.Post("/api/v1/escalations/{case_id}/acknowledge", roles, [](ApiCall& call) {
    return PostEscalationEvent(call, "escalation.acknowledged", false);
  });
  router.Post("/api/v1/escalations/{case_id}/resolve", roles,
              [](ApiCall& call) { return PostEscalationEvent(call, "escalation.resolved", true); });
}

}  // namespace souhra
