#include "app/simulation.h"

#include <filesystem>

#include "adapters/sqlite/sqlite_store.h"
#include "app/text_file.h"
#include "engine/scenario_reader.h"

namespace souhra {

DefinitionSourceReader FilesUnder(const std::string& root) {
  return [root](const std::string& path) {
    return ReadTextFile((std::filesystem::path(root) / path).string());
  };
}

Result<ScenarioRun> SimulateScenario(const std::string& file, const std::string& source,
                                     const DefinitionSourceReader& read) {
  SOUHRA_ASSIGN_OR_RETURN(Scenario scenario, ReadScenario(file, source, SandboxLimits{}));
  SqliteOptions options;
  options.path = ":memory:";
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenSqliteStore(options));
  return RunScenario(scenario, *store, read);
}

}  // namespace souhra
