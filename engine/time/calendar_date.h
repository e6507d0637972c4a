// A calendar day as case data and forms write it: "YYYY-MM-DD" (a form's `date` field, a plan
// step's due, a review date).
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace souhra {

// The day `text` names, or none when it is not exactly "YYYY-MM-DD" of a day that exists.
std::optional<std::chrono::year_month_day> ParseCalendarDate(const std::string& text);

// `day` as "YYYY-MM-DD".
std::string FormatCalendarDate(std::chrono::year_month_day day);

}  // namespace souhra
