#include "engine/time/czech_holidays.h"

#include <algorithm>
#include <array>

namespace souhra {
namespace {

using std::chrono::days;
using std::chrono::month_day;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

struct FixedHoliday {
  month_day day;
  std::string_view name;
};

constexpr std::array kFixed = {
    FixedHoliday{std::chrono::January / 1, "Den obnovy samostatného českého státu / Nový rok"},
    FixedHoliday{std::chrono::May / 1, "Svátek práce"},
    FixedHoliday{std::chrono::May / 8, "Den vítězství"},
    FixedHoliday{std::chrono::July / 5, "Den slovanských věrozvěstů Cyrila a Metoděje"},
    FixedHoliday{std::chrono::July / 6, "Den upálení mistra Jana Husa"},
    FixedHoliday{std::chrono::September / 28, "Den české státnosti"},
    FixedHoliday{std::chrono::October / 28, "Den vzniku samostatného československého státu"},
    FixedHoliday{std::chrono::November / 17, "Den boje za svobodu a demokracii"},
    FixedHoliday{std::chrono::December / 24, "Štědrý den"},
    FixedHoliday{std::chrono::December / 25, "1. svátek vánoční"},
    FixedHoliday{std::chrono::December / 26, "2. svátek vánoční"},
};

constexpr std::string_view kGoodFriday = "Velký pátek";
constexpr std::string_view kEasterMonday = "Velikonoční pondělí";
constexpr year kFirstYearWithGoodFriday{2016};

// The holidays that move with Easter in `y`.
std::vector<Holiday> MovableHolidays(year y) {
  sys_days easter(EasterSunday(y));
  std::vector<Holiday> movable;
  if (y >= kFirstYearWithGoodFriday) movable.push_back({easter - days(2), kGoodFriday});
  movable.push_back({easter + days(1), kEasterMonday});
  return movable;
}

}  // namespace

year_month_day EasterSunday(year y) {
  const int n = int(y);
  const int a = n % 19, b = n / 100, c = n % 100;
  const int d = b / 4, e = b % 4, f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return y / std::chrono::month(unsigned(month)) / std::chrono::day(unsigned(day));
}

std::vector<Holiday> CzechHolidays(year y) {
  std::vector<Holiday> holidays = MovableHolidays(y);
  for (const FixedHoliday& fixed : kFixed) holidays.push_back({y / fixed.day, fixed.name});
  std::sort(holidays.begin(), holidays.end(),
            [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return holidays;
}

std::optional<std::string_view> CzechHolidayName(year_month_day day) {
  const month_day md = day.month() / day.day();
  for (const FixedHoliday& fixed : kFixed) {
    if (fixed.day == md) return fixed.name;
  }
  // Good Friday and Easter Monday fall between 20 March and 26 April.
  if (day.month() != std::chrono::March && day.month() != std::chrono::April) return std::nullopt;
  for (const Holiday& holiday : MovableHolidays(day.year())) {
    if (holiday.date == day) return holiday.name;
  }
  return std::nullopt;
}

}  // namespace souhra
