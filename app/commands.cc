#include "app/commands.h"

namespace souhra {

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {};
  return commands;
}

}  // namespace souhra
