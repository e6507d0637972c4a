// Reads a scenario file (engine/scenario/scenario.h) in the Lua sandbox that workflow files get:
// the same restrictions and budgets, errors as "file:line: message".
//
// The file is a list of statements: `scenario { … }` first, then steps (`case`, `send`,
// `advance`, `expect`), each recorded with the line of its call. Every problem is reported at
// once, as `souhra validate` does for definitions.
#pragma once

#include <string>
#include <vector>

#include "engine/definitions/definition_loader.h"
#include "engine/scenario/scenario.h"
#include "engine/status.h"

namespace souhra {

// Reads `source` (the text of `file`). On failure returns kInvalidArgument whose message is every
// diagnostic, one per line ("file:line: message"), and appends them to `diagnostics` when given.
// A Lua error while the file runs is kScriptError, an exceeded budget kResourceExhausted, both
// "file:line: message".
Result<Scenario> ReadScenario(const std::string& file, const std::string& source,
                              const SandboxLimits& limits,
                              std::vector<Diagnostic>* diagnostics = nullptr);

}  // namespace souhra
