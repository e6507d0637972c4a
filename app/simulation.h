// Simulating scenario files from the file system for `souhra simulate` and the test that runs
// every file in tests/scenarios/; the simulation itself is adapters/simulation/.
#pragma once

#include <string>

#include "adapters/simulation/scenario_simulation.h"

namespace souhra {

// Definitions read from files under `root`: "workflows/plan_review.lua" is root/workflows/….
DefinitionSourceReader FilesUnder(const std::string& root);

}  // namespace souhra
