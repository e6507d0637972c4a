// Runs the built souhra binary as a user would and captures what it prints.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

#include "tests/fakes/build_paths.h"

namespace souhra::testing {

struct CommandOutput {
  int exit_code = -1;
  std::string output;  // stdout and stderr, interleaved
};

// `args` is appended to the binary's path as shell words; quote what needs quoting. `env`, when
// given, is put before the binary as shell assignments ("SOUHRA_LANG=en").
inline CommandOutput RunSouhra(const std::string& args, const std::string& env = "") {
  const std::string command =
      (env.empty() ? "" : env + " ") + testing::SouhraBinary() + " " + args + " 2>&1";
  CommandOutput result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace souhra::testing
