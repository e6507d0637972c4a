// Reading durations as methodologists write them: "3 working days", "2 weeks", "24 hours",
// "1 month", "30 minutes", ISO-8601 ("P3D", "PT4H", "P1M2DT3H"), and the Czech forms ("3 pracovní
// dny", "2 týdny", "24 hodin", "1 měsíc"). The value type is engine/duration.h.
#pragma once

#include <string_view>

#include "engine/duration.h"
#include "engine/status.h"

namespace souhra {

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
