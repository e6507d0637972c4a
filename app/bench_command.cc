#include "app/bench_command.h"

#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "adapters/clock/system_clock.h"
#include "adapters/sqlite/baseline_writer.h"
#include "adapters/sqlite/sqlite_store.h"
#include "app/bench_report.h"
#include "app/bench_rows.h"
#include "app/bench_timers_command.h"
#include "app/bench_workload.h"
#include "app/flags.h"
#include "app/help.h"
#include "app/shipped_source_dir.h"
#include "app/text_file.h"
#include "engine/time/working_calendar.h"

namespace souhra {
namespace {

using SteadyClock = std::chrono::steady_clock;

struct BenchOptions {
  WorkloadOptions workload;
  std::string db = "souhra-bench.db";
  std::string workflow_file = ShippedSourceDir() + "/workflows/examples/bench.lua";
  bool json = false;
};

Result<BenchOptions> ParseArgs(const CommandArgs& args) {
  Flags flags(BenchSpec(), args);
  BenchOptions o;
  o.workload.cases = flags.GetInt("--cases");
  o.workload.submitters = flags.GetInt("--submitters");
  o.workload.inflight = flags.GetInt("--inflight");
  o.db = flags.Get("--db");
  o.workflow_file = flags.Get("--workflow");
  o.json = flags.Has("--json");
  std::ostringstream errors;
  if (!flags.Finish(errors)) return InvalidArgument(errors.str());
  if (!flags.positional().empty()) {
    return InvalidArgument("souhra bench: nečekaný argument " + flags.positional()[0] + "\n");
  }
  if (o.workload.cases <= 0 || o.workload.submitters <= 0 || o.workload.inflight <= 0) {
    return InvalidArgument("souhra bench: --cases, --submitters a --inflight musí být kladné\n");
  }
  return o;
}

int64_t DatabaseBytes(const std::string& path) {
  int64_t bytes = 0;
  std::error_code missing;
  for (const char* suffix : {"", "-wal"}) {
    const auto size = std::filesystem::file_size(path + suffix, missing);
    if (!missing) bytes += static_cast<int64_t>(size);
  }
  return bytes;
}

// Prints "\r 412000/4000000 events, 16250/s" on stderr once a second while it lives.
class ProgressLine {
 public:
  ProgressLine(const char* what, int64_t total)
      : what_(what), total_(total), thread_([this] { Loop(); }) {}
  ~ProgressLine() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
    }
    wake_.notify_all();
    thread_.join();
    std::cerr << "\n";
  }
  std::atomic<int64_t>& counter() { return count_; }

 private:
  void Loop() {
    std::unique_lock<std::mutex> lock(mu_);
    int64_t last = 0;
    while (!wake_.wait_for(lock, std::chrono::seconds(1), [this] { return done_; })) {
      const int64_t now = count_.load();
      std::cerr << "\r " << what_ << " " << now << "/" << total_ << " events, " << now - last
                << "/s   " << std::flush;
      last = now;
    }
  }

  const char* what_;
  const int64_t total_;
  std::atomic<int64_t> count_{0};
  std::mutex mu_;
  std::condition_variable wake_;
  bool done_ = false;
  std::thread thread_;
};

SqliteOptions StoreOptions(const std::string& path) {
  SqliteOptions options;
  options.path = path;
  return options;
}

int64_t PeakRssKib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // KiB on Linux
}

// Runs the workload on a fresh database; fills the engine's figures and the baseline template.
Status RunEngine(const BenchOptions& o, BenchReport* report, BaselineCase* rows) {
  SOUHRA_RETURN_IF_ERROR(RemoveDatabase(o.db));
  SOUHRA_ASSIGN_OR_RETURN(std::string source, ReadTextFile(o.workflow_file));
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenSqliteStore(StoreOptions(o.db)));
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<WorkingCalendar> calendar, WorkingCalendar::Create());
  SystemClock clock;
  WorkloadResult run;
  {
    Engine engine(*store, clock, *calendar);
    SOUHRA_RETURN_IF_ERROR(engine.Install(o.workload.tenant, o.workflow_file, source).status());
    ProgressLine progress("engine", o.workload.cases * kEventsPerCase);
    run = RunWorkload(engine, o.workload, progress.counter());
    const EngineStats stats = engine.Stats();
    report->mean_group_commit = static_cast<double>(stats.requests) /
                                static_cast<double>(std::max<int64_t>(1, stats.commits));
  }
  report->peak_rss_kib = PeakRssKib();
  report->events = run.submitted;
  report->acknowledged = run.acknowledged;
  report->failed = run.failed;
  report->first_error = run.first_error;
  report->seconds = run.seconds;
  report->events_per_second = static_cast<double>(run.acknowledged) / run.seconds;
  report->p50_micros = run.latency.Percentile(0.50);
  report->p99_micros = run.latency.Percentile(0.99);
  report->max_micros = run.latency.max();
  if (run.first_case == 0) return Internal("no bench case went through all its steps");
  SOUHRA_ASSIGN_OR_RETURN(*rows, ReadBaselineCase(*store, *store, run.first_case, CaseDataFor(0)));
  return Status::Ok();  // closing the store checkpoints the WAL into the database
}

