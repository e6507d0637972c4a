// The production Calendar: Czech working days and each tenant's closures, counted in
// Europe/Prague time from the system's time zone database.
//
// Add(from, d) converts `from` (UTC) to Prague wall-clock time and applies d's parts in this
// order, each starting where the previous one ended:
//  1. months: the same wall-clock time on the same day of the month, d.months later; when that
//     month is shorter, on its last day (31 Jan + 1 month = 28 or 29 Feb).
//  2. days: the same wall-clock time, d.days calendar days later. Across a daylight-saving change
//     such a day lasts 23 or 25 real hours.
//     With the § 40 rule (duration.h), a last day reached by 1–2 that is a Saturday, a Sunday or
//     a public holiday moves to the next day that is none of these. Tenant closures do not move
//     it: the law names only weekends and holidays.
//  3. working days: the same wall-clock time on the d.working_days-th working day after the day
//     reached so far. A working day is not a Saturday, a Sunday, a public holiday
//     (czech_holidays.h) or one of the tenant's closures. The starting day itself never counts,
//     working or not, as in a Czech administrative deadline that starts running the next day:
//     Friday 18:00 + 3 working days = Wednesday 18:00; Saturday 10:00 + 1 working day = Monday
//     10:00, the same as Friday 10:00 + 1 working day.
//  4. millis: exact elapsed time. 24 hours across a daylight-saving change are 24 real hours, so
//     the wall clock shows one hour more or less than at the start.
// The wall-clock time reached by 1–3 becomes UTC again. A time in the spring gap (02:00–03:00 on
// the last Sunday of March does not exist) moves forward by the gap's length, 02:30 becomes 03:30
// summer time; a time in the autumn overlap (02:00–03:00 on the last Sunday of October happens
// twice) is taken at its first occurrence, still in summer time. RFC 5545 and java.time do the
// same.
//
// Subtract(from, d) counts the same parts backwards in the reverse order: exact time first, then
// working days (the d.working_days-th working day before the day of `from`, that day itself not
// counting: Wednesday 10:00 - 3 working days = Friday 10:00 before it), calendar days, months
// (clamped to the end of a shorter month); the wall-clock time is kept and resolved as above.
//
// The explanation lists, in Czech: the start in Prague time, the duration as written, the rule of
// each part, every holiday and closure skipped while counting working days by name (consecutive
// days of one closure as one range; a day that is both is named for the holiday), the number of
// weekend days skipped, a note when the wall-clock time had to be moved, and the due time.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <vector>

#include "engine/calendar.h"
#include "engine/time/czech_format.h"

namespace date {
class time_zone;
}

namespace souhra {

// Days a tenant's office is closed beyond public holidays, e.g. between Christmas and New Year.
struct Closure {
  std::chrono::year_month_day first;  // Prague local days, both inclusive
  std::chrono::year_month_day last;
  std::string reason;  // shown in explanations, e.g. "úřad uzavřen mezi svátky"
};

class WorkingCalendar final : public Calendar {
 public:
  // kUnavailable when the time zone database has no Europe/Prague.
  static Result<std::unique_ptr<WorkingCalendar>> Create();

  // Replaces all closures of `tenant`. kInvalidArgument, changing nothing, when a closure has an
  // invalid date, ends before it starts or has no reason. Thread-safe; Add calls already running
  // finish with the closures they started with.
  Status SetClosures(const std::string& tenant, std::vector<Closure> closures);

  // Whether `day` is a working day for `tenant`. Thread-safe.
  bool IsWorkingDay(const std::string& tenant, std::chrono::year_month_day day) const;

  // See the top of this file. kInvalidArgument when a part of `duration` is negative or beyond
  // the limits in duration.h, or when `from` lies outside the years 1900–9000. Thread-safe.
  Result<DueDate> Add(Instant from, const Duration& duration,
                      const std::string& tenant) const override;
  // See the top of this file; the same errors as Add. Thread-safe.
  Result<DueDate> Subtract(Instant from, const Duration& duration,
                           const std::string& tenant) const override;
  // Midnight in Prague, or the first instant after it when midnight does not exist. Thread-safe.
  Instant StartOfDay(Instant t, int days_later) const override;

  // What the wall clock in Prague shows at `t`. Thread-safe.
  LocalTime ToPrague(Instant t) const;

  // See calendar.h. Working days are counted as in Add, with the tenant's closures.
  RemainingTime Remaining(Instant paused, Instant due, bool in_working_days,
                          const std::string& tenant) const override;
  Result<DueDate> Resume(Instant resumed, const RemainingTime& remaining,
                         const std::string& tenant) const override;
  std::string Describe(Instant t) const override;

  // ISO-8601 in Prague time with its offset, e.g. "2026-04-08T10:00:00+02:00"; milliseconds
  // only when not zero. Thread-safe.
  std::string FormatPragueIso(Instant t) const;

 private:
  using Closures = std::shared_ptr<const std::vector<Closure>>;

  explicit WorkingCalendar(const date::time_zone* prague) : prague_(prague) {}
  // Add (step +1) or Subtract (step -1).
  Result<DueDate> Move(Instant from, const Duration& duration, int step,
                       const std::string& tenant) const;
  Closures ClosuresOf(const std::string& tenant) const;
  // The instant the Prague wall clock shows `t`, resolved as described at the top of this file;
  // appends a line to `explanation` when `t` falls into a gap or an overlap.
  Instant FromPrague(LocalTime t, std::vector<std::string>& explanation) const;

  const date::time_zone* const prague_;
  mutable std::shared_mutex mutex_;
  std::map<std::string, Closures> closures_;  // guarded by mutex_
};

}  // namespace souhra
