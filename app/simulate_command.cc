#include "app/simulate_command.h"

#include <iostream>

#include "app/flags.h"
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

int SimulateCommand(const std::vector<std::string>& args) {
  Flags flags(args);
  const std::string root = flags.Get("--root", SOUHRA_SOURCE_DIR);
  if (!flags.Finish(std::cerr)) return 2;
  if (flags.positional().empty()) {
    std::cerr << "usage: souhra simulate [--root DIR] SCENARIO.lua...\n";
    return 2;
  }
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
