// Randomised: whatever the start, tenant closures and N, adding N working days lands on a working
// day (not a weekend, holiday or closure), with exactly N working days after the start's day up
// to and including it. Starts are at 10:00 UTC, 11:00 or 12:00 in Prague, so UTC dates are Prague
// dates. The seed is printed; set SOUHRA_TEST_SEED to replay a run (tests/fakes/test_seed.h).
#include <cstdlib>
#include <iostream>
#include <random>

#include "tests/calendar_fixture.h"
#include "tests/fakes/test_seed.h"

namespace souhra {
namespace {

using namespace std::chrono;

// A few closures of 1–10 days in 2024–2031, one tenant's worth.
std::vector<Closure> RandomClosures(std::mt19937_64& random) {
  std::vector<Closure> closures;
  const sys_days base{2024y / January / 1};
  for (int i = 0; i < 6; ++i) {
    const sys_days first = base + days(random() % (8 * 365));
    const sys_days last = first + days(random() % 10);
    closures.push_back(
        {year_month_day(first), year_month_day(last), "uzavírka " + std::to_string(i)});
  }
  return closures;
}

using AddingWorkingDays = WorkingCalendarTest;

TEST_F(AddingWorkingDays, LandsOnTheNthWorkingDayAfterTheStartDay) {
  const uint64_t seed = testing::TestSeed(20260402);
  std::mt19937_64 random(seed);
  ASSERT_TRUE(calendar_->SetClosures("brno", RandomClosures(random)).ok());
  const sys_days base{2024y / January / 1};
  for (int run = 0; run < 500; ++run) {
    const sys_days start_day = base + days(random() % (6 * 365));
    const Instant start = start_day + 10h;
    const int n = 1 + int(random() % 60);
    const std::string text = std::to_string(n) + " working days";
    SCOPED_TRACE(FormatUtc(start) + " + " + text);
    const Instant due = Add(start, text.c_str()).due;
    const sys_days due_day = floor<days>(due);
    // Within a day the wall clock can only move by the hour gained or lost to summer time.
    EXPECT_LE(abs(due - (due_day + 10h)), hours(1));
    EXPECT_TRUE(calendar_->IsWorkingDay("brno", year_month_day(due_day)));
    int working_days = 0;
    for (sys_days d = start_day + days(1); d <= due_day; d += days(1)) {
      if (calendar_->IsWorkingDay("brno", year_month_day(d))) ++working_days;
    }
    EXPECT_EQ(working_days, n);
  }
}

}  // namespace
}  // namespace souhra
