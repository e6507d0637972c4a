// The real time: the one Clock (engine/clock.h) that reads the operating system's clock, for the
// production wiring in app/ and for processes that tests run as real servers.
#pragma once

#include "engine/clock.h"

namespace souhra {

class SystemClock final : public Clock {
 public:
  Instant Now() const override;
};

}  // namespace souhra
