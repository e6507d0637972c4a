#include "app/simulate_command.h"

#include <iostream>

#include "app/flags.h"
#include "app/help.h"
#include "app/shipped_source_dir.h"
#include "app/simulation.h"
#include "app/text_file.h"

namespace souhra {
namespace {

void PrintTimeline(const ScenarioRun& run) {
  std::cout << "== " << run.file << ": " << run.name << "\n";
  for (const TimelineEntry& entry : run.timeline) {
    std::cout << entry.when << "  " << entry.text << "\n";
  }
  std::cout << (run.passed() ? "prošlo" : "NEPROŠLO") << ": " << run.name << "\n\n";
}

}  // namespace

const CommandSpec& SimulateSpec() {
  static const CommandSpec spec{
      .name = "simulate",
      .summary = {"přehraje scénáře nad definicemi v simulovaném čase",
                  "plays scenarios over the definitions in simulated time"},
      .usage = {"[volby] SCÉNÁŘ.lua…", "[options] SCENARIO.lua…"},
      .options = {{"--root",
                   {"SLOŽKA", "DIR"},
                   {"kde scénáře hledají definice", "where scenarios find the definitions"},
                   ShippedSourceDir()}},
      .examples = {"souhra simulate workflows/scenarios/*.lua"},
  };
  return spec;
}

int SimulateCommand(const std::vector<std::string>& args) {
  Flags flags(SimulateSpec(), args);
  const std::string root = flags.Get("--root");
  if (!flags.Finish(std::cerr)) return 2;
  if (flags.positional().empty()) return UsageError(SimulateSpec(), std::cerr);
  int failed = 0;
  for (const std::string& file : flags.positional()) {
    Result<std::string> source = ReadTextFile(file);
    Result<ScenarioRun> run = source.ok() ? SimulateScenario(file, *source, FilesUnder(root))
                                          : Result<ScenarioRun>(source.status());
    if (!run.ok()) {
      std::cerr << "souhra simulate: " << file << ":\n" << run.status().message() << "\n";
      return 2;
    }
    PrintTimeline(*run);
    if (!run->passed()) {
      std::cerr << run->FailureMessage() << "\n";
      ++failed;
    }
  }
  if (failed > 0) {
    std::cerr << failed << " of " << flags.positional().size() << " scenarios failed\n";
    return 1;
  }
  return 0;
}

}  // namespace souhra
