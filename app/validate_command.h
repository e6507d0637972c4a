// `souhra validate FILE…`: loads workflow and rule-set files exactly as installing them would.
#pragma once

#include <string>
#include <vector>

#include "app/command_spec.h"

namespace souhra {

// Prints every diagnostic as "file:line: message" to stderr and "ok: N files" to stdout when all
// are valid. The names of all given files form the context that decide/start references are
// checked against. Returns 0 when all are valid, 1 when any is not, 2 on a usage error (no files,
// or a file that cannot be read).
// Its options, summary and example (command_spec.h).
const CommandSpec& ValidateSpec();

int ValidateCommand(const std::vector<std::string>& files);

}  // namespace souhra
