// Working with one version of a definition: activating it, diffing two versions, running
// scenarios on it (usually a draft) and drawing its state diagram with instance counts.
#include <chrono>
#include <optional>

#include "adapters/graphviz/state_diagram.h"
#include "adapters/simulation/scenario_simulation.h"
#include "engine/definitions/activation_policy.h"
#include "engine/definitions/version_diff.h"
#include "web/api_routes.h"
#include "web/definition_lookup.h"
#include "web/json_body.h"

namespace souhra {
namespace {

const std::vector<std::string> kMethodologist = {"methodologist"};

// What one scenario run from the editor may take: anyone with the methodologist's role may start
// one, and they share the server with the case workers (the tool threads bound how many at once).
constexpr std::chrono::seconds kScenarioTimeBudget{10};

// Runs `work` on the tool threads (web/tool_runner.h) and answers what it answered.
Result<ApiReply> OnToolThread(ApiCall& call, const std::function<Result<ApiReply>()>& work) {
  Result<ApiReply> reply = Internal("the tool did not run");
  SOUHRA_RETURN_IF_ERROR(call.services.tools->Run([&] { reply = work(); }));
  return reply;
}

const char* KindName(DiffKind kind) {
  switch (kind) {
    case DiffKind::kAdded:
      return "added";
    case DiffKind::kRemoved:
      return "removed";
    case DiffKind::kKept:
      break;
  }
  return "kept";
}

Json HunksJson(const TextDiff& diff) {
  Json hunks = Json::array();
  for (const DiffHunk& h : diff.hunks) {
    Json lines = Json::array();
    for (const DiffLine& l : h.lines) {
      lines.push_back(Json{{"kind", KindName(l.kind)},
                           {"old_line", l.old_line},
                           {"new_line", l.new_line},
                           {"text", l.text}});
    }
    hunks.push_back(Json{{"old_start", h.old_start},
                         {"old_count", h.old_count},
                         {"new_start", h.new_start},
                         {"new_count", h.new_count},
                         {"lines", std::move(lines)}});
  }
  return hunks;
}

Result<std::vector<DefinitionSource>> VersionsOf(ApiCall& call, const std::string& name) {
  DefinitionVersions& stored = *call.services.versions;
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> versions,
                          stored.ListDefinitionVersions(call.principal.tenant, name));
  if (versions.empty())
    return NotFound("Definice „" + name + "“ neexistuje. Načtěte seznam definic znovu.");
  return versions;
}

// The tenant's `four_eyes` setting, read by the server, never taken from the request.
Result<bool> FourEyesForAllOf(ApiCall& call) {
  if (call.services.directory == nullptr) return false;
  SOUHRA_ASSIGN_OR_RETURN(std::optional<TenantRecord> tenant,
                          call.services.directory->GetTenant(call.principal.tenant));
  return tenant && FourEyesForAll(tenant->settings);
}

// Activates the version when nobody else need approve it; otherwise asks for approval (202):
// the version waits as a pending request (api_activation_requests.cc).
Result<ApiReply> Activate(ApiCall& call) {
  const std::string name = call.Param(0);
  call.target = "definition:" + name + "@" + call.Param(1);
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> versions, VersionsOf(call, name));
  SOUHRA_ASSIGN_OR_RETURN(DefinitionSource version, FindVersion(versions, name, call.Param(1)));
  call.target = "definition:" + name + "@" + version.content_hash;
  ActivationAsk ask{call.principal.tenant, name, version.content_hash, call.principal.Actor()};
  SOUHRA_ASSIGN_OR_RETURN(ask.four_eyes_for_all, FourEyesForAllOf(call));
  SOUHRA_ASSIGN_OR_RETURN(
      DefinitionChange change,
      call.services.engine->AskActivation(ask, call.Audit([](const Applied& applied) {
        return ActivationAuditTarget(applied.definition);
      })));
  Json reply{{"name", change.name},
             {"version", change.version},
             {"previous", change.previous},
             {"changed", change.changed},
             {"status", change.request ? "pending_approval" : "active"}};
  if (!change.request) return ApiReply::Ok(std::move(reply));
  reply["request"] = ActivationRequestJson(*change.request);
  return ApiReply::Ok(std::move(reply), 202);
}

// ?from=&to=: versions (hash or prefix); by default the active version and the newest draft.
Result<ApiReply> Diff(ApiCall& call) {
  const std::string name = call.Param(0);
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> versions, VersionsOf(call, name));
  std::optional<DefinitionSource> from;
  std::optional<DefinitionSource> to;
  if (!call.Query("from").empty()) {
    SOUHRA_ASSIGN_OR_RETURN(from, FindVersion(versions, name, call.Query("from")));
  } else {
    for (const DefinitionSource& d : versions) {
      if (d.active) from = d;
    }
  }
  if (!call.Query("to").empty()) {
    SOUHRA_ASSIGN_OR_RETURN(to, FindVersion(versions, name, call.Query("to")));
  } else {
    for (const DefinitionSource& d : versions) {
      if (d.state() == DefinitionState::kDraft) to = d;
    }
    if (!to)
      return NotFound("Definice „" + name + "“ nemá rozpracovaný koncept; nejdřív ho uložte.");
  }
  const VersionDiff diff = DiffVersions(name, from ? &*from : nullptr, *to);
  return ApiReply::Ok(Json{{"from", from ? Json(from->content_hash) : Json()},
                           {"to", to->content_hash},
                           {"added", diff.diff.added},
                           {"removed", diff.diff.removed},
                           {"diff", diff.text},
                           {"diff_sha256", diff.sha256},
                           {"hunks", HunksJson(diff.diff)}});
}

