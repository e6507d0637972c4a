#include "app/commands.h"

#include "app/serve_command.h"

namespace souhra {

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"serve", ServeCommand},
  };
  return commands;
}

}  // namespace souhra
