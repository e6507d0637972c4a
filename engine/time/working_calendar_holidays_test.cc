// Working days around each Czech public holiday and a tenant's closure. Times are 10:00 in
// Prague unless said otherwise: 09:00 UTC in winter time, 08:00 UTC in summer time.
#include "tests/calendar_fixture.h"

namespace souhra {
namespace {

using namespace std::chrono;

using WorkingDaysAroundHolidays = WorkingCalendarTest;

TEST_F(WorkingDaysAroundHolidays, SkipGoodFridayEasterMondayAndTheWeekendBetween) {
  const DueDate due = Add(Utc(2026y / April / 2, 8h), "3 working days");
  EXPECT_EQ(due.due, Utc(2026y / April / 9, 8h));
  EXPECT_EQ(due.explanation,
            Lines("start: čt 2. 4. 2026 10:00", "lhůta: 3 pracovní dny",
                  "pravidlo: 3 pracovní dny od následujícího dne, ve stejný čas; "
                  "nepočítají se soboty, neděle, svátky ani dny, kdy je úřad uzavřen",
                  "přeskočeno: pá 3. 4. 2026 (Velký pátek)",
                  "přeskočeno: po 6. 4. 2026 (Velikonoční pondělí)",
                  "přeskočeno víkendových dnů: 2", "termín: čt 9. 4. 2026 10:00"));
}

TEST_F(WorkingDaysAroundHolidays, CountOnlyEasterMondayIn2015BeforeGoodFridayWasAHoliday) {
  const DueDate due = Add(Utc(2015y / April / 2, 8h), "1 working day");
  EXPECT_EQ(due.due, Utc(2015y / April / 3, 8h));
  const DueDate after = Add(Utc(2015y / April / 3, 8h), "1 working day");
  EXPECT_EQ(after.due, Utc(2015y / April / 7, 8h));
}

TEST_F(WorkingDaysAroundHolidays, SkipLabourDayAndVictoryDay) {
  EXPECT_EQ(Add(Utc(2026y / April / 30, 8h), "1 working day").due, Utc(2026y / May / 4, 8h));
  const DueDate due = Add(Utc(2026y / May / 7, 8h), "1 pracovní den");
  EXPECT_EQ(due.due, Utc(2026y / May / 11, 8h));
  EXPECT_TRUE(Explains(due, "přeskočeno: pá 8. 5. 2026 (Den vítězství)"));
}

TEST_F(WorkingDaysAroundHolidays, NameCyrilAndMethodiusOnASundayAndSkipJanHus) {
  const DueDate due = Add(Utc(2026y / July / 3, 8h), "1 working day");
  EXPECT_EQ(due.due, Utc(2026y / July / 7, 8h));
  EXPECT_TRUE(
      Explains(due, "přeskočeno: ne 5. 7. 2026 (Den slovanských věrozvěstů Cyrila a Metoděje)"));
  EXPECT_TRUE(Explains(due, "přeskočeno: po 6. 7. 2026 (Den upálení mistra Jana Husa)"));
  EXPECT_TRUE(Explains(due, "přeskočeno víkendových dnů: 1"));
}

TEST_F(WorkingDaysAroundHolidays, SkipBothJulyHolidaysOnWeekdays) {
  EXPECT_EQ(Add(Utc(2027y / July / 2, 8h), "1 working day").due, Utc(2027y / July / 7, 8h));
}

TEST_F(WorkingDaysAroundHolidays, SkipCzechStatehoodDay) {
  EXPECT_EQ(Add(Utc(2026y / September / 25, 8h), "1 working day").due,
            Utc(2026y / September / 29, 8h));
}

TEST_F(WorkingDaysAroundHolidays, SkipIndependenceDayInWinterTime) {
  EXPECT_EQ(Add(Utc(2026y / October / 27, 9h), "1 working day").due, Utc(2026y / October / 29, 9h));
}

TEST_F(WorkingDaysAroundHolidays, SkipStruggleForFreedomDay) {
  EXPECT_EQ(Add(Utc(2026y / November / 16, 9h), "1 working day").due,
            Utc(2026y / November / 18, 9h));
}

TEST_F(WorkingDaysAroundHolidays, SkipChristmasEveAndBothChristmasDays) {
  const DueDate due = Add(Utc(2026y / December / 23, 9h), "1 working day");
  EXPECT_EQ(due.due, Utc(2026y / December / 28, 9h));
  EXPECT_TRUE(Explains(due, "přeskočeno: čt 24. 12. 2026 (Štědrý den)"));
  EXPECT_TRUE(Explains(due, "přeskočeno: pá 25. 12. 2026 (1. svátek vánoční)"));
  EXPECT_TRUE(Explains(due, "přeskočeno: so 26. 12. 2026 (2. svátek vánoční)"));
  EXPECT_TRUE(Explains(due, "přeskočeno víkendových dnů: 1"));
}

TEST_F(WorkingDaysAroundHolidays, SkipNewYearIntoTheNextYear) {
  EXPECT_EQ(Add(Utc(2026y / December / 31, 9h), "1 working day").due, Utc(2027y / January / 4, 9h));
}

TEST_F(WorkingDaysAroundHolidays, SkipATenantClosureBetweenChristmasAndNewYear) {
  ASSERT_TRUE(calendar_
                  ->SetClosures("brno", {{2026y / December / 28, 2026y / December / 31,
                                          "úřad uzavřen mezi svátky"}})
                  .ok());
  const DueDate due = Add(Utc(2026y / December / 23, 9h), "1 working day");
  EXPECT_EQ(due.due, Utc(2027y / January / 4, 9h));
  EXPECT_EQ(due.explanation,
            Lines("start: st 23. 12. 2026 10:00", "lhůta: 1 pracovní den",
                  "pravidlo: 1 pracovní den od následujícího dne, ve stejný čas; "
                  "nepočítají se soboty, neděle, svátky ani dny, kdy je úřad uzavřen",
                  "přeskočeno: čt 24. 12. 2026 (Štědrý den)",
                  "přeskočeno: pá 25. 12. 2026 (1. svátek vánoční)",
                  "přeskočeno: so 26. 12. 2026 (2. svátek vánoční)",
                  "přeskočeno: po 28. 12. 2026 – čt 31. 12. 2026 (úřad uzavřen mezi svátky)",
                  "přeskočeno: pá 1. 1. 2027 (Den obnovy samostatného českého státu / "
                  "Nový rok)",
                  "přeskočeno víkendových dnů: 3", "termín: po 4. 1. 2027 10:00"));
}

TEST_F(WorkingDaysAroundHolidays, ApplyAClosureOnlyToItsTenant) {
  ASSERT_TRUE(calendar_
                  ->SetClosures("brno", {{2026y / December / 28, 2026y / December / 31,
                                          "úřad uzavřen mezi svátky"}})
                  .ok());
  EXPECT_EQ(Add(Utc(2026y / December / 23, 9h), "1 working day", "jihlava").due,
            Utc(2026y / December / 28, 9h));
}

}  // namespace
}  // namespace souhra