// The runs as the editor shows them: one timeline, and the failures as "file:line: message".
Json SimulationJson(const std::string& version, const std::vector<ScenarioRun>& runs) {
  Json timeline = Json::array();
  Json failures = Json::array();
  for (const ScenarioRun& run : runs) {
    for (const TimelineEntry& e : run.timeline) {
      timeline.push_back(Json{{"at", FormatUtc(e.at)},
                              {"when", e.when},
                              {"line", e.line},
                              {"text", e.text},
                              {"failure", e.failure}});
    }
    if (!run.passed()) failures.push_back(run.FailureMessage());
  }
  return Json{{"ok", failures.empty()},
              {"version", version},
              {"timeline", std::move(timeline)},
              {"failures", std::move(failures)}};
}

// {scenario: "<lua>", version}: runs the scenario on that version (default: the newest one).
Result<ApiReply> Simulate(ApiCall& call) {
  const std::string name = call.Param(0);
  SOUHRA_ASSIGN_OR_RETURN(JsonBody body,
                          JsonBody::Parse(call.request.body, {"scenario", "version"}));
  SOUHRA_ASSIGN_OR_RETURN(std::string scenario, body.RequiredString("scenario"));
  SOUHRA_ASSIGN_OR_RETURN(std::string version, body.OptionalString("version"));
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> versions, VersionsOf(call, name));
  if (version.empty()) version = versions.back().content_hash;
  SOUHRA_ASSIGN_OR_RETURN(DefinitionSource found, FindVersion(versions, name, version));
  SimulationOptions options;
  options.time_budget = kScenarioTimeBudget;
  return OnToolThread(call, [&]() -> Result<ApiReply> {
    SOUHRA_ASSIGN_OR_RETURN(
        std::vector<ScenarioRun> runs,
        SimulateDraft(*call.services.versions, call.principal.tenant, name, found.content_hash,
                      {ScenarioText{"scenario.lua", scenario}}, options));
    return ApiReply::Ok(SimulationJson(found.content_hash, runs));
  });
}

// The diagram of a version with its instance counts: from the cache when nothing moved, else
// laid out on the tool threads within the diagram's work budget (adapters/graphviz).
Result<ApiReply> Diagram(ApiCall& call) {
  const std::string name = call.Param(0);
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> versions, VersionsOf(call, name));
  SOUHRA_ASSIGN_OR_RETURN(DefinitionSource found, FindVersion(versions, name, call.Param(1)));
  SOUHRA_ASSIGN_OR_RETURN(
      std::vector<VersionStateCount> counts,
      call.services.versions->CountActiveInstances(call.principal.tenant, name));
  StateCounts states;
  std::string key = call.principal.tenant + "\n" + found.content_hash;
  for (const VersionStateCount& c : counts) {
    if (c.content_hash != found.content_hash) continue;
    states[c.state] = c.count;
    key += "\n" + c.state + "=" + std::to_string(c.count);
  }
  if (std::optional<std::string> svg = call.services.diagrams->Find(key)) {
    return ApiReply::Raw(std::move(*svg), "image/svg+xml");
  }
  SOUHRA_ASSIGN_OR_RETURN(ValidationContext context,
                          ActiveContext(*call.services.versions, call.principal.tenant));
  return OnToolThread(call, [&]() -> Result<ApiReply> {
    SOUHRA_ASSIGN_OR_RETURN(LoadedDefinition loaded,
                            LoadDefinition(found.file, found.source, SandboxLimits{}, context));
    if (!loaded.workflow) {
      return InvalidArgument("„" + name + "“ je sada pravidel, ne proces: nemá stavy k zobrazení.");
    }
    SOUHRA_ASSIGN_OR_RETURN(std::string svg, RenderStateDiagram(*loaded.workflow, states));
    call.services.diagrams->Put(key, svg);
    return ApiReply::Raw(std::move(svg), "image/svg+xml");
  });
}

}  // namespace

void AddDefinitionVersionRoutes(ApiRouter& router) {
  router.Post("/api/v1/definitions/{name}/versions/{version}/activate", kMethodologist, &Activate);
  router.Get("/api/v1/definitions/{name}/versions/{version}/diagram", {}, &Diagram);
  router.Get("/api/v1/definitions/{name}/diff", {}, &Diff);
  router.Post("/api/v1/definitions/{name}/simulate", kMethodologist, &Simulate);
  AddActivationRequestRoutes(router);
}

}  // namespace souhra
