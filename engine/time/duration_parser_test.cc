#include "engine/time/duration_parser.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

constexpr int64_t kHour = 3'600'000;

struct Accepted {
  const char* text;
  int months;
  int days;
  int working_days;
  int64_t millis;
};

void ExpectParsesTo(const Accepted& want) {
  SCOPED_TRACE(want.text);
  Result<Duration> d = ParseDuration(want.text);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->months, want.months);
  EXPECT_EQ(d->days, want.days);
  EXPECT_EQ(d->working_days, want.working_days);
  EXPECT_EQ(d->millis, want.millis);
  EXPECT_EQ(d->text, want.text);
}

void ExpectRejected(const char* text, const std::string& message) {
  SCOPED_TRACE(text);
  Result<Duration> d = ParseDuration(text);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(d.status().message(), message);
}

std::string Junk(const std::string& text) {
  return "bad duration '" + text + "' (expected e.g. \"3 working days\", \"24 hours\" or \"P3D\")";
}

TEST(ParseDuration, AcceptsEnglishUnits) {
  for (const Accepted& a :
       {Accepted{"3 working days", 0, 0, 3, 0}, Accepted{"1 working day", 0, 0, 1, 0},
        Accepted{"1 day", 0, 1, 0, 0}, Accepted{"10 days", 0, 10, 0, 0},
        Accepted{"1 week", 0, 7, 0, 0}, Accepted{"2 weeks", 0, 14, 0, 0},
        Accepted{"1 month", 1, 0, 0, 0}, Accepted{"6 months", 6, 0, 0, 0},
        Accepted{"2 years", 24, 0, 0, 0}, Accepted{"24 hours", 0, 0, 0, 24 * kHour},
        Accepted{"1 hour", 0, 0, 0, kHour}, Accepted{"30 minutes", 0, 0, 0, 30 * 60'000},
        Accepted{"1 minute", 0, 0, 0, 60'000}, Accepted{"45 seconds", 0, 0, 0, 45'000}}) {
    ExpectParsesTo(a);
  }
}

TEST(ParseDuration, AcceptsCzechUnitsInEveryPluralForm) {
  for (const Accepted& a : {Accepted{"3 pracovní dny", 0, 0, 3, 0},
                            Accepted{"5 pracovních dnů", 0, 0, 5, 0},
                            Accepted{"5 pracovních dní", 0, 0, 5, 0},
                            Accepted{"1 pracovní den", 0, 0, 1, 0},
                            Accepted{"1 den", 0, 1, 0, 0},
                            Accepted{"2 dny", 0, 2, 0, 0},
                            Accepted{"10 dnů", 0, 10, 0, 0},
                            Accepted{"10 dní", 0, 10, 0, 0},
                            Accepted{"1 týden", 0, 7, 0, 0},
                            Accepted{"2 týdny", 0, 14, 0, 0},
                            Accepted{"3 týdnů", 0, 21, 0, 0},
                            Accepted{"1 měsíc", 1, 0, 0, 0},
                            Accepted{"2 měsíce", 2, 0, 0, 0},
                            Accepted{"6 měsíců", 6, 0, 0, 0},
                            Accepted{"1 rok", 12, 0, 0, 0},
                            Accepted{"24 hodin", 0, 0, 0, 24 * kHour},
                            Accepted{"1 hodina", 0, 0, 0, kHour},
                            Accepted{"2 hodiny", 0, 0, 0, 2 * kHour},
                            Accepted{"30 minut", 0, 0, 0, 30 * 60'000},
                            Accepted{"10 sekund", 0, 0, 0, 10'000}}) {
    ExpectParsesTo(a);
  }
}

TEST(ParseDuration, AcceptsIso8601) {
  for (const Accepted& a :
       {Accepted{"P3D", 0, 3, 0, 0}, Accepted{"P2W", 0, 14, 0, 0}, Accepted{"P1Y", 12, 0, 0, 0},
        Accepted{"P1M", 1, 0, 0, 0}, Accepted{"PT4H", 0, 0, 0, 4 * kHour},
        Accepted{"PT1M", 0, 0, 0, 60'000}, Accepted{"PT90S", 0, 0, 0, 90'000},
        Accepted{"P1Y2M1W3DT4H5M6S", 14, 10, 0, 4 * kHour + 5 * 60'000 + 6'000},
        Accepted{"P1M2DT3H", 1, 2, 0, 3 * kHour}}) {
    ExpectParsesTo(a);
  }
}

TEST(ParseDuration, AcceptsSeveralPartsSeparatedBySpacesOrCommas) {
  ExpectParsesTo({"1 month, 2 working days 4 hours", 1, 0, 2, 4 * kHour});
  ExpectParsesTo({"2 týdny 3 dny", 0, 17, 0, 0});
}

TEST(ParseDuration, ToleratesCaseAndSurroundingAndNoBreakSpaces) {
  ExpectParsesTo({"  3 Working Days ", 0, 0, 3, 0});
  ExpectParsesTo({"3\xc2\xa0pracovní dny", 0, 0, 3, 0});
}

TEST(ParseDuration, RejectsJunkShowingAnAcceptedForm) {
  for (const char* text :
       {"",         "   ",      "3 workdays", "three days", "3days", "3 days,", "days",
        "3 days 2", "3.5 days", "+3 days",    "P",          "PT",    "P1DT",    "P1H",
        "PT1D",     "P1D1M",    "P1D1D",      "P1.5D",      "p3d",   "P3D junk"}) {
    ExpectRejected(text, Junk(text));
  }
}

TEST(ParseDuration, RejectsNegativeDurations) {
  for (const char* text : {"-3 days", "-P3D", "P-3D", "1 day -2 hours"}) {
    ExpectRejected(text,
                   std::string("bad duration '") + text + "': negative durations are not allowed");
  }
}

TEST(ParseDuration, RejectsZeroLength) {
  for (const char* text : {"0 days", "0 pracovních dnů", "P0D", "PT0S"}) {
    ExpectRejected(text, std::string("bad duration '") + text + "': must be longer than zero");
  }
}

TEST(ParseDuration, RejectsOverflowInsteadOfWrappingAround) {
  for (const char* text :
       {"101 years", "1201 months", "36526 days", "25001 working days", "876601 hours",
        "99999999999999999999999 days", "P5218W", "1200 months 1 month"}) {
    ExpectRejected(text, std::string("bad duration '") + text + "': longer than 100 years");
  }
}

TEST(ParseDuration, AcceptsTheLimitsThemselves) {
  ExpectParsesTo({"100 years", kMaxMonths, 0, 0, 0});
  ExpectParsesTo({"36525 days", 0, kMaxDays, 0, 0});
  ExpectParsesTo({"25000 working days", 0, 0, kMaxWorkingDays, 0});
  ExpectParsesTo({"876600 hours", 0, 0, 0, kMaxMillis});
}

TEST(ParseDuration, AcceptsTheSection40SuffixOnCalendarPeriods) {
  for (const char* text : {"15 days (§ 40)", "15 dní (§40)", "15 dní podle § 40", "P15D (§ 40)"}) {
    SCOPED_TRACE(text);
    Result<Duration> d = ParseDuration(text);
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    EXPECT_EQ(d->days, 15);
    EXPECT_TRUE(d->section_40);
  }
  Result<Duration> months = ParseDuration("1 měsíc podle § 40");
  ASSERT_TRUE(months.ok());
  EXPECT_EQ(months->months, 1);
  EXPECT_TRUE(months->section_40);
  EXPECT_FALSE(ParseDuration("15 days")->section_40);
}

TEST(ParseDuration, RejectsTheSection40SuffixOnWorkingDaysAndHours) {
  const std::string why =
      ": § 40 applies only to calendar days, weeks, months or years, without hours";
  ExpectRejected("3 working days (§ 40)", "bad duration '3 working days (§ 40)'" + why);
  ExpectRejected("2 days 4 hours (§ 40)", "bad duration '2 days 4 hours (§ 40)'" + why);
  ExpectRejected("(§ 40)", Junk("(§ 40)"));
}

}  // namespace
}  // namespace souhra
