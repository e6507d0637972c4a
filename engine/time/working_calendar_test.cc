// The rules of WorkingCalendar::Add: where counting starts, daylight-saving changes, months, the
// order of mixed parts, closures and errors. 2026 changes to summer time on Sunday 29 March and
// back on Sunday 25 October; Prague is UTC+1 in winter and UTC+2 in summer.
#include "engine/time/working_calendar.h"

#include <thread>

#include "tests/calendar_fixture.h"

namespace souhra {
namespace {

using namespace std::chrono;

TEST_F(WorkingCalendarTest, FridayEveningPlusThreeWorkingDaysIsWednesdayEvening) {
  const DueDate due = Add(Utc(2026y / March / 6, 17h + 30min), "3 working days");
  EXPECT_EQ(due.due, Utc(2026y / March / 11, 17h + 30min));
  EXPECT_EQ(due.explanation.back(), "termín: st 11. 3. 2026 18:30");
}

TEST_F(WorkingCalendarTest, SaturdayPlusOneWorkingDayIsMonday) {
  EXPECT_EQ(Add(Utc(2026y / March / 7, 9h), "1 working day").due, Utc(2026y / March / 9, 9h));
}

TEST_F(WorkingCalendarTest, SundayAndFridayPlusOneWorkingDayAreMondayToo) {
  EXPECT_EQ(Add(Utc(2026y / March / 8, 9h), "1 working day").due, Utc(2026y / March / 9, 9h));
  EXPECT_EQ(Add(Utc(2026y / March / 6, 9h), "1 working day").due, Utc(2026y / March / 9, 9h));
}

TEST_F(WorkingCalendarTest, WorkingDaysCountFromThePragueDateNotTheUtcDate) {
  // 23:30 UTC on Thursday is already Friday 00:30 in Prague.
  EXPECT_EQ(Add(Utc(2026y / March / 5, 23h + 30min), "1 working day").due,
            Utc(2026y / March / 8, 23h + 30min));
}

TEST_F(WorkingCalendarTest, OneDayAcrossTheSpringChangeIs23HoursOfTheSameWallClockTime) {
  const DueDate due = Add(Utc(2026y / March / 28, 9h), "1 day");
  EXPECT_EQ(due.due, Utc(2026y / March / 29, 8h));
  EXPECT_EQ(due.explanation.back(), "termín: ne 29. 3. 2026 10:00");
}

TEST_F(WorkingCalendarTest, TwentyFourHoursAcrossTheSpringChangeAreExact) {
  const DueDate due = Add(Utc(2026y / March / 28, 9h), "24 hours");
  EXPECT_EQ(due.due, Utc(2026y / March / 29, 9h));
  EXPECT_EQ(due.explanation, Lines("start: so 28. 3. 2026 10:00", "lhůta: 24 h",
                                   "pravidlo: 24 h skutečně uplynulého času, i přes změnu času",
                                   "termín: ne 29. 3. 2026 11:00"));
}

TEST_F(WorkingCalendarTest, OneDayAcrossTheAutumnChangeIs25Hours) {
  EXPECT_EQ(Add(Utc(2026y / October / 24, 8h), "1 day").due, Utc(2026y / October / 25, 9h));
}

TEST_F(WorkingCalendarTest, TwentyFourHoursAcrossTheAutumnChangeAreExact) {
  const DueDate due = Add(Utc(2026y / October / 24, 8h), "24 hours");
  EXPECT_EQ(due.due, Utc(2026y / October / 25, 8h));
  EXPECT_EQ(due.explanation.back(), "termín: ne 25. 10. 2026 9:00");
}

TEST_F(WorkingCalendarTest, WorkingDayOverTheSpringWeekendKeepsTheWallClockTime) {
  EXPECT_EQ(Add(Utc(2026y / March / 27, 9h), "1 working day").due, Utc(2026y / March / 30, 8h));
}

TEST_F(WorkingCalendarTest, WorkingDayOverTheAutumnWeekendKeepsTheWallClockTime) {
  EXPECT_EQ(Add(Utc(2026y / October / 23, 8h), "1 working day").due, Utc(2026y / October / 26, 9h));
}

TEST_F(WorkingCalendarTest, TimeInTheSpringGapMovesForwardByTheGap) {
  // Saturday 02:30 winter time + 1 day: Sunday 02:30 does not exist, 03:30 summer time does.
  const DueDate due = Add(Utc(2026y / March / 28, 1h + 30min), "1 day");
  EXPECT_EQ(due.due, Utc(2026y / March / 29, 1h + 30min));
  EXPECT_TRUE(Explains(due,
                       "posun: ne 29. 3. 2026 2:30 neexistuje (přechod na letní čas), "
                       "platí ne 29. 3. 2026 3:30"));
}

TEST_F(WorkingCalendarTest, TimeInTheAutumnOverlapTakesTheFirstOccurrence) {
  // Saturday 02:30 summer time + 1 day: Sunday 02:30 happens at 00:30 and at 01:30 UTC.
  const DueDate due = Add(Utc(2026y / October / 24, 30min), "1 day");
  EXPECT_EQ(due.due, Utc(2026y / October / 25, 30min));
  EXPECT_TRUE(Explains(due,
                       "posun: ne 25. 10. 2026 2:30 nastává dvakrát (přechod na zimní čas), "
                       "platí první, ještě letní čas"));
}

TEST_F(WorkingCalendarTest, ExactTimeFromTheSecondOccurrenceInTheOverlapStaysExact) {
  EXPECT_EQ(Add(Utc(2026y / October / 25, 1h + 30min), "2 hours").due,
            Utc(2026y / October / 25, 3h + 30min));
}

TEST_F(WorkingCalendarTest, MonthKeepsTheDayOfMonthAndWallClockAcrossTheSpringChange) {
  EXPECT_EQ(Add(Utc(2026y / March / 15, 9h), "1 month").due, Utc(2026y / April / 15, 8h));
}

TEST_F(WorkingCalendarTest, MonthClampsToTheLastDayOfAShorterMonth) {
  EXPECT_EQ(Add(Utc(2026y / January / 31, 9h), "1 month").due, Utc(2026y / February / 28, 9h));
  EXPECT_EQ(Add(Utc(2028y / January / 31, 9h), "1 měsíc").due, Utc(2028y / February / 29, 9h));
  EXPECT_EQ(Add(Utc(2026y / March / 31, 8h), "P1M").due, Utc(2026y / April / 30, 8h));
}

TEST_F(WorkingCalendarTest, WeeksAreSevenCalendarDays) {
  EXPECT_EQ(Add(Utc(2026y / March / 25, 9h), "1 week").due, Utc(2026y / April / 1, 8h));
}

TEST_F(WorkingCalendarTest, MixedPartsApplyMonthsThenDaysThenWorkingDaysThenExactTime) {
  // 30 Jan + 1 month = 28 Feb, + 2 days = Monday 2 Mar, + 1 working day = 3 Mar, + 3 hours = 13:00.
  // Any other order gives 2 or 4 March.
  const DueDate due = Add(Utc(2026y / January / 30, 9h), "1 month 2 days 1 working day 3 hours");
  EXPECT_EQ(due.due, Utc(2026y / March / 3, 12h));
  EXPECT_EQ(
      due.explanation,
      Lines("start: pá 30. 1. 2026 10:00", "lhůta: 1 měsíc, 2 kalendářní dny, 1 pracovní den, 3 h",
            "pravidlo: 1 měsíc, stejný den v měsíci ve stejný čas, v kratším měsíci jeho "
            "poslední den",
            "pravidlo: 2 kalendářní dny, ve stejný čas",
            "pravidlo: 1 pracovní den od následujícího dne, ve stejný čas; nepočítají se "
            "soboty, neděle, svátky ani dny, kdy je úřad uzavřen",
            "pravidlo: 3 h skutečně uplynulého času, i přes změnu času",
            "termín: út 3. 3. 2026 13:00"));
}

TEST_F(WorkingCalendarTest, ZeroDurationReturnsTheStart) {
  Duration zero;
  Result<DueDate> due = calendar_->Add(Utc(2026y / March / 6, 9h), zero, "brno");
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(due->due, Utc(2026y / March / 6, 9h));
}

TEST_F(WorkingCalendarTest, RejectsNegativeAndTooLongDurations) {
  Duration negative{.days = -1, .text = "minus a day"};
  EXPECT_EQ(calendar_->Add(Utc(2026y / March / 6, 9h), negative, "brno").status().message(),
            "duration 'minus a day' has a negative part");
  Duration too_long{.working_days = kMaxWorkingDays + 1, .text = "forever"};
  EXPECT_EQ(calendar_->Add(Utc(2026y / March / 6, 9h), too_long, "brno").status().message(),
            "duration 'forever' is longer than 100 years");
}

TEST_F(WorkingCalendarTest, RejectsAStartOutsideTheSupportedYears) {
  const Duration one_day{.days = 1, .text = "1 day"};
  Result<DueDate> due = calendar_->Add(Utc(9500y / January / 1, 0h), one_day, "brno");
  EXPECT_EQ(due.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(due.status().message(),
            "start 9500-01-01T00:00:00.000Z is outside the years 1900–9000");
}

TEST_F(WorkingCalendarTest, RejectsAClosureThatEndsBeforeItStartsAndKeepsTheOldOnes) {
  ASSERT_TRUE(
      calendar_->SetClosures("brno", {{2026y / March / 9, 2026y / March / 9, "sanitace"}}).ok());
  Status s = calendar_->SetClosures("brno", {{2026y / March / 20, 2026y / March / 19, "malování"}});
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(),
            "closure 'malování' of tenant 'brno': ends čt 19. 3. 2026 before it starts "
            "pá 20. 3. 2026");
  EXPECT_FALSE(calendar_->IsWorkingDay("brno", 2026y / March / 9));
}

TEST_F(WorkingCalendarTest, RejectsAClosureWithoutReasonOrWithAnInvalidDate) {
  EXPECT_EQ(calendar_->SetClosures("brno", {{2026y / March / 9, 2026y / March / 9, ""}}).message(),
            "closure '' of tenant 'brno': no reason given");
  EXPECT_EQ(
      calendar_->SetClosures("brno", {{2026y / February / 30, 2026y / March / 9, "x"}}).message(),
      "closure 'x' of tenant 'brno': invalid date");
}

TEST_F(WorkingCalendarTest, IsWorkingDayKnowsWeekendsHolidaysAndClosures) {
  ASSERT_TRUE(
      calendar_->SetClosures("brno", {{2026y / March / 9, 2026y / March / 10, "sanitace"}}).ok());
  EXPECT_TRUE(calendar_->IsWorkingDay("brno", 2026y / March / 6));
  EXPECT_FALSE(calendar_->IsWorkingDay("brno", 2026y / March / 7));
  EXPECT_FALSE(calendar_->IsWorkingDay("brno", 2026y / April / 3));
  EXPECT_FALSE(calendar_->IsWorkingDay("brno", 2026y / March / 10));
  EXPECT_TRUE(calendar_->IsWorkingDay("brno", 2026y / March / 11));
  EXPECT_TRUE(calendar_->IsWorkingDay("jihlava", 2026y / March / 10));
}

TEST_F(WorkingCalendarTest, ReadersSeeEitherTheOldOrTheNewClosuresWhileTheyChange) {
  const Instant friday = Utc(2026y / March / 6, 9h);
  const Instant monday = Utc(2026y / March / 9, 9h);
  const Instant tuesday = Utc(2026y / March / 10, 9h);
  std::thread writer([&] {
    for (int i = 0; i < 200; ++i) {
      std::vector<Closure> closures;
      if (i % 2 == 0) closures.push_back({2026y / March / 9, 2026y / March / 9, "sanitace"});
      ASSERT_TRUE(calendar_->SetClosures("brno", std::move(closures)).ok());
    }
  });
  for (int i = 0; i < 200; ++i) {
    const Instant due = Add(friday, "1 working day").due;
    EXPECT_TRUE(due == monday || due == tuesday);
  }
  writer.join();
}

}  // namespace
}  // namespace souhra
