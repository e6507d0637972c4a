// WorkingCalendar::Remaining and Resume: what a paused deadline keeps and where it ends when
// resumed (engine/calendar.h).
#include "tests/calendar_fixture.h"

namespace souhra {
namespace {

using namespace std::chrono;

class RemainingAndResume : public WorkingCalendarTest {};

TEST_F(RemainingAndResume, CountsWorkingDaysAfterThePauseDaySkippingClosures) {
  ASSERT_TRUE(
      calendar_->SetClosures("brno", {{2026y / April / 8, 2026y / April / 8, "sanitární den"}})
          .ok());
  // Paused Thursday 2 April; due Friday 10 April 14:30. Left: 7, 9 and 10 April (3 and 6 are
  // holidays, 8 is closed).
  const RemainingTime r = calendar_->Remaining(Utc(2026y / April / 2, 8h),
                                               Utc(2026y / April / 10, 12h + 30min), true, "brno");
  EXPECT_TRUE(r.in_working_days);
  EXPECT_EQ(r.working_days, 3);
  EXPECT_EQ(r.time_of_day_millis, (14 * 60 + 30) * 60'000);
}

TEST_F(RemainingAndResume, KeepsExactTimeAcrossTheSpringChange) {
  const RemainingTime r = calendar_->Remaining(Utc(2026y / March / 28, 9h),
                                               Utc(2026y / March / 29, 10h), false, "brno");
  EXPECT_FALSE(r.in_working_days);
  EXPECT_EQ(r.millis, 25 * 3'600'000);
  Result<DueDate> due = calendar_->Resume(Utc(2026y / May / 4, 8h), r, "brno");
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(due->due, Utc(2026y / May / 5, 9h));
}

TEST_F(RemainingAndResume, ADueAlreadyPastLeavesNothing) {
  const RemainingTime r =
      calendar_->Remaining(Utc(2026y / April / 9, 8h), Utc(2026y / April / 8, 8h), true, "brno");
  EXPECT_EQ(r.working_days, 0);
  EXPECT_EQ(r.time_of_day_millis, 0);
}

TEST_F(RemainingAndResume, NoWorkingDaysLeftEndsOnTheResumptionDayOrAtOnce) {
  RemainingTime r;
  r.in_working_days = true;
  r.time_of_day_millis = 16 * 3'600'000;
  // Resumed Tuesday 14 April 10:00: due 16:00 the same day.
  EXPECT_EQ(calendar_->Resume(Utc(2026y / April / 14, 8h), r, "brno")->due,
            Utc(2026y / April / 14, 14h));
  // Resumed at 17:00, after that time: due at once.
  EXPECT_EQ(calendar_->Resume(Utc(2026y / April / 14, 15h), r, "brno")->due,
            Utc(2026y / April / 14, 15h));
}

TEST_F(RemainingAndResume, ResumedOnASaturdayCountsFromMonday) {
  RemainingTime r;
  r.in_working_days = true;
  r.working_days = 1;
  r.time_of_day_millis = 9 * 3'600'000;
  Result<DueDate> due = calendar_->Resume(Utc(2026y / April / 11, 8h), r, "brno");
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(due->due, Utc(2026y / April / 13, 7h));
  EXPECT_TRUE(Explains(*due, "přeskočeno víkendových dnů: 1"));
}

TEST_F(RemainingAndResume, RefusesANegativeRemainder) {
  RemainingTime r;
  r.millis = -1;
  EXPECT_EQ(calendar_->Resume(Utc(2026y / April / 11, 8h), r, "brno").status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace souhra
