// Durations as methodologists write them: "3 working days", "2 weeks", "24 hours", "1 month",
// "30 minutes", or ISO-8601 ("P3D", "PT4H", "P1M2DT3H"). Czech forms are accepted too
// ("3 pracovní dny", "2 týdny", "24 hodin", "1 měsíc").
//
// The rule of § 40 odst. 1 písm. c) správního řádu is written as a suffix on a period in calendar
// days, weeks, months or years: "15 days (§ 40)", "15 dní (§ 40)" or "15 dní podle § 40" (also
// "§40"). Such a period whose last day falls on a Saturday, a Sunday or a public holiday ends on
// the next day that is none of these (engine/working_calendar.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/status.h"

namespace souhra {

struct Duration {
  int months = 0;        // calendar months (the same day of month, clamped to its end)
  int days = 0;          // calendar days
  int working_days = 0;  // days that are neither weekend, public holiday nor tenant closure
  int64_t millis = 0;    // exact time: hours, minutes, seconds
  // § 40 správního řádu: a last day on a weekend or public holiday moves to the next working day.
  bool section_40 = false;
  std::string text;      // as written, for explanations

  bool IsZero() const { return months == 0 && days == 0 && working_days == 0 && millis == 0; }
};

// The longest duration of each kind ParseDuration accepts (about 100 years), so that due times stay
// far inside what the calendar can compute. Calendar implementations reject anything longer.
inline constexpr int kMaxMonths = 1200;
inline constexpr int kMaxDays = 36525;
inline constexpr int kMaxWorkingDays = 25000;
inline constexpr int64_t kMaxMillis = int64_t{kMaxDays} * 24 * 60 * 60 * 1000;

// Parses a duration: one or more "N unit" parts separated by spaces or commas ("1 month, 2 days"),
// English or Czech, units in any grammatical number ("1 days", "5 dny"); or ISO-8601
// P[nY][nM][nW][nD][T[nH][nM][nS]] with whole numbers (a year is 12 months, a week 7 days).
// `text` keeps the input as written. kInvalidArgument otherwise, with one of these messages:
//   bad duration '3 workdays' (expected e.g. "3 working days", "24 hours" or "P3D")
//   bad duration '-3 days': negative durations are not allowed
//   bad duration '0 days': must be longer than zero
//   bad duration '200 years': longer than 100 years
//   bad duration '3 working days (§ 40)': § 40 applies only to calendar days, weeks, months or
//     years, without hours
Result<Duration> ParseDuration(std::string_view text);

}  // namespace souhra
