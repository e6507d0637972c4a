#include "engine/time/calendar_date.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

using namespace std::chrono;

TEST(CalendarDate, ReadsADayAndWritesItBack) {
  std::optional<year_month_day> day = ParseCalendarDate("2026-12-17");
  ASSERT_TRUE(day.has_value());
  EXPECT_EQ(*day, year_month_day(year(2026), month(12), std::chrono::day(17)));
  EXPECT_EQ(FormatCalendarDate(*day), "2026-12-17");
}

TEST(CalendarDate, RefusesWhatIsNotADay) {
  for (const char* text : {"", "2026-02-30", "2026-13-01", "2026-1-01", "10 working days",
                           "2026-04-02T10:00:00+02:00", "2026/04/02"}) {
    EXPECT_FALSE(ParseCalendarDate(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace souhra
