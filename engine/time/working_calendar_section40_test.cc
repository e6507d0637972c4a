// The rule of § 40 odst. 1 písm. c) správního řádu: a period in calendar days whose last day
// falls on a weekend or public holiday ends on the next working day, at the same wall-clock time.
#include "tests/calendar_fixture.h"

namespace souhra {
namespace {

using namespace std::chrono;

class Section40 : public WorkingCalendarTest {};

TEST_F(Section40, LeavesALastDayThatIsAWorkingDay) {
  const DueDate due = Add(Utc(2026y / March / 2, 9h), "15 days (§ 40)");
  EXPECT_EQ(due.due, Utc(2026y / March / 17, 9h));
  EXPECT_EQ(due.explanation.back(), "termín: út 17. 3. 2026 10:00");
}

TEST_F(Section40, MovesALastDayOnSaturdayToMonday) {
  const DueDate due = Add(Utc(2026y / March / 11, 9h), "3 dny (§ 40)");
  EXPECT_EQ(due.due, Utc(2026y / March / 16, 9h));
  EXPECT_TRUE(Explains(due, "posunuto: so 14. 3. 2026 (víkend) na po 16. 3. 2026"));
}

TEST_F(Section40, MovesALastDayOnEasterMondayToTuesday) {
  const DueDate due = Add(Utc(2026y / March / 30, 8h), "7 days (§ 40)");
  EXPECT_EQ(due.due, Utc(2026y / April / 7, 8h));
  EXPECT_TRUE(Explains(due, "posunuto: po 6. 4. 2026 (Velikonoční pondělí) na út 7. 4. 2026"));
}

TEST_F(Section40, MovesALastDayOnEasterSaturdayPastTheWholeEasterWeekend) {
  const DueDate due = Add(Utc(2026y / April / 2, 8h), "2 days (§ 40)");
  EXPECT_EQ(due.due, Utc(2026y / April / 7, 8h));
  EXPECT_EQ(
      due.explanation,
      Lines("start: čt 2. 4. 2026 10:00", "lhůta: 2 kalendářní dny (§ 40)",
            "pravidlo: 2 kalendářní dny, ve stejný čas",
            "pravidlo: § 40 správního řádu, připadne-li konec lhůty na sobotu, neděli nebo "
            "svátek, končí lhůta nejbližší příští pracovní den",
            "posunuto: so 4. 4. 2026 (víkend) na út 7. 4. 2026", "termín: út 7. 4. 2026 10:00"));
}

TEST_F(Section40, MovesALastDayOnChristmasEvePastBothChristmasDaysAndTheWeekend) {
  const DueDate due = Add(Utc(2026y / December / 14, 9h), "10 dní podle § 40");
  EXPECT_EQ(due.due, Utc(2026y / December / 28, 9h));
  EXPECT_TRUE(Explains(due, "posunuto: čt 24. 12. 2026 (Štědrý den) na po 28. 12. 2026"));
}

TEST_F(Section40, MovesALastDayOnStStephensDay) {
  EXPECT_EQ(Add(Utc(2025y / December / 16, 9h), "10 days (§ 40)").due,
            Utc(2025y / December / 29, 9h));
}

TEST_F(Section40, IgnoresTenantClosures) {
  ASSERT_TRUE(calendar_
                  ->SetClosures("brno", {{2026y / December / 28, 2026y / December / 31,
                                          "úřad uzavřen mezi svátky"}})
                  .ok());
  EXPECT_EQ(Add(Utc(2026y / December / 14, 9h), "10 dní podle § 40").due,
            Utc(2026y / December / 28, 9h));
}

TEST_F(Section40, MovesTheLastDayOfAShorterMonth) {
  // 31 January + 1 month is Saturday 28 February 2026.
  EXPECT_EQ(Add(Utc(2026y / January / 31, 9h), "1 month (§ 40)").due, Utc(2026y / March / 2, 9h));
}

TEST_F(Section40, KeepsTheWallClockTimeAcrossTheSpringChange) {
  // Friday 27 March 10:00 winter time + 1 day is Saturday; Monday 30 March 10:00 is summer time.
  EXPECT_EQ(Add(Utc(2026y / March / 27, 9h), "1 day (§ 40)").due, Utc(2026y / March / 30, 8h));
}

}  // namespace
}  // namespace souhra
