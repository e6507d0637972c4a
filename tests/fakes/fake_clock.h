// The virtual clock for tests: time moves only when the test advances it
// (engine/time/virtual_clock.h).
#pragma once

#include "engine/time/virtual_clock.h"

namespace souhra {

using FakeClock = VirtualClock;

}  // namespace souhra
