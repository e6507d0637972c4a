#include "engine/runtime/script_dates.h"

#include <gtest/gtest.h>

#include "tests/calendar_fixture.h"

namespace souhra {
namespace {

using namespace std::chrono;

class ScriptDatesTest : public WorkingCalendarTest {};

TEST_F(ScriptDatesTest, PragueDayIsTheDayOnTheOfficeWall) {
  // 23:30 UTC on 1 April is 01:30 on 2 April in Prague (summer time).
  EXPECT_EQ(PragueDate(*calendar_, Utc(2026y / April / 1, 23h + 30min)), "2026-04-02");
  EXPECT_EQ(PragueDate(*calendar_, Utc(2026y / December / 17, 8h)), "2026-12-17");
}

TEST_F(ScriptDatesTest, ParamsBecomeTheDaysTheirDeadlinesFallOn) {
  const Json params = {
      {"review_every", "60 working days"}, {"remind_hours_before", 24}, {"note", "not a duration"}};
  // Thursday before Easter, 10:00 in Prague: 60 working days skip Good Friday, Easter Monday,
  // 1 and 8 May.
  const Json dates = ScriptDates(*calendar_, Utc(2026y / April / 2, 8h), params, "brno");
  EXPECT_EQ(dates["today"], "2026-04-02");
  EXPECT_EQ(dates["dates"], Json({{"review_every", "2026-07-01"}}));
}

TEST_F(ScriptDatesTest, DueOnADayKeepsTheTimeOfDayAndNamesTheDay) {
  Result<DueDate> due = DueOnDate(*calendar_, Utc(2026y / April / 16, 8h), "2026-12-17", "brno");
  ASSERT_TRUE(due.ok()) << due.status().ToString();
  // 10:00 in Prague on the day agreed: winter time, 09:00 UTC.
  EXPECT_EQ(due->due, Utc(2026y / December / 17, 9h));
  EXPECT_TRUE(Explains(*due, "termín stanovený na den čt 17. 12. 2026"));
}

TEST_F(ScriptDatesTest, DueOnTodayOrAPastDayIsRefused) {
  const Instant now = Utc(2026y / April / 16, 8h);
  EXPECT_FALSE(DueOnDate(*calendar_, now, "2026-04-16", "brno").ok());
  EXPECT_FALSE(DueOnDate(*calendar_, now, "2026-04-01", "brno").ok());
  EXPECT_FALSE(DueOnDate(*calendar_, now, "10 working days", "brno").ok());
}

}  // namespace
}  // namespace souhra
