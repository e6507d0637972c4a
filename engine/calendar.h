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

// What is left of a running deadline when it is paused (cf. § 65 správního řádu), kept until
// it is resumed. A deadline counted in working days keeps whole working days and the wall-clock
// time of its due; any other deadline keeps exact time.
struct RemainingTime {
  bool in_working_days = false;
  // in_working_days: the working days after the day of the pause up to and including the day
  // of the due (0 when the due falls on the day of the pause), and the due's Prague time of day.
  int working_days = 0;
  int64_t time_of_day_millis = 0;
  // otherwise: due - pause, never negative.
  int64_t millis = 0;
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

  // What remains of a deadline due at `due` when paused at `paused`; `in_working_days` when its
  // rule counts working days. A due already past leaves nothing. Thread-safe.
  virtual RemainingTime Remaining(Instant paused, Instant due, bool in_working_days,
                                  const std::string& tenant) const = 0;

  // The new due of a deadline resumed at `resumed` with `remaining` left, explained: working days
  // count from the day after the resumption (none: the same day) and end at the kept time of
  // day, or at `resumed` itself when that time has passed; exact time is added to `resumed`.
  // kInvalidArgument when `remaining` is negative or beyond the limits of duration.h. Thread-safe.
  virtual Result<DueDate> Resume(Instant resumed, const RemainingTime& remaining,
                                 const std::string& tenant) const = 0;

  // `t` as people read it in explanations: the Prague time to the minute, "čt 2. 4. 2026 10:00".
  // Thread-safe.
  virtual std::string Describe(Instant t) const = 0;
};

}  // namespace souhra
