// WorkingCalendar::Subtract (counting back from a due time, for reminders) and StartOfDay.
#include <random>

#include "tests/calendar_fixture.h"
#include "tests/fakes/test_seed.h"

namespace souhra {
namespace {

using namespace std::chrono;

class SubtractingTest : public WorkingCalendarTest {
 protected:
  DueDate Subtract(Instant from, const char* text) const {
    Result<DueDate> due = calendar_->Subtract(from, *ParseDuration(text), "brno");
    EXPECT_TRUE(due.ok()) << due.status().ToString();
    return due.ok() ? *due : DueDate{};
  }
};

TEST_F(SubtractingTest, WorkingDaysBeforeSkipEasterAndTheWeekend) {
  // Tuesday 7 April 2026 10:00 Prague; one working day before is Thursday 2 April, across Easter
  // Monday, the weekend and Good Friday.
  const DueDate reminder = Subtract(Utc(2026y / April / 7, 8h), "1 working day");
  EXPECT_EQ(reminder.due, Utc(2026y / April / 2, 8h));
  EXPECT_TRUE(Explains(reminder, "přeskočeno: pá 3. 4. 2026 (Velký pátek)"));
  EXPECT_TRUE(Explains(reminder, "přeskočeno: po 6. 4. 2026 (Velikonoční pondělí)"));
  EXPECT_TRUE(Explains(reminder, "připomenutí: čt 2. 4. 2026 10:00"));
}

TEST_F(SubtractingTest, WorkingDaysBeforeAMondayEndOnTheFriday) {
  EXPECT_EQ(Subtract(Utc(2026y / March / 9, 9h), "1 working day").due, Utc(2026y / March / 6, 9h));
  EXPECT_EQ(Subtract(Utc(2026y / March / 11, 17h), "3 working days").due,
            Utc(2026y / March / 6, 17h));
}

TEST_F(SubtractingTest, KeepsTheWallClockTimeAcrossTheSpringChange) {
  // Wednesday 1 April 10:00 summer time; five working days before is Wednesday 25 March 10:00
  // winter time, 09:00 UTC.
  EXPECT_EQ(Subtract(Utc(2026y / April / 1, 8h), "5 working days").due,
            Utc(2026y / March / 25, 9h));
}

TEST_F(SubtractingTest, ExactTimeAndCalendarDaysComeOffToo) {
  EXPECT_EQ(Subtract(Utc(2026y / March / 9, 9h), "24 hours").due, Utc(2026y / March / 8, 9h));
  EXPECT_EQ(Subtract(Utc(2026y / March / 31, 9h), "1 month").due, Utc(2026y / February / 28, 10h));
}

TEST_F(SubtractingTest, UndoesAddingWorkingDaysFromAWorkingDay) {
  std::mt19937 random(static_cast<std::mt19937::result_type>(testing::TestSeed(20260402)));
  std::uniform_int_distribution<int> day(0, 3 * 365), count(1, 40);
  for (int i = 0; i < 200; ++i) {
    const Instant start = Utc(2025y / January / 1, 9h) + days(day(random));
    if (!calendar_->IsWorkingDay("brno", year_month_day(floor<days>(start)))) continue;
    const std::string text = std::to_string(count(random)) + " working days";
    const Instant due = Add(start, text.c_str()).due;
    EXPECT_EQ(Subtract(due, text.c_str()).due, start) << FormatUtc(start) << " " << text;
  }
}

TEST_F(WorkingCalendarTest, StartOfDayIsPragueMidnight) {
  // 23:30 UTC on 7 April is 01:30 on 8 April in Prague.
  EXPECT_EQ(calendar_->StartOfDay(Utc(2026y / April / 7, 23h + 30min), 0),
            Utc(2026y / April / 7, 22h));
  EXPECT_EQ(calendar_->StartOfDay(Utc(2026y / April / 7, 21h), 1), Utc(2026y / April / 7, 22h));
  // The day after the spring change begins at 22:00 UTC; the day of it at 23:00 UTC before.
  EXPECT_EQ(calendar_->StartOfDay(Utc(2026y / March / 29, 12h), 0), Utc(2026y / March / 28, 23h));
  EXPECT_EQ(calendar_->StartOfDay(Utc(2026y / March / 29, 12h), 1), Utc(2026y / March / 29, 22h));
}

}  // namespace
}  // namespace souhra
