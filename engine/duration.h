// Durations as methodologists write them: "3 working days", "2 weeks", "24 hours", "1 month",
// "30 minutes", or ISO-8601 ("P3D", "PT4H", "P1M2DT3H"). Czech forms are accepted too
// ("3 pracovní dny", "2 týdny", "24 hodin", "1 měsíc").
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
  std::string text;      // as written, for explanations

  bool IsZero() const { return months == 0 && days == 0 && working_days == 0 && millis == 0; }
};

// Parses a duration. kInvalidArgument with a message that shows an accepted form, e.g.
// "bad duration '3 workdays' (expected e.g. \"3 working days\", \"24 hours\" or \"P3D\")".
Result<Duration> ParseDuration(std::string_view text);

}  // namespace souhra
