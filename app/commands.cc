#include "app/commands.h"

#include "app/audit_command.h"
#include "app/backup_command.h"
#include "app/bench_command.h"
#include "app/calendar_command.h"
#include "app/definitions_command.h"
#include "app/diagram_command.h"
#include "app/flags.h"
#include "app/help.h"
#include "app/incidents_command.h"
#include "app/init_command.h"
#include "app/outbox_command.h"
#include "app/serve_command.h"
#include "app/simulate_command.h"
#include "app/token_command.h"
#include "app/users_command.h"
#include "app/validate_command.h"

namespace souhra {
namespace {

std::vector<const CommandSpec*> AllSpecs() {
  std::vector<const CommandSpec*> specs;
  for (const Command& command : Commands()) specs.push_back(&command.spec());
  return specs;
}

// The declaration whose help `args` ask for: a verb's when the first word names one.
const CommandSpec& HelpOf(const CommandSpec& spec, const CommandArgs& args) {
  for (const CommandSpec* verb : spec.verbs) {
    if (!args.empty() && verb->name == spec.name + " " + args.front()) return *verb;
  }
  return spec;
}

}  // namespace

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {InitSpec, InitCommand},
      {ServeSpec, ServeCommand},
      {ValidateSpec, ValidateCommand},
      {SimulateSpec, SimulateCommand},
      {IncidentsSpec, IncidentsCommand},
      {OutboxSpec, OutboxCommand},
      {BenchSpec, RunBenchCommand},
      {CalendarSpec, CalendarCommand},
      {DefinitionsSpec, DefinitionsCommand},
      {DiagramSpec, DiagramCommand},
      {UsersSpec, UsersCommand},
      {TokenSpec, TokenCommand},
      {AuditSpec, AuditCommand},
      {BackupSpec, BackupCommand},
      {RestoreSpec, RestoreCommand},
  };
  return commands;
}

int RunSouhraCommand(const CommandArgs& args, std::ostream& out, std::ostream& err) {
  const Language language = UserLanguage();
  const std::string name = args.empty() ? "" : args.front();
  const CommandArgs rest = args.empty() ? args : CommandArgs(args.begin() + 1, args.end());
  if (name == "help" || name == "--help" || name == "-h") {
    PrintCommandList(AllSpecs(), language, out);
    return 0;
  }
  for (const Command& command : Commands()) {
    if (name != command.spec().name) continue;
    if (AsksForHelp(rest)) {
      PrintCommandHelp(HelpOf(command.spec(), rest), language, out);
      return 0;
    }
    return command.run(rest);
  }
  if (!name.empty()) {
    err << (language == Language::kEnglish ? "souhra: unknown command '"
                                           : "souhra: neznámý příkaz '")
        << name << "'\n\n";
  }
  PrintCommandList(AllSpecs(), language, err);
  return 2;
}

}  // namespace souhra
