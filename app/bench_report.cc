#include "app/bench_report.h"

#include <iomanip>
#include <nlohmann/json.hpp>

namespace souhra {
namespace {

double Millis(int64_t micros) { return static_cast<double>(micros) / 1000.0; }

}  // namespace

void PrintTable(const BenchReport& r, std::ostream& out) {
  out << std::fixed << std::setprecision(1);
  out << "souhra bench: " << r.cases << " cases, " << r.submitters << " submitters, " << r.inflight
      << " in flight\n"
      << "  events            " << r.acknowledged << " acknowledged of " << r.events << " ("
      << r.failed << " failed)\n";
  if (!r.first_error.empty()) out << "  first failure     " << r.first_error << "\n";
  out << "  time              " << r.seconds << " s\n"
      << "  throughput        " << r.events_per_second << " events/s (durable, synchronous=FULL)\n"
      << "  latency           p50 " << Millis(r.p50_micros) << " ms, p99 " << Millis(r.p99_micros)
      << " ms, max " << Millis(r.max_micros) << " ms\n"
      << "  group commit      " << r.mean_group_commit << " events per transaction (mean)\n"
      << "  database          " << r.db_bytes << " bytes, " << r.db_bytes_per_case
      << " bytes per case\n"
      << "  peak RSS          " << r.peak_rss_kib / 1024 << " MiB\n"
      << "  start-up          " << r.startup_ms << " ms (open, engine, one case read)\n"
      << "  store baseline    " << r.baseline_events_per_second << " events/s ("
      << r.baseline_events << " events in " << r.baseline_seconds << " s, "
      << r.baseline_events_per_commit << " per transaction)\n"
      << std::setprecision(2) << "  engine / baseline " << r.engine_to_baseline << "\n";
}

void PrintJson(const BenchReport& r, std::ostream& out) {
  nlohmann::json j = {
      {"cases", r.cases},
      {"submitters", r.submitters},
      {"inflight", r.inflight},
      {"events", r.events},
      {"acknowledged", r.acknowledged},
      {"failed", r.failed},
      {"first_error", r.first_error},
      {"seconds", r.seconds},
      {"events_per_second", r.events_per_second},
      {"latency_ms",
       {{"p50", Millis(r.p50_micros)},
        {"p99", Millis(r.p99_micros)},
        {"max", Millis(r.max_micros)}}},
      {"mean_group_commit", r.mean_group_commit},
      {"db_bytes", r.db_bytes},
      {"db_bytes_per_case", r.db_bytes_per_case},
      {"peak_rss_kib", r.peak_rss_kib},
      {"startup_ms", r.startup_ms},
      {"baseline",
       {{"events", r.baseline_events},
        {"seconds", r.baseline_seconds},
        {"events_per_second", r.baseline_events_per_second},
        {"events_per_commit", r.baseline_events_per_commit}}},
      {"engine_to_baseline", r.engine_to_baseline},
  };
  out << j.dump(2) << "\n";
}

}  // namespace souhra
