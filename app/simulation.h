// Simulating a scenario file end to end: read it, run it against a fresh in-memory SQLite store
// (engine/scenario_runner.h). Used by `souhra simulate` and by the test that runs every file in
// tests/scenarios/.
#pragma once

#include <string>

#include "engine/scenario_runner.h"

namespace souhra {

// Definitions read from files under `root`: "workflows/plan_review.lua" is root/workflows/….
DefinitionSourceReader FilesUnder(const std::string& root);

// Reads and runs the scenario `source` (the text of `file`). Errors: the scenario's own
// diagnostics (kInvalidArgument, kScriptError, kResourceExhausted), a definition that cannot be
// read or installed, a store that cannot be opened.
Result<ScenarioRun> SimulateScenario(const std::string& file, const std::string& source,
                                     const DefinitionSourceReader& read);

}  // namespace souhra
