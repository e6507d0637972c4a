// Simulating scenario files end to end: read one, run it against a fresh in-memory SQLite store
// (engine/scenario/scenario_runner.h). Here, not in app/, so that the web layer can run scenarios
// too: `souhra simulate`, the test of tests/scenarios/, and running scenarios on a draft version.
#pragma once

#include <string>
#include <vector>

#include "engine/scenario/scenario_runner.h"
#include "engine/store.h"

namespace souhra {

// Reads and runs the scenario `source` (the text of `file`). Errors: the scenario's own
// diagnostics (kInvalidArgument, kScriptError, kResourceExhausted), a definition that cannot be
// read or installed, a store that cannot be opened.
Result<ScenarioRun> SimulateScenario(const std::string& file, const std::string& source,
                                     const DefinitionSourceReader& read,
                                     const SimulationOptions& options = {});

// A scenario given as text, e.g. from the web editor.
struct ScenarioText {
  std::string file;  // for messages: "file:line: …"
  std::string source;
};

// Definitions as a draft simulation sees them: `draft` for its own file or name (a path whose
// stem is the draft's name, "workflows/intake.lua" for "intake"), and for any other path the
// tenant's active version of the name or file it points to. kNotFound names a path the tenant
// has no active definition for.
DefinitionSourceReader DraftReader(DefinitionVersions& store, const std::string& tenant,
                                   const DefinitionSource& draft);

// Runs every scenario against version `version` (a content hash or a unique prefix) of the
// tenant's definition `name`, whatever its state, without installing it into the tenant: each
// run has its own in-memory store. Returns one run per scenario in order, each with its
// timeline and its first failure (file:line); an error when the version does not exist, a
// scenario is not valid, or a definition it names cannot be read or installed.
Result<std::vector<ScenarioRun>> SimulateDraft(DefinitionVersions& store, const std::string& tenant,
                                               const std::string& name, const std::string& version,
                                               const std::vector<ScenarioText>& scenarios,
                                               const SimulationOptions& options = {});

}  // namespace souhra
