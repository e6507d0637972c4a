// The timer scheduler: a background thread that fires due timers through the engine.
//
// A PeriodicThread (engine/workers/periodic_thread.h) that asks the engine to fire what is due by
// the engine's Clock.
#pragma once

#include <chrono>
#include <functional>
#include <utility>

#include "engine/runtime/engine.h"
#include "engine/workers/periodic_thread.h"

namespace souhra {

// The production settings. A tick of 20 ms keeps the lag between due and fired near 10 ms (p50)
// and 21 ms (p99) at 1,000 timers/s; each tick costs one index range scan. A 1 s tick measured
// 0.5 s / 1 s (docs/performance.md, "Timers").
inline constexpr std::chrono::milliseconds kSchedulerTick{20};
inline constexpr int kSchedulerBatch = 1000;

// Fires due timers through the engine, in due order, on its own thread.
class Scheduler {
 public:
  // `on_error` hears about ticks that failed (e.g. the store was unavailable); it may log.
  Scheduler(Engine& engine, std::chrono::milliseconds tick, int batch,
            std::function<void(const Status&)> on_error)
      : thread_(
            tick,
            [&engine, batch]() -> Result<bool> {
              SOUHRA_ASSIGN_OR_RETURN(int fired, engine.FireDueTimers(batch));
              return fired == batch;
            },
            std::move(on_error)) {}

 private:
  PeriodicThread thread_;
};

}  // namespace souhra
