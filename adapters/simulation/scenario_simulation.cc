#include "adapters/simulation/scenario_simulation.h"

#include <filesystem>

#include "adapters/sqlite/sqlite_store.h"
#include "engine/scenario/scenario_reader.h"

namespace souhra {

Result<ScenarioRun> SimulateScenario(const std::string& file, const std::string& source,
                                     const DefinitionSourceReader& read,
                                     const SimulationOptions& options) {
  SOUHRA_ASSIGN_OR_RETURN(Scenario scenario, ReadScenario(file, source, SandboxLimits{}));
  SqliteOptions in_memory;
  in_memory.path = ":memory:";
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenSqliteStore(in_memory));
  return RunScenario(scenario, *store, read, options);
}

DefinitionSourceReader DraftReader(DefinitionVersions& store, const std::string& tenant,
                                   const DefinitionSource& draft) {
  return [&store, tenant, draft](const std::string& path) -> Result<std::string> {
    const std::string stem = std::filesystem::path(path).stem().string();
    if (path == draft.file || stem == draft.name) return draft.source;
    SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> versions,
                            store.ListDefinitionVersions(tenant, ""));
    for (const DefinitionSource& version : versions) {
      if (version.active && (version.file == path || version.name == stem)) return version.source;
    }
    return NotFound("tenant '" + tenant + "' has no active definition for " + path);
  };
}

Result<std::vector<ScenarioRun>> SimulateDraft(DefinitionVersions& store, const std::string& tenant,
                                               const std::string& name, const std::string& version,
                                               const std::vector<ScenarioText>& scenarios,
                                               const SimulationOptions& options) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> versions,
                          store.ListDefinitionVersions(tenant, name));
  std::vector<const DefinitionSource*> matches;
  for (const DefinitionSource& v : versions) {
    if (!version.empty() && v.content_hash.starts_with(version)) matches.push_back(&v);
  }
  if (matches.size() != 1) {
    return matches.empty()
               ? NotFound("tenant '" + tenant + "' has no version " + version + " of '" + name +
                          "'")
               : InvalidArgument("version " + version + " of '" + name + "' is ambiguous");
  }
  DefinitionSourceReader read = DraftReader(store, tenant, *matches.front());
  std::vector<ScenarioRun> runs;
  for (const ScenarioText& scenario : scenarios) {
    SOUHRA_ASSIGN_OR_RETURN(ScenarioRun run,
                            SimulateScenario(scenario.file, scenario.source, read, options));
    runs.push_back(std::move(run));
  }
  return runs;
}

}  // namespace souhra
