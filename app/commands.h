// The subcommands of the souhra binary. Each returns the process exit status.
#pragma once

#include <string>
#include <vector>

namespace souhra {

using CommandArgs = std::vector<std::string>;

struct Command {
  const char* name;
  int (*run)(const CommandArgs& args);
};

// Every subcommand, in the order `souhra help` lists them.
const std::vector<Command>& Commands();

}  // namespace souhra
