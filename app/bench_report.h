// The figures `souhra bench` measures, and their two renderings: a table for people and JSON
// for scripts (docs/performance.md is written from them).
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

namespace souhra {

struct BenchReport {
  int64_t cases = 0;
  int submitters = 0;
  int inflight = 0;
  int64_t events = 0;        // requests submitted to the engine (creation counts as an event)
  int64_t acknowledged = 0;  // of which durable
  int64_t failed = 0;
  std::string first_error;
  double seconds = 0;
  double events_per_second = 0;  // acknowledged / seconds
  int64_t p50_micros = 0, p99_micros = 0, max_micros = 0;
  double mean_group_commit = 0;  // requests per engine transaction
  int64_t db_bytes = 0;          // database + WAL after the final checkpoint
  double db_bytes_per_case = 0;
  int64_t peak_rss_kib = 0;  // of the whole process, after the engine run
  double startup_ms = 0;     // open store + engine + one case read, on the finished database
  // The store-only baseline: the same rows, plain statements, one thread.
  int64_t baseline_events = 0;
  double baseline_seconds = 0;
  double baseline_events_per_second = 0;
  int64_t baseline_events_per_commit = 0;
  double engine_to_baseline = 0;  // events_per_second / baseline_events_per_second
};

void PrintTable(const BenchReport& report, std::ostream& out);
void PrintJson(const BenchReport& report, std::ostream& out);

}  // namespace souhra
