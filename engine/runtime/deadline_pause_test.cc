// Pausing and resuming deadlines (pause { … } / resume { … }) through the engine, with a fake
// clock and a real SQLite store. Thursday 2 April 2026 is before Easter: Good Friday (3 April)
// and Easter Monday (6 April) are holidays.
#include "engine/runtime/deadline_pause.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engine/runtime/deadline_explanation.h"
#include "engine/runtime/engine.h"
#include "tests/calendar_fixture.h"
#include "tests/fakes/engine_fixture.h"

namespace souhra {
namespace {

using namespace std::chrono;

constexpr char kHearing[] = R"lua(
return workflow {
  name = "hearing",
  title = "Řízení",
  templates = { task_reminder = { title = "Připomenutí", body = "Úkol čeká." } },
  initial = "running",
  states = {
    running = {
      enter = {
        timer { key = "decide", after = "3 working days" },
        timer { key = "check", after = "10 days" },
        task { key = "visit", title = "Návštěva", assignee = "case_manager",
               due = "5 working days", remind = "1 working day" },
      },
      on = {
        ["interrupted"] = { run = { pause { timer = "decide" }, pause { timer = "check" },
                                    pause { task = "visit" } } },
        ["continued"] = { run = { resume { timer = "decide" }, resume { timer = "check" },
                                  resume { task = "visit" } } },
        ["rescheduled"] = { run = timer { key = "decide", after = "1 working day" } },
        ["timer.decide"] = { go = "decided" },
        ["closed"] = { go = "closed" },
      },
    },
    decided = { on = { ["closed"] = { go = "closed" } } },
    closed = { final = true },
  },
}
)lua";

// Thursday 2 April 2026, 10:00 in Prague.
const Instant kStart = Utc(2026y / April / 2, 8h);
// Tuesday 7 April 2026, 15:00 in Prague.
const Instant kPause = Utc(2026y / April / 7, 13h);
// Monday 20 April 2026, 12:00 in Prague.
const Instant kResume = Utc(2026y / April / 20, 10h);

class DeadlinePause : public testing::EngineFixture {
 protected:
  DeadlinePause() : EngineFixture(kStart) {}

  void SetUp() override {
    EngineFixture::SetUp();
    Install("hearing.lua", kHearing);
    Result<Applied> created = engine_->CreateCase({"demo", "K-1", "hearing"});
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    case_id_ = created->case_id;
  }

  EventOutcome SendAt(Instant at, const std::string& type) {
    clock_.Set(at);
    EventRequest request;
    request.case_id = case_id_;
    request.type = type;
    Result<Applied> applied = engine_->Submit(request);
    EXPECT_TRUE(applied.ok()) << applied.status().ToString();
    return applied.ok() ? applied->outcome : EventOutcome();
  }

  std::string TimerDue(const std::string& key) {
    const std::vector<TimerRecord> timers = *store_->ListTimers(case_id_);
    for (const TimerRecord& t : timers) {
      if (t.key == key) return FormatUtc(t.due);
    }
    return "none";
  }

  std::optional<Instant> TaskDue() { return store_->ListTasks(case_id_)->at(0).due; }

  std::string State() { return store_->ListInstances(case_id_)->at(0).state; }

