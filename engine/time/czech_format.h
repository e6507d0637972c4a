// How dates, times and counts are written for Czech readers in explanations and the UI:
// "čt 2. 4. 2026 10:00", "3 pracovní dny", "1 h 30 min", "15 pracovních dnů".
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/duration.h"

namespace souhra {

// Local time of day with millisecond precision, as the clock on the office wall shows it.
using LocalTime = std::chrono::local_time<std::chrono::milliseconds>;

// "čt 2. 4. 2026": weekday abbreviation (po út st čt pá so ne), day, month, year, no zero padding.
std::string FormatCzechDate(std::chrono::year_month_day day);

// "čt 2. 4. 2026 9:05": to the minute, as people read times; seconds are never shown.
std::string FormatCzechDateTime(LocalTime t);

// `n` with the Czech plural form that fits it: `one` for 1, `few` for 2–4, `many` otherwise,
// e.g. CzechCount(5, "den", "dny", "dnů") is "5 dnů".
std::string CzechCount(int64_t n, std::string_view one, std::string_view few,
                       std::string_view many);

// An exact length of time: "24 h", "1 h 30 min", "45 s", "250 ms"; zero parts left out.
std::string FormatElapsed(int64_t millis);

// A duration as a methodologist meant it, in Czech whatever language it was written in:
// "15 pracovních dnů", "1 měsíc, 2 kalendářní dny, 3 h", "2 kalendářní dny (§ 40)".
std::string FormatCzechDuration(const Duration& d);

}  // namespace souhra
