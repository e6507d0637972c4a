// Czech public holidays (státní svátky and ostatní svátky, zákon č. 245/2000 Sb.): the days a
// municipal office is closed by law, with the names people see in explanations.
//
// The current law is applied to every year, except that Good Friday is a holiday only from 2016
// (zákon č. 359/2015 Sb.). Easter Sunday is computed by the anonymous Gregorian algorithm.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

namespace souhra {

struct Holiday {
  std::chrono::year_month_day date;
  std::string_view name;  // in Czech, e.g. "Velký pátek"; static storage
};

// Easter Sunday of `year` in the Gregorian calendar, e.g. 5 April for 2026.
std::chrono::year_month_day EasterSunday(std::chrono::year year);

// The public holidays of `year`, in date order: 13 from 2016, 12 before.
std::vector<Holiday> CzechHolidays(std::chrono::year year);

// The holiday's name if `day` is a public holiday, nullopt otherwise.
std::optional<std::string_view> CzechHolidayName(std::chrono::year_month_day day);

}  // namespace souhra
