#include "app/bench_timers_command.h"

#include <iostream>
#include <sstream>

#include "adapters/clock/system_clock.h"
#include "adapters/sqlite/sqlite_store.h"
#include "app/bench_command.h"
#include "app/bench_timers.h"
#include "app/flags.h"
#include "app/text_file.h"
#include "engine/time/working_calendar.h"

namespace souhra {
namespace {

constexpr char kUsage[] =
    "usage: souhra bench timers [--pending N] [--burst B] [--rate R] [--seconds S] [--tick MS]"
    " [--batch K] [--db PATH] [--json]\n";

struct TimerBenchArgs {
  TimerBenchOptions bench;
  std::string db = "souhra-timers.db";
  bool json = false;
};

Result<TimerBenchArgs> ParseArgs(const CommandArgs& args) {
  Flags flags(args);
  TimerBenchArgs a;
  a.bench.pending = flags.GetInt("--pending", static_cast<int>(a.bench.pending));
  a.bench.burst = flags.GetInt("--burst", a.bench.burst);
  a.bench.rate = flags.GetInt("--rate", a.bench.rate);
  a.bench.seconds = flags.GetInt("--seconds", a.bench.seconds);
  a.bench.tick =
      std::chrono::milliseconds(flags.GetInt("--tick", static_cast<int>(a.bench.tick.count())));
  a.bench.batch = flags.GetInt("--batch", a.bench.batch);
  a.db = flags.Get("--db", a.db);
  a.json = flags.Has("--json");
  std::ostringstream errors;
  if (!flags.Finish(errors) || !flags.positional().empty()) {
    return InvalidArgument(errors.str().empty() ? "unexpected arguments\n" : errors.str());
  }
  if (a.bench.pending < 0 || a.bench.burst <= 0 || a.bench.rate <= 0 || a.bench.rate > 1000 ||
      a.bench.seconds <= 0 || a.bench.tick.count() <= 0 || a.bench.batch <= 0) {
    return InvalidArgument(
        "--burst, --seconds, --tick and --batch must be positive, --rate 1–1000"
        " and --pending not negative\n");
  }
  return a;
}

Result<TimerBenchReport> Run(const TimerBenchArgs& a) {
  SOUHRA_RETURN_IF_ERROR(RemoveDatabase(a.db));
  const std::string file = SOUHRA_SOURCE_DIR "/workflows/examples/bench_timers.lua";
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

int RunTimerBenchCommand(const CommandArgs& args) {
  Result<TimerBenchArgs> parsed = ParseArgs(args);
  if (!parsed.ok()) {
    std::cerr << parsed.status().message() << kUsage;
    return 2;
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
