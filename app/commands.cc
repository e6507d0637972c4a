#include "app/commands.h"

#include "app/audit_command.h"
#include "app/bench_command.h"
#include "app/calendar_command.h"
#include "app/definitions_command.h"
#include "app/diagram_command.h"
#include "app/incidents_command.h"
#include "app/init_command.h"
#include "app/outbox_command.h"
#include "app/serve_command.h"
#include "app/simulate_command.h"
#include "app/token_command.h"
#include "app/users_command.h"
#include "app/validate_command.h"

namespace souhra {

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"init", InitCommand},
      {"serve", ServeCommand},
      {"validate", [](const CommandArgs& args) { return ValidateCommand(args); }},
      {"simulate", SimulateCommand},
      {"incidents", IncidentsCommand},
      {"outbox", OutboxCommand},
      {"bench", &RunBenchCommand},
      {"calendar", CalendarCommand},
      {"definitions", DefinitionsCommand},
      {"diagram", DiagramCommand},
      {"users", UsersCommand},
      {"token", TokenCommand},
      {"audit", AuditCommand},
  };
  return commands;
}

}  // namespace souhra
