// The Calendar seam: turns "start + duration" into a due time.
//
// Working days skip Saturdays, Sundays, Czech public holidays (Good Friday and Easter Monday
// computed for any year) and each tenant's own closures. Time is UTC in storage and counted in
// Europe/Prague, where a day and a working day begin.
#pragma once

#include <string>
#include <vector>

#include "engine/clock.h"
#include "engine/duration.h"
#include "engine/status.h"

namespace souhra {

// A computed due time and how it was reached, so that people can check it.
struct DueDate {
  Instant due;
  // Lines in Czech for people, e.g. "start: čt 2. 4. 2026 10:00",
  // "přeskočeno: pá 3. 4. 2026 (Velký pátek)", "termín: st 8. 4. 2026 10:00".
  std::vector<std::string> explanation;
};

class Calendar {
 public:
  virtual ~Calendar() = default;
  // The instant `duration` after `from` for `tenant`, with its explanation. Thread-safe.
  virtual Result<DueDate> Add(Instant from, const Duration& duration,
                              const std::string& tenant) const = 0;
  // The instant `duration` before `from` for `tenant`, with its explanation: Add counted
  // backwards, so that for a single-part duration Subtract(Add(t, d), d) == t whenever t lies on
  // a working day. Used for reminders before a due time. Thread-safe.
  virtual Result<DueDate> Subtract(Instant from, const Duration& duration,
                                   const std::string& tenant) const = 0;
  // The instant the Prague day `days_later` days after the day of `t` begins (0: the day of `t`
  // itself); its first instant when midnight falls into a daylight-saving gap. Thread-safe.
  virtual Instant StartOfDay(Instant t, int days_later) const = 0;
};

}  // namespace souhra
