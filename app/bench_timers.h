// The timer workload of `souhra bench timers`: how fast the engine fires due timers and how late
// they fire under load, with many more timers pending.
//
//   1. Creates max(burst, rate × seconds) cases of workflows/examples/bench_timers.lua and puts
//      `pending` timers on their instances, due a year or more ahead (they are never fired; they
//      make the due-time index as large as a municipality's).
//   2. Burst: `burst` timers already due, fired by calling Engine::FireDueTimers(batch) until
//      all have fired; the wall time from the first call to the last firing.
//   3. Steady: rate × seconds timers due one after another, `rate` a second, starting a second
//      ahead, fired by a real Scheduler with `tick`. Lag = the event log's `at` minus its `due`
//      for each timer.tick event.
// Timers are written straight through the Store (a WriteTxn), as a workflow's timer effect
// writes them; the firing goes the production path: Scheduler → FireDueTimers → group commit.
// Uses the real system clock, so it is a measurement, not a test.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

#include "engine/runtime/engine.h"
#include "engine/workers/scheduler.h"

namespace souhra {

struct TimerBenchOptions {
  int64_t pending = 1'000'000;
  int burst = 10'000;
  int rate = 1'000;                                 // timers due per second in the steady phase
  int seconds = 10;                                 // length of the steady phase
  std::chrono::milliseconds tick = kSchedulerTick;  // the production settings by default
  int batch = kSchedulerBatch;                      // timers per FireDueTimers call
  std::string tenant = "bench";
};

struct TimerBenchReport {
  int64_t pending = 0;
  double pending_insert_seconds = 0;
  int burst = 0;
  int64_t burst_fired = 0;
  double burst_seconds = 0;
  int rate = 0;
  int64_t tick_ms = 0;  // the scheduler's settings in the steady phase
  int batch = 0;
  int64_t steady_timers = 0;
  int64_t steady_fired = 0;
  double lag_p50_ms = 0, lag_p99_ms = 0, lag_max_ms = 0;
  double mean_group_commit = 0;  // requests per engine transaction over both phases
};

// Runs the workload on `store` (fresh, with the workflow installed for options.tenant) through
// `engine`, which must use the system clock. kInternal when a firing or a write failed.
Result<TimerBenchReport> RunTimerBench(Store& store, Engine& engine,
                                       const TimerBenchOptions& options);

void PrintTimerTable(const TimerBenchReport& report, std::ostream& out);
void PrintTimerJson(const TimerBenchReport& report, std::ostream& out);

}  // namespace souhra
