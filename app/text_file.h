// Reading a whole text file (definitions, scenarios) for the subcommands.
#pragma once

#include <string>

#include "engine/status.h"

namespace souhra {

// The file's bytes. kNotFound naming the path when it cannot be opened or read.
Result<std::string> ReadTextFile(const std::string& path);

}  // namespace souhra
