// Definitions per tenant: listing them with their versions, one with its versions and where its
// instances are, validating a text as the methodologist types, and saving a draft version.
// Activation, diffs, scenario runs and diagrams of versions: web/api_definition_versions.cc.
#include <map>

#include "engine/definitions/definition_loader.h"
#include "web/api_routes.h"
#include "web/definition_lookup.h"
#include "web/json_body.h"

namespace souhra {
namespace {

const std::vector<std::string> kMethodologist = {"methodologist"};

Result<ApiReply> Validate(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(call.request.body, {"file", "source"}));
  SOUHRA_ASSIGN_OR_RETURN(std::string file, body.OptionalString("file"));
  if (file.empty()) file = "definition.lua";
  if (!body.Has("source")) return InvalidArgument("Chybí text definice (položka „source“).");
  SOUHRA_ASSIGN_OR_RETURN(std::string source, body.OptionalString("source"));
  SOUHRA_ASSIGN_OR_RETURN(ValidationContext context,
                          ActiveContext(*call.services.versions, call.principal.tenant));
  std::vector<Diagnostic> diagnostics;
  Result<LoadedDefinition> loaded =
      LoadDefinition(file, source, SandboxLimits{}, context, &diagnostics);
  Json reply{{"valid", loaded.ok()},
             {"diagnostics", DiagnosticsJson(diagnostics, file, loaded.status())}};
  if (loaded.ok()) {
    reply["name"] = loaded->name();
    reply["kind"] = loaded->workflow ? "workflow" : "rule_set";
  }
  return ApiReply::Ok(std::move(reply));
}

// Saves a draft; never activates it. An invalid text is refused with the loader's diagnostics.
Result<ApiReply> SaveDraft(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(call.request.body, {"file", "source"}));
  SOUHRA_ASSIGN_OR_RETURN(std::string file, body.RequiredString("file"));
  SOUHRA_ASSIGN_OR_RETURN(std::string source, body.RequiredString("source"));
  call.target = "definition_file:" + file;
  SOUHRA_ASSIGN_OR_RETURN(ValidationContext context,
                          ActiveContext(*call.services.versions, call.principal.tenant));
  std::vector<Diagnostic> diagnostics;
  Result<LoadedDefinition> loaded =
      LoadDefinition(file, source, SandboxLimits{}, context, &diagnostics);
  if (!loaded.ok()) {
    // Refused like a script that failed (422), with every diagnostic.
    ApiReply reply = ApiReply::Error(Status(StatusCode::kScriptError, loaded.status().message()),
                                     "invalid_definition");
    reply.body["diagnostics"] = DiagnosticsJson(diagnostics, file, loaded.status());
    return reply;
  }
  SOUHRA_ASSIGN_OR_RETURN(
      DefinitionChange change,
      call.services.engine->SaveDraft(call.principal.tenant, file, source, call.principal.Actor(),
                                      call.Audit([](const Applied& applied) {
                                        return "definition:" + applied.definition.name + "@" +
                                               applied.definition.version;
                                      })));
  call.target = "definition:" + change.name + "@" + change.version;
  // Saving a stored version's text again leaves it as it is (e.g. active).
  SOUHRA_ASSIGN_OR_RETURN(
      std::vector<DefinitionSource> versions,
      call.services.versions->ListDefinitionVersions(call.principal.tenant, change.name));
  std::string state = "draft";
  for (const DefinitionSource& d : versions) {
    if (d.content_hash == change.version) state = DefinitionStateName(d.state());
  }
  Json saved = {{"name", change.name}, {"version", change.version},
                {"kind", change.kind}, {"created", change.created},
                {"file", file},        {"status", state}};
  return ApiReply::Ok(std::move(saved), change.created ? 201 : 200);
}

// Every name of the tenant with its active version (if any) and all its versions.
Result<ApiReply> List(ApiCall& call) {
  DefinitionVersions& stored = *call.services.versions;
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> all,
                          stored.ListDefinitionVersions(call.principal.tenant, ""));
  std::map<std::string, std::vector<DefinitionSource>> by_name;
  for (DefinitionSource& d : all) by_name[d.name].push_back(std::move(d));
  SOUHRA_ASSIGN_OR_RETURN(
      std::vector<ActivationRequest> requests,
      call.services.activation_requests->ListActivationRequests(call.principal.tenant, false));
  Json list = Json::array();
  for (const auto& [name, versions] : by_name) {
    SOUHRA_ASSIGN_OR_RETURN(std::vector<VersionStateCount> counts,
                            stored.CountActiveInstances(call.principal.tenant, name));
    Json item{{"name", name}, {"file", versions.back().file}, {"version", nullptr}};
    for (const DefinitionSource& d : versions) {
      if (!d.active) continue;
      item["version"] = d.content_hash;
      item["file"] = d.file;
    }
    item["versions"] = VersionsJson(versions, counts, requests);
    list.push_back(std::move(item));
  }
  return ApiReply::Ok(Json{{"definitions", std::move(list)}});
}

// The active version's source (the newest draft's too when one was saved after it), every
// version, and how many active instances sit in each state of the active version.
Result<ApiReply> Detail(ApiCall& call) {
  const std::string& tenant = call.principal.tenant;
  const std::string name = call.Param(0);
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> versions,
                          call.services.versions->ListDefinitionVersions(tenant, name));
  if (versions.empty())
    return NotFound("Definice „" + name + "“ neexistuje. Načtěte seznam definic znovu.");
  SOUHRA_ASSIGN_OR_RETURN(std::vector<VersionStateCount> counts,
                          call.services.versions->CountActiveInstances(tenant, name));
  SOUHRA_ASSIGN_OR_RETURN(std::vector<ActivationRequest> requests,
                          call.services.activation_requests->ListActivationRequests(tenant, false));
  Json reply{{"name", name},
             {"file", versions.back().file},
             {"version", nullptr},
             {"versions", VersionsJson(versions, counts, requests)}};
  Json states = Json::object();
  for (const DefinitionSource& d : versions) {
    if (!d.active) continue;
    reply["version"] = d.content_hash;
    reply["file"] = d.file;
    reply["source"] = d.source;
    for (const VersionStateCount& c : counts) {
      if (c.content_hash == d.content_hash) states[c.state] = c.count;
    }
  }
  reply["states"] = std::move(states);
  if (versions.back().state() == DefinitionState::kDraft) {
    reply["draft_version"] = versions.back().content_hash;
    reply["draft_source"] = versions.back().source;
  }
  return ApiReply::Ok(std::move(reply));
}

}  // namespace

void AddDefinitionRoutes(ApiRouter& router) {
  router.Get("/api/v1/definitions", {}, &List);
  router.Get("/api/v1/definitions/{name}", {}, &Detail);
  router.Post("/api/v1/definitions/validate", kMethodologist, &Validate);
  router.Post("/api/v1/definitions", kMethodologist, &SaveDraft);
  AddDefinitionVersionRoutes(router);
}

}  // namespace souhra
