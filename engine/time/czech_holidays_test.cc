#include "engine/time/czech_holidays.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

using namespace std::chrono;

TEST(EasterSunday, MatchesPublishedDates) {
  EXPECT_EQ(EasterSunday(year(2015)), 2015y / April / 5);
  EXPECT_EQ(EasterSunday(year(2024)), 2024y / March / 31);
  EXPECT_EQ(EasterSunday(year(2025)), 2025y / April / 20);
  EXPECT_EQ(EasterSunday(year(2026)), 2026y / April / 5);
  EXPECT_EQ(EasterSunday(year(2027)), 2027y / March / 28);
  EXPECT_EQ(EasterSunday(year(2038)), 2038y / April / 25);  // the latest possible date
  EXPECT_EQ(EasterSunday(year(2285)), 2285y / March / 22);  // the earliest possible date
}

TEST(CzechHolidays, ListsAllThirteenOf2026InOrderWithNames) {
  const std::vector<std::pair<year_month_day, std::string_view>> want = {
      {2026y / January / 1, "Den obnovy samostatného českého státu / Nový rok"},
      {2026y / April / 3, "Velký pátek"},
      {2026y / April / 6, "Velikonoční pondělí"},
      {2026y / May / 1, "Svátek práce"},
      {2026y / May / 8, "Den vítězství"},
      {2026y / July / 5, "Den slovanských věrozvěstů Cyrila a Metoděje"},
      {2026y / July / 6, "Den upálení mistra Jana Husa"},
      {2026y / September / 28, "Den české státnosti"},
      {2026y / October / 28, "Den vzniku samostatného československého státu"},
      {2026y / November / 17, "Den boje za svobodu a demokracii"},
      {2026y / December / 24, "Štědrý den"},
      {2026y / December / 25, "1. svátek vánoční"},
      {2026y / December / 26, "2. svátek vánoční"},
  };
  const std::vector<Holiday> got = CzechHolidays(year(2026));
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i].date, want[i].first) << i;
    EXPECT_EQ(got[i].name, want[i].second) << i;
  }
}

TEST(CzechHolidays, PutsGoodFridayAndEasterMondayAroundEasterIn2024To2027) {
  const std::vector<std::pair<year_month_day, year_month_day>> want = {
      {2024y / March / 29, 2024y / April / 1},
      {2025y / April / 18, 2025y / April / 21},
      {2026y / April / 3, 2026y / April / 6},
      {2027y / March / 26, 2027y / March / 29},
  };
  for (const auto& [good_friday, easter_monday] : want) {
    SCOPED_TRACE(int(good_friday.year()));
    const std::vector<Holiday> got = CzechHolidays(good_friday.year());
    ASSERT_EQ(got.size(), 13u);
    EXPECT_EQ(got[1].date, good_friday);
    EXPECT_EQ(got[1].name, "Velký pátek");
    EXPECT_EQ(got[2].date, easter_monday);
    EXPECT_EQ(got[2].name, "Velikonoční pondělí");
  }
}

TEST(CzechHolidays, HasNoGoodFridayBefore2016) {
  const std::vector<Holiday> got = CzechHolidays(year(2015));
  ASSERT_EQ(got.size(), 12u);
  EXPECT_EQ(got[1].date, 2015y / April / 6);
  EXPECT_EQ(got[1].name, "Velikonoční pondělí");
  EXPECT_EQ(CzechHolidayName(2015y / April / 3), std::nullopt);
  EXPECT_EQ(CzechHolidayName(2016y / March / 25), "Velký pátek");
}

TEST(CzechHolidayName, AgreesWithTheListOnEveryDayOf2024To2027) {
  for (int y = 2024; y <= 2027; ++y) {
    const std::vector<Holiday> holidays = CzechHolidays(year(y));
    size_t next = 0;
    for (sys_days d{year(y) / January / 1}; d <= sys_days{year(y) / December / 31}; d += days(1)) {
      const year_month_day day(d);
      if (next < holidays.size() && holidays[next].date == day) {
        EXPECT_EQ(CzechHolidayName(day), holidays[next].name);
        ++next;
      } else {
        EXPECT_EQ(CzechHolidayName(day), std::nullopt)
            << int(day.year()) << "-" << unsigned(day.month()) << "-" << unsigned(day.day());
      }
    }
    EXPECT_EQ(next, holidays.size());
  }
}

}  // namespace
}  // namespace souhra
