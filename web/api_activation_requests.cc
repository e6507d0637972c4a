// Four eyes on activation (engine/runtime/activation_requests.h): the requests that wait for a
// second person, each with the diff against the active version, and their approval or refusal.
// A methodologist asks through POST …/versions/{v}/activate (api_definition_versions.cc).
#include "engine/definitions/version_diff.h"
#include "web/api_routes.h"
#include "web/json_body.h"

namespace souhra {

Json ActivationRequestJson(const ActivationRequest& r) {
  return Json{{"id", r.id},
              {"name", r.name},
              {"version", r.version},
              {"active_version", r.active_version.empty() ? Json() : Json(r.active_version)},
              {"approver", r.approver},
              {"requested_by", r.requested_by},
              {"requested_at", FormatUtc(r.requested_at)},
              {"diff_sha256", r.diff_sha256},
              {"status", ActivationStatusName(r.status)},
              {"decided_by", r.decided_by.empty() ? Json() : Json(r.decided_by)},
              {"decided_at", r.decided_by.empty() ? Json() : Json(FormatUtc(r.decided_at))},
              {"reason", r.reason}};
}

namespace {

const std::vector<std::string> kDeciders = {"methodologist", "head"};

// What the audit row names: the version, the request, who asked and the diff's hash; the row's
// actor is whoever acted now.
std::string AuditTarget(const DefinitionChange& change) {
  std::string target = "definition:" + change.name + "@" + change.version;
  if (change.request) {
    target += " activation_request:" + std::to_string(change.request->id) +
              " requested_by:" + change.request->requested_by +
              " approver:" + change.request->approver;
  }
  return target + " diff_sha256:" + change.diff_sha256;
}

Result<int64_t> RequestId(ApiCall& call) {
  const std::string text = call.Param(0);
  if (text.empty() || text.size() > 18 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return NotFound("Žádost o aktivaci nebyla nalezena; obnovte stránku.");
  }
  return std::stoll(text);
}

// The request with the diff from the version active now to the one asked for, and its hash:
// what an approval must name. `stale` when the active version changed since it was asked.
Result<Json> WithDiff(ApiCall& call, const ActivationRequest& r) {
  Json j = ActivationRequestJson(r);
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> versions,
                          call.services.versions->ListDefinitionVersions(r.tenant, r.name));
  const DefinitionSource* active = nullptr;
  const DefinitionSource* asked = nullptr;
  for (const DefinitionSource& v : versions) {
    if (v.active) active = &v;
    if (v.content_hash == r.version) asked = &v;
  }
  if (asked == nullptr) return NotFound("Verze, o jejíž aktivaci se žádá, už neexistuje.");
  VersionDiff current = DiffVersions(r.name, active, *asked);
  j["diff"] = current.text;
  j["current_diff_sha256"] = current.sha256;
  j["stale"] = current.sha256 != r.diff_sha256;
  j["added"] = current.diff.added;
  j["removed"] = current.diff.removed;
  return j;
}

Result<ActivationRequest> FindRequest(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(int64_t id, RequestId(call));
  SOUHRA_ASSIGN_OR_RETURN(std::optional<ActivationRequest> found,
                          call.services.activation_requests->GetActivationRequest(id));
  if (!found || found->tenant != call.principal.tenant) {
    return NotFound("Žádost o aktivaci nebyla nalezena; obnovte stránku.");
  }
  return std::move(*found);
}

// ?status=pending (default) or all.
Result<ApiReply> List(ApiCall& call) {
  const std::string status = call.Query("status");
  if (!status.empty() && status != "pending" && status != "all") {
    return InvalidArgument("Parametr status může být pending, nebo all.");
  }
  SOUHRA_ASSIGN_OR_RETURN(std::vector<ActivationRequest> requests,
                          call.services.activation_requests->ListActivationRequests(
                              call.principal.tenant, status != "all"));
  Json list = Json::array();
  for (const ActivationRequest& r : requests) {
    list.push_back(ActivationRequestJson(r));
  }
  return ApiReply::Ok(Json{{"requests", std::move(list)}});
}

Result<ApiReply> Detail(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(ActivationRequest request, FindRequest(call));
  SOUHRA_ASSIGN_OR_RETURN(Json reply, WithDiff(call, request));
  return ApiReply::Ok(std::move(reply));
}

// {diff_sha256} to approve the diff that was shown; {reason} to refuse.
Result<ApiReply> Decide(ApiCall& call, bool approve) {
  SOUHRA_ASSIGN_OR_RETURN(int64_t id, RequestId(call));
  call.target = "activation_request:" + std::to_string(id);
  SOUHRA_ASSIGN_OR_RETURN(JsonBody body,
                          JsonBody::Parse(call.request.body, {approve ? "diff_sha256" : "reason"}));
  ActivationDecision decision;
  decision.request_id = id;
  decision.tenant = call.principal.tenant;
  decision.decided_by = call.principal.Actor();
  decision.roles = call.principal.roles;
  decision.approve = approve;
  SOUHRA_ASSIGN_OR_RETURN(decision.diff_sha256, body.OptionalString("diff_sha256"));
  SOUHRA_ASSIGN_OR_RETURN(decision.reason, body.OptionalString("reason"));
  SOUHRA_ASSIGN_OR_RETURN(
      DefinitionChange change,
      call.services.engine->DecideActivation(decision, call.Audit([](const Applied& applied) {
        return AuditTarget(applied.definition);
      })));
  return ApiReply::Ok(Json{{"request", ActivationRequestJson(*change.request)},
                           {"name", change.name},
                           {"version", change.version},
                           {"changed", change.changed},
                           {"status", approve ? "active" : "draft"}});
}

}  // namespace

std::string ActivationAuditTarget(const DefinitionChange& change) { return AuditTarget(change); }

void AddActivationRequestRoutes(ApiRouter& router) {
  router.Get("/api/v1/activation-requests", kDeciders, &List);
  router.Get("/api/v1/activation-requests/{id}", kDeciders, &Detail);
  router.Post("/api/v1/activation-requests/{id}/approve", kDeciders,
              [](ApiCall& call) { return Decide(call, true); });
  router.Post("/api/v1/activation-requests/{id}/refuse", kDeciders,
              [](ApiCall& call) { return Decide(call, false); });
}

}  // namespace souhra
