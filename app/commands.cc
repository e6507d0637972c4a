#include "app/commands.h"

#include "app/bench_command.h"

namespace souhra {

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"bench", &RunBenchCommand},
  };
  return commands;
}

}  // namespace souhra
