// Shared by the WorkingCalendar tests: a calendar with real Europe/Prague time and terse ways
// to write instants and add durations.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "engine/duration.h"
#include "engine/time/duration_parser.h"
#include "engine/time/working_calendar.h"

namespace souhra {

// An instant written in UTC: Utc(2026y / April / 2, 8h) is 10:00 in Prague (summer time).
inline Instant Utc(std::chrono::year_month_day day, std::chrono::minutes time_of_day) {
  return std::chrono::sys_days(day) + time_of_day;
}

// The explanation lines expected, in order.
template <typename... Line>
std::vector<std::string> Lines(Line... lines) {
  return {std::string(lines)...};
}

// Whether `line` is one of the explanation's lines; prints them all when it is not.
inline ::testing::AssertionResult Explains(const DueDate& due, const std::string& line) {
  const auto& lines = due.explanation;
  if (std::find(lines.begin(), lines.end(), line) != lines.end()) {
    return ::testing::AssertionSuccess();
  }
  auto failure = ::testing::AssertionFailure() << "no line '" << line << "' in:";
  for (const std::string& l : lines) failure << "\n  " << l;
  return failure;
}

class WorkingCalendarTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto calendar = WorkingCalendar::Create();
    ASSERT_TRUE(calendar.ok()) << calendar.status().ToString();
    calendar_ = std::move(calendar).value();
  }

  // `text` parsed and added for `tenant`; fails the test on any error.
  DueDate Add(Instant from, const char* text, const std::string& tenant = "brno") const {
    Result<Duration> duration = ParseDuration(text);
    EXPECT_TRUE(duration.ok()) << duration.status().ToString();
    if (!duration.ok()) return {};
    Result<DueDate> due = calendar_->Add(from, *duration, tenant);
    EXPECT_TRUE(due.ok()) << due.status().ToString();
    return due.ok() ? *due : DueDate{};
  }

  std::unique_ptr<WorkingCalendar> calendar_;
};

}  // namespace souhra
