#include "engine/definitions/reminder_ladder.h"

#include <gtest/gtest.h>

#include "tests/fakes/fixed_calendar.h"

namespace souhra {
namespace {

const Json kParams = {{"early", "5 working days"}, {"count", 3}};

TEST(ReminderLadder, ReadsTextAndTableRungs) {
  Result<std::vector<Rung>> ladder =
      ReadLadder(Json::array({"early",
                              "1 working day before",
                              "on the day",
                              {{"after", "early"}, {"to", "coordinator"}, {"template", "late"}}}),
                 kParams);
  ASSERT_TRUE(ladder.ok()) << ladder.status().ToString();
  ASSERT_EQ(ladder->size(), 4u);
  EXPECT_EQ(RungJson((*ladder)[0]), Json({{"when", "before"},
                                          {"offset", "5 working days"},
                                          {"to", ""},
                                          {"template", "task_reminder"}}));
  EXPECT_EQ((*ladder)[1].offset.working_days, 1);
  EXPECT_EQ((*ladder)[2].when, RungWhen::kOnTheDay);
  EXPECT_EQ(RungJson((*ladder)[3]), Json({{"when", "after"},
                                          {"offset", "5 working days"},
                                          {"to", "coordinator"},
                                          {"template", "late"}}));
}

TEST(ReminderLadder, OneRungNeedsNoList) {
  Result<std::vector<Rung>> ladder = ReadLadder("early before", kParams);
  ASSERT_TRUE(ladder.ok());
  EXPECT_EQ(ladder->size(), 1u);
  EXPECT_TRUE(ReadLadder(Json{{"on_the_day", true}, {"to", "head"}}, kParams).ok());
}

TEST(ReminderLadder, RefusesBadRungsNamingThem) {
  const std::pair<Json, std::string> cases[] = {
      {Json::array({"on the day", "soon"}),
       "rung 2: expected \"N before\", \"N after\" or \"on the day\": 'soon' is neither a "
       "duration nor a param"},
      {"count before",
       "rung 1: expected \"N before\", \"N after\" or \"on the day\": param "
       "'count' is not a duration"},
      {Json{{"before", "1 day"}, {"after", "1 day"}},
       "rung 1: expected exactly one of 'before', 'after' or 'on_the_day'"},
      {Json{{"on_the_day", false}}, "rung 1: 'on_the_day' must be true"},
      {Json{{"after", "1 day"}, {"to", 3}}, "rung 1: 'to' must be a string"},
      {Json::array({7}), "rung 1: expected text or a table, not a number"},
      {Json::array(), "the ladder has no rungs"},
  };
  for (const auto& [remind, message] : cases) {
    Result<std::vector<Rung>> ladder = ReadLadder(remind, kParams);
    ASSERT_FALSE(ladder.ok()) << remind.dump();
    EXPECT_EQ(ladder.status().message(), message) << remind.dump();
  }
}

TEST(ReminderLadder, ARungToAnActorKeepsItsPurposeThroughTheTaskRecord) {
  Result<std::vector<Rung>> ladder = ReadLadder(
      Json::array({{{"before", "1 working day"}, {"to", "actor:charita"}, {"purpose", "plan"}}}),
      kParams);
  ASSERT_TRUE(ladder.ok()) << ladder.status().ToString();
  const Json stored = RungJson((*ladder)[0]);
  EXPECT_EQ(stored["purpose"], "plan");
  Result<std::vector<Rung>> back = ReadStoredLadder(Json::array({stored}));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ((*back)[0].purpose, "plan");
  EXPECT_EQ((*back)[0].to, "actor:charita");
}

TEST(ReminderLadder, RungTimesCountFromTheDueTime) {
  FixedCalendar calendar;
  const Instant due = FromMillis(10LL * 24 * 3600 * 1000 + 10 * 3600 * 1000);  // day 10, 10:00
  std::vector<Rung> ladder =
      *ReadLadder(Json::array({"2 days before", "on the day", "1 day after"}), kParams);
  EXPECT_EQ(RungTime(calendar, ladder[0], due, "demo")->due, due - std::chrono::hours(48));
  EXPECT_EQ(RungTime(calendar, ladder[1], due, "demo")->due, due - std::chrono::hours(10));
  EXPECT_EQ(RungTime(calendar, ladder[2], due, "demo")->due, due + std::chrono::hours(24));
}

}  // namespace
}  // namespace souhra
