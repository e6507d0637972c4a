// A virtual clock for tests: time moves only when the test advances it.
#pragma once

#include <atomic>

#include "engine/clock.h"

namespace souhra {

class FakeClock final : public Clock {
 public:
  explicit FakeClock(Instant start) : now_ms_(ToMillis(start)) {}
  Instant Now() const override { return FromMillis(now_ms_.load()); }
  void Advance(std::chrono::milliseconds by) { now_ms_ += by.count(); }
  void Set(Instant t) { now_ms_ = ToMillis(t); }

 private:
  std::atomic<int64_t> now_ms_;
};

}  // namespace souhra
