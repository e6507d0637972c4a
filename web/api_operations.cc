// For the head and the administrator: the audit log; for them and the coordinator: incidents
// (events a definition failed on) with their retry.
#include "web/api_routes.h"
#include "web/case_access.h"
#include "web/query_numbers.h"

namespace souhra {
namespace {

const std::vector<std::string> kOverseers = {"head", "admin"};
// The coordinator sees and retries the incidents of their tenant too: their screen shows them.
const std::vector<std::string> kIncidentRoles = {"coordinator", "head", "admin"};

Json AuditJson(const AuditRecord& r) {
  return Json{{"id", r.id},         {"actor", r.actor},   {"at", FormatUtc(r.at)},
              {"action", r.action}, {"target", r.target}, {"outcome", r.outcome},
              {"client", r.client}};
}

Json IncidentJson(const IncidentRecord& i) {
  return Json{
      {"id", i.id},
      {"case_id", i.case_id},
      {"event", {{"type", i.event.type}, {"payload", i.event.payload}, {"actor", i.event.actor}}},
      {"error", i.error},
      {"created", FormatUtc(i.created)},
      {"status", i.status == IncidentStatus::kOpen ? "open" : "resolved"},
      {"attempts", i.attempts}};
}

Result<bool> InTenant(WebServices& services, const std::string& tenant, CaseId case_id) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> c, services.cases->GetCase(case_id));
  return c && c->tenant == tenant;
}

Result<ApiReply> ListAudit(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(const int64_t before, QueryNumber(call, "before", 0));
  SOUHRA_ASSIGN_OR_RETURN(std::vector<AuditRecord> records,
                          call.services.access->ListAudit(call.principal.tenant, before, 100));
  Json list = Json::array();
  for (const AuditRecord& r : records) list.push_back(AuditJson(r));
  return ApiReply::Ok(Json{{"audit", std::move(list)}});
}

Result<ApiReply> ListIncidents(ApiCall& call) {
  const bool all = call.Query("status") == "all";
  SOUHRA_ASSIGN_OR_RETURN(std::vector<IncidentRecord> incidents,
                          call.services.incidents->ListIncidents(!all));
  Json list = Json::array();
  for (const IncidentRecord& i : incidents) {
    SOUHRA_ASSIGN_OR_RETURN(bool mine, InTenant(call.services, call.principal.tenant, i.case_id));
    if (mine) list.push_back(IncidentJson(i));
  }
  return ApiReply::Ok(Json{{"incidents", std::move(list)}});
}

Result<ApiReply> RetryIncident(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(int64_t id, ParseId(call.Param(0), "incident"));
  call.target = "incident:" + std::to_string(id);
  SOUHRA_ASSIGN_OR_RETURN(std::optional<IncidentRecord> incident,
                          call.services.incidents->GetIncident(id));
  const std::string missing = "Tato chyba zpracování už neexistuje; načtěte seznam znovu.";
  if (!incident) return NotFound(missing);
  SOUHRA_ASSIGN_OR_RETURN(bool mine,
                          InTenant(call.services, call.principal.tenant, incident->case_id));
  if (!mine) return NotFound(missing);
  SOUHRA_ASSIGN_OR_RETURN(Applied applied, call.services.engine->RetryIncident(id, call.Audit()));
  return ApiReply::Ok(Json{{"seq", applied.seq}, {"outcome", applied.outcome}});
}

}  // namespace

void AddOperationsRoutes(ApiRouter& router) {
  router.Get("/api/v1/audit", kOverseers, &ListAudit);
  router.Get("/api/v1/incidents", kIncidentRoles, &ListIncidents);
  router.Post("/api/v1/incidents/{id}/retry", kIncidentRoles, &RetryIncident);
}

}  // namespace souhra
