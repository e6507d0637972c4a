#include "app/commands.h"

#include "app/validate_command.h"

namespace souhra {

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"validate", [](const CommandArgs& args) { return ValidateCommand(args); }},
  };
  return commands;
}

}  // namespace souhra
