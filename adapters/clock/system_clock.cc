#include "adapters/clock/system_clock.h"

#include <chrono>

namespace souhra {

Instant SystemClock::Now() const {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

}  // namespace souhra
