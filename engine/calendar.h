// The Calendar seam: turns "start + duration" into a due time.
//
// Working days skip Saturdays, Sundays, Czech public holidays (Good Friday and Easter Monday
// computed for any year) and each tenant's own closures. Time is UTC in storage and counted in
// Europe/Prague, where a day and a working day begin.
#pragma once

#include <string>

#include "engine/clock.h"
#include "engine/duration.h"
#include "engine/status.h"

namespace souhra {

class Calendar {
 public:
  virtual ~Calendar() = default;
  // The instant `duration` after `from` for `tenant`. Thread-safe.
  virtual Result<Instant> Add(Instant from, const Duration& duration,
                              const std::string& tenant) const = 0;
};

}  // namespace souhra
