// Cases: a referral starts one, lists and case files, and events posted to a case.
#include "web/api_routes.h"
#include "web/case_access.h"
#include "web/case_view.h"
#include "web/json_body.h"
#include "web/query_numbers.h"

namespace souhra {
namespace {

constexpr int kMaxListed = 200;

// A case started by a social worker or case manager names them in its people, so that they see
// the case they referred; coordinators and heads see every case anyway.
void NameReferrer(const Principal& principal, Json& data) {
  if (principal.HasAnyRole(kTenantWideRoles)) return;
  Json& people = data["people"];
  if (!people.is_object()) people = Json::object();
  for (const auto& [role, who] : people.items()) {
    if (who == principal.Actor()) return;
  }
  const char* role = principal.HasRole("case_manager") ? "case_manager" : "social_worker";
  if (!people.contains(role)) people[role] = principal.Actor();
}

Result<ApiReply> CreateCase(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(JsonBody body,
                          JsonBody::Parse(call.request.body, {"code", "workflow", "data"}));
  NewCase request;
  request.tenant = call.principal.tenant;
  SOUHRA_ASSIGN_OR_RETURN(request.code, body.RequiredString("code"));
  SOUHRA_ASSIGN_OR_RETURN(request.workflow, body.OptionalString("workflow"));
  if (request.workflow.empty()) request.workflow = "intake";
  SOUHRA_ASSIGN_OR_RETURN(request.data, body.OptionalObject("data"));
  // The referral is all a case starts with; its people are assigned in the case's steps.
  for (const auto& [key, value] : request.data.items()) {
    if (key != "referral") {
      return InvalidArgument("Nový případ nese jen údaje podnětu (data.referral), ne „" + key +
                             "“; lidé případu se přidělují v jeho krocích.");
    }
  }
  NameReferrer(call.principal, request.data);
  request.actor = call.principal.StepActor();
  call.target = "case_code:" + request.code;
  SOUHRA_ASSIGN_OR_RETURN(Applied applied, call.services.engine->CreateCase(
                                               request, call.Audit([](const Applied& applied) {
                                                 return "case:" + std::to_string(applied.case_id);
                                               })));
  call.target = "case:" + std::to_string(applied.case_id);
  // A repeat of someone else's referral: for whoever may not see that case, its code is taken.
  Result<CaseRecord> c = VisibleCase(call.services, call.principal, applied.case_id);
  if (!c.ok() && c.status().code() == StatusCode::kNotFound) return CodeTaken(request.code);
  if (!c.ok()) return c.status();
  return ApiReply::Ok(Json{{"case", CaseSummaryJson(*c)},
                           {"repeated", applied.repeated},
                           {"outcome", applied.outcome}},
                      applied.repeated ? 200 : 201);
}

Result<ApiReply> ListCases(ApiCall& call) {
  CaseQuery query;
  query.tenant = call.principal.tenant;
  const bool mine = call.Query("mine") == "1" || call.Query("mine") == "true";
  if (mine || !call.principal.HasAnyRole(kTenantWideRoles)) query.login = call.principal.login;
  query.open_only = call.Query("open") == "1" || call.Query("open") == "true";
  SOUHRA_ASSIGN_OR_RETURN(query.before, QueryNumber(call, "before", 0));
  SOUHRA_ASSIGN_OR_RETURN(const int64_t limit, QueryNumber(call, "limit", 50, kMaxListed));
  query.limit = static_cast<int>(limit);
  SOUHRA_ASSIGN_OR_RETURN(std::vector<CaseRecord> cases, call.services.worklists->ListCases(query));
  Json list = Json::array();
  for (const CaseRecord& c : cases) {
    Json item = CaseSummaryJson(c);
    SOUHRA_ASSIGN_OR_RETURN(std::vector<InstanceRecord> instances,
                            call.services.cases->ListInstances(c.id));
    item["states"] = Json::object();
    for (const InstanceRecord& i : instances) {
      if (i.active) item["states"][i.workflow] = i.state;
    }
    list.push_back(std::move(item));
  }
  Json body{{"cases", std::move(list)}};
  if (static_cast<int>(cases.size()) == query.limit) body["next_before"] = cases.back().id;
  return ApiReply::Ok(std::move(body));
}

Result<ApiReply> GetCase(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(CaseId id, ParseId(call.Param(0), "case"));
  call.target = "case:" + std::to_string(id);
  SOUHRA_ASSIGN_OR_RETURN(CaseRecord c, VisibleCase(call.services, call.principal, id));
  SOUHRA_ASSIGN_OR_RETURN(Json file, CaseFileJson(call.services, c));
  return ApiReply::Ok(std::move(file));
}

Result<ApiReply> PostEvent(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(CaseId id, ParseId(call.Param(0), "case"));
  call.target = "case:" + std::to_string(id);
  SOUHRA_ASSIGN_OR_RETURN(
      JsonBody body, JsonBody::Parse(call.request.body, {"type", "payload", "idempotency_key"}));
  EventRequest request;
  request.case_id = id;
  SOUHRA_ASSIGN_OR_RETURN(request.type, body.RequiredString("type"));
  SOUHRA_ASSIGN_OR_RETURN(request.payload, body.OptionalObject("payload"));
  SOUHRA_ASSIGN_OR_RETURN(request.idempotency_key, body.OptionalString("idempotency_key"));
  call.target += " event:" + request.type;
  // Timers belong to the scheduler: a person posting one would fire a deadline early.
  if (request.type.rfind("timer.", 0) == 0) {
    return InvalidArgument("Lhůty vyhodnocuje Souhra sama, když uplynou; ručně je spustit nelze.");
  }
  SOUHRA_ASSIGN_OR_RETURN(CaseRecord c, VisibleCase(call.services, call.principal, id));
  request.actor = call.principal.StepActor();
  SOUHRA_ASSIGN_OR_RETURN(Applied applied, call.services.engine->Submit(request, call.Audit()));
  return ApiReply::Ok(
      Json{{"seq", applied.seq}, {"repeated", applied.repeated}, {"outcome", applied.outcome}});
}

}  // namespace

void AddCaseRoutes(ApiRouter& router) {
  router.Post("/api/v1/cases", kCaseRoles, &CreateCase);
  router.Get("/api/v1/cases", kCaseRoles, &ListCases);
  // The case file with its history: who read it is recorded (docs/api.md, "Audit").
  router.AuditedGet("/api/v1/cases/{id}", kCaseRoles, &GetCase);
  router.Post("/api/v1/cases/{id}/events", kCaseRoles, &PostEvent);
}

}  // namespace souhra
