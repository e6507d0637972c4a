// Who read a case file: for the head, the case's read rows of the audit log (api_router.h,
// AuditedGet) with the readers' names from the directory.
#include <chrono>
#include <map>

#include "web/api_routes.h"
#include "web/case_access.h"

namespace souhra {
namespace {

constexpr int kMaxReadsListed = 200;
constexpr char kCaseFileRead[] = "GET /api/v1/cases/{id}";

// "user:novakova" → its name in the directory; a login no longer there stays as it is.
Result<std::string> ReaderName(WebServices& services, const std::string& tenant,
                               const std::string& actor) {
  const size_t colon = actor.find(':');
  if (colon == std::string::npos) return actor;
  const std::string login = actor.substr(colon + 1);
  SOUHRA_ASSIGN_OR_RETURN(std::optional<UserRecord> user,
                          services.directory->GetUser(tenant, login));
  return user ? user->name : login;
}

Result<ApiReply> ListCaseReads(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(CaseId id, ParseId(call.Param(0), "case"));
  SOUHRA_ASSIGN_OR_RETURN(CaseRecord c, VisibleCase(call.services, call.principal, id));
  SOUHRA_ASSIGN_OR_RETURN(
      std::vector<AuditRecord> rows,
      call.services.access->ListAuditOf(c.tenant, kCaseFileRead, "case:" + std::to_string(c.id),
                                        kMaxReadsListed));
  std::map<std::string, std::string> names;
  Json reads = Json::array();
  for (const AuditRecord& row : rows) {
    if (!names.contains(row.actor)) {
      SOUHRA_ASSIGN_OR_RETURN(names[row.actor], ReaderName(call.services, c.tenant, row.actor));
    }
    // To the minute: "st 1. 4. 2026 10:05", as people say when they were in the file.
    const Instant minute = std::chrono::floor<std::chrono::minutes>(row.at);
    reads.push_back(Json{{"at", FormatUtc(row.at)},
                         {"at_text", call.services.format_time ? call.services.format_time(minute)
                                                               : FormatUtc(minute)},
                         {"name", names[row.actor]},
                         {"via", row.actor.starts_with("token:") ? "token" : "session"},
                         {"read", row.outcome == "ok"}});
  }
  return ApiReply::Ok(Json{{"reads", std::move(reads)}});
}

}  // namespace

void AddCaseReadRoutes(ApiRouter& router) {
  router.Get("/api/v1/cases/{id}/reads", {"head"}, &ListCaseReads);
}

}  // namespace souhra
