// `souhra simulate [--root DIR] FILE…`: runs scenario files and prints their timelines.
#pragma once

#include <string>
#include <vector>

#include "app/command_spec.h"

namespace souhra {

// Runs each scenario file in turn (definitions resolved under --root, default the source tree)
// and prints its timeline to stdout, one line per entry: "čt 2. 4. 2026 10:00  text". A failed
// expectation prints "file:line: message" to stderr. Returns 0 when every scenario passed, 1 when
// any failed, 2 on a usage or load error (no files, unreadable file, invalid scenario, definition
// that does not install).
// Its options, summary and example (command_spec.h).
const CommandSpec& SimulateSpec();

int SimulateCommand(const std::vector<std::string>& args);

}  // namespace souhra