  CaseId case_id_ = 0;
};

TEST_F(DeadlinePause, APausedTimerDoesNotFire) {
  SendAt(kPause, "interrupted");
  EXPECT_EQ(TimerDue("decide"), "none");
  clock_.Set(kResume);
  Result<int> fired = engine_->FireDueTimers(100);
  ASSERT_TRUE(fired.ok()) << fired.status().ToString();
  EXPECT_EQ(*fired, 0);
  EXPECT_EQ(State(), "running");
}

TEST_F(DeadlinePause, KeepsRemainingWorkingDaysAndTimeOfDay) {
  EXPECT_EQ(TimerDue("decide"), "2026-04-09T08:00:00.000Z");  // Thursday 9 April 10:00
  const EventOutcome outcome = SendAt(kPause, "interrupted");
  ASSERT_FALSE(outcome.pauses.empty());
  const std::vector<PausedDeadline> paused = memory_->PausedDeadlines(case_id_);
  ASSERT_EQ(paused.size(), 3u);
  // Ordered by instance, kind and key: task visit, timer check, timer decide.
  const PausedDeadline& decide = paused[2];
  EXPECT_EQ(decide.key, "decide");
  EXPECT_EQ(decide.rule, "3 working days");
  EXPECT_TRUE(decide.remaining.in_working_days);
  EXPECT_EQ(decide.remaining.working_days, 2);  // Wednesday 8 and Thursday 9 April
  EXPECT_EQ(decide.remaining.time_of_day_millis, 10 * 3'600'000);
  EXPECT_EQ(outcome.pauses[0],
            (Json{{"kind", "timer"},
                  {"key", "decide"},
                  {"due", "2026-04-09T08:00:00.000Z"},
                  {"rule", "3 working days"},
                  {"paused", true},
                  {"remaining", {{"working_days", 2}, {"time_of_day_ms", 36'000'000}}}}));
}

TEST_F(DeadlinePause, ResumptionCountsTheRemainderFromTheResumption) {
  SendAt(kPause, "interrupted");
  const EventOutcome outcome = SendAt(kResume, "continued");
  ASSERT_FALSE(outcome.deadlines.empty());
  // Monday 20 April + 2 working days at 10:00.
  EXPECT_EQ(TimerDue("decide"), "2026-04-22T08:00:00.000Z");
  // 10 calendar days from Thursday 10:00 left 4 days 19 hours at Tuesday 15:00.
  EXPECT_EQ(TimerDue("check"), "2026-04-25T05:00:00.000Z");
  // The task had 4 working days left (8, 9, 10 and 13 April): Friday 24 April 10:00.
  ASSERT_TRUE(TaskDue().has_value());
  EXPECT_EQ(FormatUtc(*TaskDue()), "2026-04-24T08:00:00.000Z");
  EXPECT_TRUE(memory_->PausedDeadlines(case_id_).empty());
  EXPECT_EQ(outcome.deadlines[0],
            (Json{{"kind", "timer"},
                  {"key", "decide"},
                  {"due", "2026-04-22T08:00:00.000Z"},
                  {"rule", "3 working days"},
                  {"resumed",
                   {{"paused_at", "2026-04-07T13:00:00.000Z"},
                    {"remaining", {{"working_days", 2}, {"time_of_day_ms", 36'000'000}}}}}}));
}

TEST_F(DeadlinePause, APausedTaskHasNoDueUntilResumed) {
  SendAt(kPause, "interrupted");
  EXPECT_FALSE(TaskDue().has_value());
}

TEST_F(DeadlinePause, APausedTaskNeitherRemindsNorFallsOverdue) {
  EXPECT_NE(TimerDue("task:visit:overdue"), "none");
  SendAt(kPause, "interrupted");
  EXPECT_EQ(TimerDue("task:visit:overdue"), "none");
  EXPECT_EQ(TimerDue("task:visit:remind:1"), "none");
}

TEST_F(DeadlinePause, AResumedTaskRemindsAndFallsOverdueFromItsNewDue) {
  SendAt(kPause, "interrupted");
  SendAt(kResume, "continued");
  ASSERT_TRUE(TaskDue().has_value());
  EXPECT_EQ(TimerDue("task:visit:overdue"), FormatUtc(*TaskDue()));
  // Due Friday 24 April at 10:00 (4 working days were left); reminded the working day before.
  EXPECT_EQ(FormatUtc(*TaskDue()), "2026-04-24T08:00:00.000Z");
  EXPECT_EQ(TimerDue("task:visit:remind:1"), "2026-04-23T08:00:00.000Z");
}

TEST_F(DeadlinePause, TheResumedTimerFiresAtItsNewDue) {
  SendAt(kPause, "interrupted");
  SendAt(kResume, "continued");
  clock_.Set(Utc(2026y / April / 22, 8h));
  ASSERT_TRUE(engine_->FireDueTimers(100).ok());
  EXPECT_EQ(State(), "decided");
}

TEST_F(DeadlinePause, ResumingWhatIsNotPausedChangesNothing) {
  const EventOutcome outcome = SendAt(kPause, "continued");
  ASSERT_FALSE(outcome.pauses.empty());
  EXPECT_EQ(outcome.pauses[0],
            (Json{{"kind", "timer"}, {"key", "decide"}, {"ignored", "not paused"}}));
  EXPECT_EQ(TimerDue("decide"), "2026-04-09T08:00:00.000Z");
}

TEST_F(DeadlinePause, LeavingTheStateCancelsPausedDeadlines) {
  SendAt(kPause, "interrupted");
  SendAt(kResume, "closed");
  EXPECT_TRUE(memory_->PausedDeadlines(case_id_).empty());
}

TEST_F(DeadlinePause, ReschedulingAPausedTimerReplacesIt) {
  SendAt(kPause, "interrupted");
  SendAt(kResume, "rescheduled");
  EXPECT_EQ(TimerDue("decide"), "2026-04-21T10:00:00.000Z");
  const std::vector<PausedDeadline> paused = memory_->PausedDeadlines(case_id_);
  for (const PausedDeadline& p : paused) EXPECT_NE(p.key, "decide");
}

TEST_F(DeadlinePause, TheLogExplainsTheResumedDeadline) {
  SendAt(kPause, "interrupted");
  SendAt(kResume, "continued");
  const EventRecord resumed = store_->ListEvents(case_id_)->back();
  const EventOutcome outcome = resumed.outcome.get<EventOutcome>();
  ASSERT_FALSE(outcome.deadlines.empty());
  Result<std::vector<std::string>> lines =
      ExplainDeadline(*calendar_, outcome.deadlines[0], resumed.at, "demo");
  ASSERT_TRUE(lines.ok()) << lines.status().ToString();
  EXPECT_EQ(*lines,
            Lines("lhůta 3 pracovní dny, přerušena út 7. 4. 2026 15:00",
                  "obnovení běhu lhůty: po 20. 4. 2026 12:00",
                  "zbývalo: 2 pracovní dny, termín v 10:00", "termín: st 22. 4. 2026 10:00"));
}

}  // namespace
}  // namespace souhra
