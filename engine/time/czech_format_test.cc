#include "engine/time/czech_format.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

using namespace std::chrono;

TEST(FormatCzechDate, WritesWeekdayDayMonthYearWithoutPadding) {
  EXPECT_EQ(FormatCzechDate(2026y / April / 2), "čt 2. 4. 2026");
  EXPECT_EQ(FormatCzechDate(2026y / December / 27), "ne 27. 12. 2026");
  EXPECT_EQ(FormatCzechDate(2026y / March / 30), "po 30. 3. 2026");
}

TEST(FormatCzechDateTime, ShowsTheMinuteWithoutSeconds) {
  const LocalTime morning = local_days(2026y / April / 3) + 9h + 5min;
  EXPECT_EQ(FormatCzechDateTime(morning), "pá 3. 4. 2026 9:05");
  EXPECT_EQ(FormatCzechDateTime(morning + 59s + 250ms), "pá 3. 4. 2026 9:05");
}

TEST(CzechCount, PicksThePluralFormForTheNumber) {
  EXPECT_EQ(CzechCount(1, "den", "dny", "dnů"), "1 den");
  EXPECT_EQ(CzechCount(4, "den", "dny", "dnů"), "4 dny");
  EXPECT_EQ(CzechCount(5, "den", "dny", "dnů"), "5 dnů");
  EXPECT_EQ(CzechCount(0, "den", "dny", "dnů"), "0 dnů");
}

TEST(FormatElapsed, LeavesOutZeroParts) {
  EXPECT_EQ(FormatElapsed(24 * 3'600'000), "24 h");
  EXPECT_EQ(FormatElapsed(90 * 60'000), "1 h 30 min");
  EXPECT_EQ(FormatElapsed(3'600'000 + 250), "1 h 250 ms");
  EXPECT_EQ(FormatElapsed(0), "0 s");
}

TEST(FormatCzechDuration, WritesEachPartInCzech) {
  EXPECT_EQ(FormatCzechDuration(Duration{.working_days = 15, .text = "15 working days"}),
            "15 pracovních dnů");
  EXPECT_EQ(FormatCzechDuration(
                Duration{.months = 1, .days = 2, .working_days = 1, .millis = 3 * 3'600'000}),
            "1 měsíc, 2 kalendářní dny, 1 pracovní den, 3 h");
  EXPECT_EQ(FormatCzechDuration(Duration{.days = 2, .section_40 = true}),
            "2 kalendářní dny (§ 40)");
}

}  // namespace
}  // namespace souhra
