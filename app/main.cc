// The souhra command: dispatches to its subcommands.
#include <iostream>
#include <string>
#include <vector>

#include "app/commands.h"

namespace {

int Usage(std::ostream& out) {
  out << "Použití / usage: souhra <příkaz> [volby]\n"
         "  init       založí obec a jejího správce: souhra init --db SOUBOR --tenant ID\n"
         "             --name \"Město …\" --admin LOGIN [--admin-name …] [--password-stdin]\n"
         "  serve      spustí server (výchozí: 127.0.0.1:8080, souhra.db; ukázka: --demo)\n"
         "  users      účty obce: souhra users --tenant ID [--db SOUBOR] list | add LOGIN …\n"
         "             | roles LOGIN --roles R | deactivate | activate | reset-password LOGIN\n"
         "  validate   zkontroluje workflow a pravidla: souhra validate SOUBOR…\n"
         "  incidents  selhané události: souhra incidents [--db SOUBOR] [--retry ID]\n"
         "  outbox     nedoručená oznámení: souhra outbox [--db SOUBOR] [--failed] [--retry ID]\n"
         "  bench      změří propustnost enginu: souhra bench --cases N | souhra bench timers\n"
         "  calendar   kdy je termín: souhra calendar --from ČAS --duration LHŮTA [--json]\n"
         "  definitions  verze definic: souhra definitions [--db SOUBOR] [--tenant ID]\n"
         "             list | versions NÁZEV | activate NÁZEV VERZE | diff A B\n"
         "  diagram    stavový diagram (SVG): souhra diagram SOUBOR [--out X.svg] [--db SOUBOR]\n"
         "  token      tokeny integračních účtů: souhra token --login LOGIN --name TEXT [--days "
         "N]\n"
         "             | --list | --revoke ID   [--tenant ID] [--db SOUBOR]\n";
  "  audit      ověří řetěz hashů auditního logu: souhra audit verify [--db SOUBOR]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return Usage(std::cerr);
  const std::string command = args.front();
  args.erase(args.begin());
  for (const auto& entry : souhra::Commands()) {
    if (command == entry.name) return entry.run(args);
  }
  if (command == "help" || command == "--help" || command == "-h") {
    Usage(std::cout);
    return 0;
  }
  std::cerr << "souhra: neznámý příkaz '" << command << "'\n";
  return Usage(std::cerr);
}
