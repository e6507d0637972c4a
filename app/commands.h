// The subcommands of the souhra binary. Each returns the process exit status.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "app/command_spec.h"

namespace souhra {

using CommandArgs = std::vector<std::string>;

struct Command {
  const CommandSpec& (*spec)();  // its declaration: options, help (command_spec.h)
  int (*run)(const CommandArgs& args);
};

// Every subcommand, in the order `souhra help` lists them.
const std::vector<Command>& Commands();

// `souhra ARGS…`: runs the command named first. "--help" or "-h" after a command prints its help
// (or its verb's: `bench timers --help`) and returns 0; "help", "--help" or "-h" alone list the
// commands. An unknown or missing command: the list on `err`, 2.
int RunSouhraCommand(const CommandArgs& args, std::ostream& out, std::ostream& err);

}  // namespace souhra
