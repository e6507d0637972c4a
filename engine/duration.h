// A duration as the Calendar seam takes it: months, calendar days, working days and exact time,
// read from what a methodologist wrote by ParseDuration (engine/time/duration_parser.h).
//
// The rule of § 40 odst. 1 písm. c) správního řádu is written as a suffix on a period in calendar
// days, weeks, months or years: "15 days (§ 40)", "15 dní (§ 40)" or "15 dní podle § 40" (also
// "§40"). Such a period whose last day falls on a Saturday, a Sunday or a public holiday ends on
// the next day that is none of these (engine/time/working_calendar.h).
#pragma once

#include <cstdint>
#include <string>

namespace souhra {

struct Duration {
  int months = 0;        // calendar months (the same day of month, clamped to its end)
  int days = 0;          // calendar days
  int working_days = 0;  // days that are neither weekend, public holiday nor tenant closure
  int64_t millis = 0;    // exact time: hours, minutes, seconds
  // § 40 správního řádu: a last day on a weekend or public holiday moves to the next working day.
  bool section_40 = false;
  std::string text;  // as written, for explanations

  bool IsZero() const { return months == 0 && days == 0 && working_days == 0 && millis == 0; }
};

// The longest duration of each kind ParseDuration accepts (about 100 years), so that due times stay
// far inside what the calendar can compute. Calendar implementations reject anything longer.
inline constexpr int kMaxMonths = 1200;
inline constexpr int kMaxDays = 36525;
inline constexpr int kMaxWorkingDays = 25000;
inline constexpr int64_t kMaxMillis = int64_t{kMaxDays} * 24 * 60 * 60 * 1000;

}  // namespace souhra
