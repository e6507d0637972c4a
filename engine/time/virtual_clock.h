// A Clock that moves only when told: simulations (`souhra simulate`) and tests set or advance it,
// so a run is repeatable and a month of deadlines passes in milliseconds.
#pragma once

#include <atomic>
#include <chrono>

#include "engine/clock.h"

namespace souhra {

class VirtualClock final : public Clock {
 public:
  explicit VirtualClock(Instant start) : now_ms_(ToMillis(start)) {}
  // Thread-safe, like every Clock.
  Instant Now() const override { return FromMillis(now_ms_.load()); }
  // Moves the clock by `by`, which may be negative only in tests of catching up. Thread-safe.
  void Advance(std::chrono::milliseconds by) { now_ms_ += by.count(); }
  // Moves the clock to `t`. Thread-safe.
  void Set(Instant t) { now_ms_ = ToMillis(t); }

 private:
  std::atomic<int64_t> now_ms_;
};

}  // namespace souhra
