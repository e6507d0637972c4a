// A calendar for pure-step tests: every duration is counted as plain elapsed time (working days
// as whole days), so expectations are easy to compute by hand.
#pragma once

#include <algorithm>

#include "engine/calendar.h"

namespace souhra {

class FixedCalendar final : public Calendar {
 public:
  Result<DueDate> Add(Instant from, const Duration& d, const std::string&) const override {
    using std::chrono::hours;
    using std::chrono::milliseconds;
    const int64_t days = int64_t{d.months} * 30 + d.days + d.working_days;
    return DueDate{from + hours(24 * days) + milliseconds(d.millis), {"fixed: " + d.text}};
  }
  Result<DueDate> Subtract(Instant from, const Duration& d, const std::string&) const override {
    using std::chrono::hours;
    using std::chrono::milliseconds;
    const int64_t days = int64_t{d.months} * 30 + d.days + d.working_days;
    return DueDate{from - hours(24 * days) - milliseconds(d.millis), {"fixed: -" + d.text}};
  }
  // Days begin at midnight UTC.
  Instant StartOfDay(Instant t, int days_later) const override {
    return std::chrono::floor<std::chrono::days>(t) + std::chrono::days(days_later);
  }
  // Remaining time is always exact here.
  RemainingTime Remaining(Instant paused, Instant due, bool, const std::string&) const override {
    RemainingTime r;
    r.millis = std::max<int64_t>(0, (due - paused).count());
    return r;
  }
  Result<DueDate> Resume(Instant resumed, const RemainingTime& r,
                         const std::string&) const override {
    return DueDate{resumed + std::chrono::milliseconds(r.millis), {"fixed: resumed"}};
  }
  std::string Describe(Instant t) const override { return FormatUtc(t); }
};

}  // namespace souhra
