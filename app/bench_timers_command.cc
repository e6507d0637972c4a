#include "app/bench_timers_command.h"

#include <iostream>
#include <sstream>

#include "adapters/clock/system_clock.h"
#include "adapters/sqlite/sqlite_store.h"
#include "app/bench_command.h"
#include "app/bench_timers.h"
#include "app/flags.h"
#include "app/help.h"
#include "app/shipped_source_dir.h"
#include "app/text_file.h"
#include "engine/time/working_calendar.h"

namespace souhra {
namespace {

struct TimerBenchArgs {
  TimerBenchOptions bench;
  std::string db = "souhra-timers.db";
  bool json = false;
};

Result<TimerBenchArgs> ParseArgs(const CommandArgs& args) {
  Flags flags(TimerBenchSpec(), args);
  TimerBenchArgs a;
  a.bench.pending = flags.GetInt("--pending");
  a.bench.burst = flags.GetInt("--burst");
  a.bench.rate = flags.GetInt("--rate");
  a.bench.seconds = flags.GetInt("--seconds");
  a.bench.tick = std::chrono::milliseconds(flags.GetInt("--tick"));
  a.bench.batch = flags.GetInt("--batch");
  a.db = flags.Get("--db");
  a.json = flags.Has("--json");
  std::ostringstream errors;
  if (!flags.Finish(errors)) return InvalidArgument(errors.str());
  if (!flags.positional().empty()) {
    return InvalidArgument("souhra bench timers: nečekaný argument " + flags.positional()[0] +
                           "\n");
  }
  if (a.bench.pending < 0 || a.bench.burst <= 0 || a.bench.rate <= 0 || a.bench.rate > 1000 ||
      a.bench.seconds <= 0 || a.bench.tick.count() <= 0 || a.bench.batch <= 0) {
    return InvalidArgument(
        "souhra bench timers: --burst, --seconds, --tick a --batch musí být kladné, --rate 1–1000"
        " a --pending nezáporné\n");
  }
  return a;
}

Result<TimerBenchReport> Run(const TimerBenchArgs& a) {
  SOUHRA_RETURN_IF_ERROR(RemoveDatabase(a.db));
  const std::string file = ShippedSourceDir() + "/workflows/examples/bench_timers.lua";
  SOUHRA_ASSIGN_OR_RETURN(std::string source, ReadTextFile(file));
  SqliteOptions options;
  options.path = a.db;
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenSqliteStore(options));
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<WorkingCalendar> calendar, WorkingCalendar::Create());
  SystemClock clock;
  Engine engine(*store, clock, *calendar);
  SOUHRA_RETURN_IF_ERROR(engine.Install(a.bench.tenant, file, source).status());
  return RunTimerBench(*store, engine, a.bench);
}

}  // namespace

const CommandSpec& TimerBenchSpec() {
  static const TimerBenchArgs defaults;
  static const CommandSpec spec{
      .name = "bench timers",
      .summary = {"změří, jak rychle plánovač spouští časovače",
                  "measures how fast the scheduler fires timers"},
      .usage = {"[volby]", "[options]"},
      .options = {{"--pending",
                   {"N", "N"},
                   {"časovačů čekajících daleko v budoucnu", "timers pending far ahead"},
                   std::to_string(defaults.bench.pending)},
                  {"--burst",
                   {"B", "B"},
                   {"časovačů splatných najednou", "timers due at once"},
                   std::to_string(defaults.bench.burst)},
                  {"--rate",
                   {"R", "R"},
                   {"časovačů za sekundu v ustálené fázi (1–1000)",
                    "timers per second in the steady phase (1–1000)"},
                   std::to_string(defaults.bench.rate)},
                  {"--seconds",
                   {"S", "S"},
                   {"délka ustálené fáze", "length of the steady phase"},
                   std::to_string(defaults.bench.seconds)},
                  {"--tick",
                   {"MS", "MS"},
                   {"takt plánovače v milisekundách", "the scheduler's tick in milliseconds"},
                   std::to_string(defaults.bench.tick.count())},
                  {"--batch",
                   {"K", "K"},
                   {"časovačů na jedno spuštění", "timers per firing call"},
                   std::to_string(defaults.bench.batch)},
                  {"--db",
                   {"SOUBOR", "FILE"},
                   {"databáze měření; nejdřív se smaže", "the benchmark's database; removed first"},
                   defaults.db},
                  {"--json", {}, {"výsledek jako JSON", "the result as JSON"}}},
      .examples = {"souhra bench timers --pending 100000 --seconds 5"},
  };
  return spec;
}

int RunTimerBenchCommand(const CommandArgs& args) {
  Result<TimerBenchArgs> parsed = ParseArgs(args);
  if (!parsed.ok()) {
    std::cerr << parsed.status().message();
    return UsageError(TimerBenchSpec(), std::cerr);
  }
  Result<TimerBenchReport> report = Run(*parsed);
  if (!report.ok()) {
    std::cerr << "souhra bench timers: " << report.status().ToString() << "\n";
    return 1;
  }
  if (parsed->json)
    PrintTimerJson(*report, std::cout);
  else
    PrintTimerTable(*report, std::cout);
  const bool all =
      report->burst_fired == report->burst && report->steady_fired == report->steady_timers;
  return all ? 0 : 1;
}

}  // namespace souhra