// Opens the finished database as a restarted server would, and reads one case.
Result<double> MeasureStartup(const BenchOptions& o, CaseId case_id) {
  const auto start = SteadyClock::now();
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenSqliteStore(StoreOptions(o.db)));
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<WorkingCalendar> calendar, WorkingCalendar::Create());
  SystemClock clock;
  Engine engine(*store, clock, *calendar);
  SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> found, store->GetCase(case_id));
  if (!found) return Internal("case " + std::to_string(case_id) + " is missing after restart");
  return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

Status RunBaseline(const BenchOptions& o, const BaselineCase& rows, BenchReport* report) {
  const std::string path = o.db + ".baseline";
  SOUHRA_RETURN_IF_ERROR(RemoveDatabase(path));
  BaselineOptions options{path, o.workload.cases,
                          std::max<int64_t>(1, std::llround(report->mean_group_commit))};
  ProgressLine progress("baseline", o.workload.cases * kEventsPerCase);
  SOUHRA_ASSIGN_OR_RETURN(BaselineResult result,
                          RunStoreBaseline(options, rows, progress.counter()));
  report->baseline_events = result.events;
  report->baseline_seconds = result.seconds;
  report->baseline_events_per_second = static_cast<double>(result.events) / result.seconds;
  report->baseline_events_per_commit = options.events_per_commit;
  report->engine_to_baseline = report->events_per_second / report->baseline_events_per_second;
  return Status::Ok();
}

Status RunBench(const BenchOptions& o, BenchReport* report) {
  report->cases = o.workload.cases;
  report->submitters = o.workload.submitters;
  report->inflight = o.workload.inflight;
  BaselineCase rows;
  SOUHRA_RETURN_IF_ERROR(RunEngine(o, report, &rows));
  report->db_bytes = DatabaseBytes(o.db);
  report->db_bytes_per_case =
      static_cast<double>(report->db_bytes) / static_cast<double>(o.workload.cases);
  SOUHRA_ASSIGN_OR_RETURN(report->startup_ms, MeasureStartup(o, rows.created.id));
  return RunBaseline(o, rows, report);
}

}  // namespace

Status RemoveDatabase(const std::string& path) {
  std::error_code error;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path + suffix, error);
    if (error) return Unavailable("cannot remove " + path + suffix + ": " + error.message());
  }
  return Status::Ok();
}

const CommandSpec& BenchSpec() {
  static const BenchOptions defaults;
  static const CommandSpec spec{
      .name = "bench",
      .summary = {"změří propustnost enginu na čerstvé databázi",
                  "measures the engine's throughput on a fresh database"},
      .usage = {"[volby] | souhra bench timers [volby]",
                "[options] | souhra bench timers [options]"},
      .options = {{"--cases",
                   {"N", "N"},
                   {"kolik případů založit", "how many cases to create"},
                   std::to_string(defaults.workload.cases)},
                  {"--submitters",
                   {"K", "K"},
                   {"kolik vláken posílá události", "how many threads submit events"},
                   std::to_string(defaults.workload.submitters)},
                  {"--inflight",
                   {"W", "W"},
                   {"kolik událostí čeká na potvrzení najednou (celkem)",
                    "how many events await acknowledgement at once (in total)"},
                   std::to_string(defaults.workload.inflight)},
                  {"--db",
                   {"SOUBOR", "FILE"},
                   {"databáze měření; nejdřív se smaže", "the benchmark's database; removed first"},
                   defaults.db},
                  {"--workflow",
                   {"SOUBOR", "FILE"},
                   {"měřený workflow", "the workflow measured"},
                   defaults.workflow_file},
                  {"--json", {}, {"výsledek jako JSON", "the result as JSON"}}},
      .examples = {"souhra bench --cases 100000 --submitters 8", "souhra bench timers --help"},
      .verbs = {&TimerBenchSpec()},
  };
  return spec;
}

int RunBenchCommand(const CommandArgs& args) {
  if (!args.empty() && args.front() == "timers") {
    return RunTimerBenchCommand(CommandArgs(args.begin() + 1, args.end()));
  }
  Result<BenchOptions> options = ParseArgs(args);
  if (!options.ok()) {
    std::cerr << options.status().message();
    return UsageError(BenchSpec(), std::cerr);
  }
  BenchReport report;
  if (Status s = RunBench(*options, &report); !s.ok()) {
    std::cerr << "souhra bench: " << s.ToString() << "\n";
    return 1;
  }
  if (options->json)
    PrintJson(report, std::cout);
  else
    PrintTable(report, std::cout);
  return report.failed == 0 && report.acknowledged == report.events ? 0 : 1;
}

}  // namespace souhra
