// Definitions per tenant: the active ones, validating a text as the methodologist types, and
// installing a new active version.
#include "engine/definition_loader.h"
#include "web/api_routes.h"
#include "web/json_body.h"

namespace souhra {
namespace {

const std::vector<std::string> kMethodologist = {"methodologist"};

// What the tenant's active definitions define, so that references to them validate.
Result<ValidationContext> ContextOf(WebServices& services, const std::string& tenant) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> active,
                          services.store->ListActiveDefinitions(tenant));
  ValidationContext context;
  for (const DefinitionSource& d : active) {
    Result<LoadedDefinition> loaded =
        LoadDefinition(d.file, d.source, SandboxLimits{}, ValidationContext{});
    if (!loaded.ok()) continue;
    (loaded->workflow ? context.workflows : context.rule_sets).insert(d.name);
  }
  return context;
}

Result<ApiReply> Validate(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(call.request.body, {"file", "source"}));
  SOUHRA_ASSIGN_OR_RETURN(std::string file, body.OptionalString("file"));
  if (file.empty()) file = "definition.lua";
  if (!body.Has("source")) return InvalidArgument("field 'source' is required");
  SOUHRA_ASSIGN_OR_RETURN(std::string source, body.OptionalString("source"));
  SOUHRA_ASSIGN_OR_RETURN(ValidationContext context,
                          ContextOf(call.services, call.principal.tenant));
  std::vector<Diagnostic> diagnostics;
  Result<LoadedDefinition> loaded =
      LoadDefinition(file, source, SandboxLimits{}, context, &diagnostics);
  Json list = Json::array();
  for (const Diagnostic& d : diagnostics) {
    list.push_back(Json{{"file", d.pos.file}, {"line", d.pos.line}, {"message", d.message}});
  }
  if (!loaded.ok() && list.empty()) {
    list.push_back(Json{{"file", file}, {"line", 0}, {"message", loaded.status().message()}});
  }
  Json reply{{"valid", loaded.ok()}, {"diagnostics", std::move(list)}};
  if (loaded.ok()) {
    reply["name"] = loaded->name();
    reply["kind"] = loaded->workflow ? "workflow" : "rule_set";
  }
  return ApiReply::Ok(std::move(reply));
}

Result<ApiReply> Install(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(call.request.body, {"file", "source"}));
  SOUHRA_ASSIGN_OR_RETURN(std::string file, body.RequiredString("file"));
  SOUHRA_ASSIGN_OR_RETURN(std::string source, body.RequiredString("source"));
  call.target = "definition_file:" + file;
  SOUHRA_ASSIGN_OR_RETURN(Applied applied,
                          call.services.engine->Install(call.principal.tenant, file, source));
  call.target = "definition:" + applied.outcome.value("name", "") + "@" +
                applied.outcome.value("version", "");
  return ApiReply::Ok(Json{{"outcome", applied.outcome}}, 201);
}

}  // namespace

void AddDefinitionRoutes(ApiRouter& router) {
  router.Get("/api/v1/definitions", {}, [](ApiCall& call) -> Result<ApiReply> {
    SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> active,
                            call.services.store->ListActiveDefinitions(call.principal.tenant));
    Json list = Json::array();
    for (const DefinitionSource& d : active) {
      list.push_back(Json{{"name", d.name}, {"file", d.file}, {"version", d.content_hash}});
    }
    return ApiReply::Ok(Json{{"definitions", std::move(list)}});
  });
  router.Get("/api/v1/definitions/{name}", {}, [](ApiCall& call) -> Result<ApiReply> {
    SOUHRA_ASSIGN_OR_RETURN(
        std::optional<DefinitionSource> d,
        call.services.store->GetActiveDefinition(call.principal.tenant, call.Param(0)));
    if (!d) return NotFound("definition '" + call.Param(0) + "' not found");
    return ApiReply::Ok(Json{
        {"name", d->name}, {"file", d->file}, {"version", d->content_hash}, {"source", d->source}});
  });
  router.Post("/api/v1/definitions/validate", kMethodologist, &Validate);
  router.Post("/api/v1/definitions", kMethodologist, &Install);
}

}  // namespace souhra
