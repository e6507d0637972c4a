#include "app/commands.h"

#include "app/bench_command.h"
#include "app/calendar_command.h"
#include "app/incidents_command.h"
#include "app/outbox_command.h"
#include "app/serve_command.h"
#include "app/simulate_command.h"
#include "app/token_command.h"
#include "app/validate_command.h"

namespace souhra {

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"serve", ServeCommand},
      {"validate", [](const CommandArgs& args) { return ValidateCommand(args); }},
      {"simulate", SimulateCommand},
      {"incidents", IncidentsCommand},
      {"outbox", OutboxCommand},
      {"bench", &RunBenchCommand},
      {"calendar", CalendarCommand},
      {"token", TokenCommand},
  };
  return commands;
}

}  // namespace souhra
