#include "app/diagram_command.h"

#include <fstream>
#include <iostream>

#include "adapters/graphviz/state_diagram.h"
#include "adapters/sqlite/sqlite_store.h"
#include "app/demo_seed.h"
#include "app/flags.h"
#include "app/help.h"
#include "app/text_file.h"
#include "engine/definitions/definition_loader.h"

namespace souhra {
namespace {

int Fail(const std::string& message) {
  std::cerr << "souhra diagram: " << message << "\n";
  return 1;
}

Result<StateCounts> CountsOf(const std::string& db, const std::string& tenant,
                             const Workflow& workflow) {
  SqliteOptions options;
  options.path = db;
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenSqliteStore(options));
  SOUHRA_ASSIGN_OR_RETURN(std::vector<VersionStateCount> counts,
                          store->CountActiveInstances(tenant, workflow.name));
  StateCounts by_state;
  for (const VersionStateCount& c : counts) {
    if (c.content_hash == workflow.content_hash) by_state[c.state] += c.count;
  }
  return by_state;
}

}  // namespace

const CommandSpec& DiagramSpec() {
  static const CommandSpec spec{
      .name = "diagram",
      .summary = {"nakreslí stavový diagram workflow (SVG)",
                  "draws a workflow's state diagram (SVG)"},
      .usage = {"SOUBOR.lua [volby]", "FILE.lua [options]"},
      .options = {{"--out",
                   {"SOUBOR", "FILE"},
                   {"kam SVG zapsat; bez volby na standardní výstup",
                    "where to write the SVG; standard output without it"}},
                  {"--db",
                   {"SOUBOR", "FILE"},
                   {"databáze, z níž doplnit počty běžících instancí ve stavech",
                    "a database to add the running instances per state from"}},
                  {"--tenant",
                   {"ID", "ID"},
                   {"obec, jejíž instance počítat", "the municipality whose instances to count"},
                   kDemoTenant}},
      .examples = {"souhra diagram workflows/intake.lua --out intake.svg --db souhra.db"},
  };
  return spec;
}

int DiagramCommand(const CommandArgs& args) {
  Flags flags(DiagramSpec(), args);
  const std::string out = flags.Get("--out");
  const std::string db = flags.Get("--db");
  const std::string tenant = flags.Get("--tenant");
  if (!flags.Finish(std::cerr) || flags.positional().size() != 1) {
    return UsageError(DiagramSpec(), std::cerr);
  }
  const std::string& file = flags.positional()[0];
  Result<std::string> source = ReadTextFile(file);
  if (!source.ok()) return Fail(source.status().message());
  Result<LoadedDefinition> loaded =
      LoadDefinition(file, *source, SandboxLimits{}, ValidationContext{});
  if (!loaded.ok()) return Fail(file + ":\n" + loaded.status().message());
  if (!loaded->workflow) return Fail(file + " is a rule set; only workflows have states");
  std::optional<StateCounts> counts;
  if (!db.empty()) {
    Result<StateCounts> found = CountsOf(db, tenant, *loaded->workflow);
    if (!found.ok()) return Fail(found.status().ToString());
    counts = std::move(*found);
  }
  Result<std::string> svg = RenderStateDiagram(*loaded->workflow, counts);
  if (!svg.ok()) return Fail(svg.status().ToString());
  if (out.empty()) {
    std::cout << *svg;
    return 0;
  }
  std::ofstream file_out(out, std::ios::binary);
  file_out << *svg;
  file_out.close();
  if (!file_out) return Fail("cannot write " + out);
  return 0;
}

}  // namespace souhra
