#include "engine/event_outcome.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

TEST(EventOutcome, ReadsARowAsTheEventLogHasAlwaysKeptIt) {
  const Json row = Json::parse(R"({
    "transitions": [{"instance": 7, "workflow": "plan_review", "from": "waiting",
                     "to": "escalated", "completed": false}],
    "deadlines": [{"kind": "timer", "key": "late", "due": "2026-04-09T08:00:00.000Z",
                   "rule": "5 working days"}],
    "emitted": ["ping.sent"]})");
  const EventOutcome outcome = row.get<EventOutcome>();
  ASSERT_EQ(outcome.transitions.size(), 1u);
  EXPECT_EQ(outcome.transitions[0],
            (InstanceTransition{7, "plan_review", "waiting", "escalated", false}));
  ASSERT_EQ(outcome.deadlines.size(), 1u);
  EXPECT_EQ(outcome.deadlines[0]["rule"], "5 working days");
  EXPECT_EQ(outcome.emitted, std::vector<std::string>{"ping.sent"});
  EXPECT_TRUE(outcome.pauses.empty());
  EXPECT_EQ(outcome.ignored, "");
}

TEST(EventOutcome, ATaskActionsRowWithoutTransitionsReadsToo) {
  const EventOutcome reminder =
      Json{{"reminded", "user:novak"}, {"template", "t"}}.get<EventOutcome>();
  EXPECT_TRUE(reminder.transitions.empty());
  EXPECT_EQ(reminder.reminded, "user:novak");
  EXPECT_EQ(reminder.reminder_template, "t");
  EXPECT_EQ((Json{{"task", 12}}.get<EventOutcome>().reassigned_task), 12);
  EXPECT_EQ(Json::object().get<EventOutcome>(), EventOutcome());
}

TEST(EventOutcome, WritesOnlyWhatIsSetBesideTheTwoArrays) {
  EventOutcome outcome;
  outcome.ignored = "nobody";
  EXPECT_EQ(Json(outcome),
            Json::parse(R"({"transitions": [], "deadlines": [], "ignored": "nobody"})"));
}

TEST(EventOutcome, SurvivesTheRoundTripThroughTheLog) {
  EventOutcome outcome;
  outcome.transitions.push_back({3, "intake", "", "screening", false});
  outcome.pauses.push_back(Json{{"kind", "task"}, {"key", "review"}, {"ignored", "not running"}});
  outcome.emitted = {"a", "b"};
  outcome.reminded = "coordinator";
  outcome.reminder_template = "reminder";
  outcome.reassigned_task = 4;
  EXPECT_EQ(Json::parse(Json(outcome).dump()).get<EventOutcome>(), outcome);
}

}  // namespace
}  // namespace souhra
