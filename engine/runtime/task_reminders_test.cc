// Human tasks end to end: reminder rungs and the overdue moment as durable timers, completion,
// reassignment and catch-up, with a real SQLite store, the working calendar and a fake clock.
#include <gtest/gtest.h>

#include <future>
#include <memory>
#include <string>
#include <vector>

#include "engine/runtime/engine.h"
#include "tests/fakes/engine_fixture.h"

namespace souhra {
namespace {

Instant At(const std::string& iso) {
  Instant t;
  EXPECT_TRUE(ParseIsoInstant(iso, &t)) << iso;
  return t;
}

// Monday 30 March 2026, 10:00 in Prague. Five working days later, across Good Friday, the
// weekend and Easter Monday, the review is due on Wednesday 8 April, 10:00.
constexpr char kStart[] = "2026-03-30T10:00:00+02:00";

constexpr char kReview[] = R"lua(
return workflow {
  name = "review",
  title = "Přehodnocení",
  params = { review_within = "5 working days", late_after = "2 working days" },
  templates = {
    task_reminder = { title = "Připomenutí", body = "Úkol {task} má termín {due}." },
    late = { title = "Po termínu", body = "Úkol {task} je po termínu." },
  },
  initial = "waiting",
  states = {
    waiting = {
      enter = task { key = "review", title = "Přehodnotit plán", assignee = "case_manager",
                     due = "review_within", keep = true,
                     remind = { "2 working days before", "1 working day before", "on the day",
                                { after = "late_after", to = "coordinator", template = "late" } } },
      on = {
        ["task.review.done"] = { go = "reviewed" },
        ["task.review.overdue"] = { go = "late" },
      },
    },
    late = { on = { ["task.review.done"] = { go = "reviewed" } } },
    reviewed = { on = { ["closed"] = { go = "closed" } } },
    closed = { final = true },
  },
}
)lua";

class TaskReminders : public testing::EngineFixture {
 protected:
  TaskReminders() : EngineFixture(At(kStart)) {}

  Result<Applied> CompleteReview() {
    EventRequest done;
    done.case_id = case_;
    done.type = "task.review.done";
    done.payload = {{"note", "hotovo"}};
    return engine_->Submit(done);
  }

  void SetUp() override {
    EngineFixture::SetUp();
    Install("review.lua", kReview);
    Result<Applied> created = engine_->CreateCase({"demo", "K-1", "review", Json::object()});
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    case_ = created->case_id;
  }

  // Moves the clock to `iso` and fires everything due by then.
  int FireAt(const std::string& iso) {
    clock_.Set(At(iso));
    Result<int> fired = engine_->FireDueTimers(100);
    EXPECT_TRUE(fired.ok()) << fired.status().ToString();
    return fired.ok() ? *fired : -1;
  }

  std::vector<std::string> Timers() {
    std::vector<std::string> keys;
    const std::vector<TimerRecord> timers = *store_->ListTimers(case_);
    for (const TimerRecord& t : timers) keys.push_back(t.key + " " + FormatUtc(t.due));
    return keys;
  }

  std::vector<std::string> Outbox() {
    std::vector<std::string> lines;
    const std::vector<OutboxRecord> outbox = *store_->ListOutbox(case_);
    for (const OutboxRecord& m : outbox) lines.push_back(m.recipient + " " + m.template_name);
    return lines;
  }

  std::string State() { return store_->ListInstances(case_)->front().state; }

  CaseId case_ = 0;
};

TEST_F(TaskReminders, RungsLandOnWorkingDaysAroundEaster) {
  EXPECT_EQ(Timers(), (std::vector<std::string>{
                          // 2 working days before Wednesday 8 April: Tuesday 7, then back
                          // across Easter Monday, the weekend and Good Friday to Thursday 2.
                          "task:review:remind:1 2026-04-02T08:00:00.000Z",
                          "task:review:remind:2 2026-04-07T08:00:00.000Z",
                          // On the day: midnight in Prague (summer time).
                          "task:review:remind:3 2026-04-07T22:00:00.000Z",
                          "task:review:overdue 2026-04-08T08:00:00.000Z",
                          "task:review:remind:4 2026-04-10T08:00:00.000Z"}));
  TaskRecord task = store_->ListTasks(case_)->front();
  EXPECT_EQ(task.remind.size(), 4u);
  EXPECT_EQ(task.remind[3]["to"], "coordinator");
  EXPECT_EQ(task.remind[3]["offset"], "2 working days");  // resolved from the param
}

TEST_F(TaskReminders, EachRungFiresOnceEvenWhenFiringRunsTwiceAtOnce) {
  clock_.Set(At("2026-04-02T09:00:00Z"));
  auto first = std::async(std::launch::async, [this] { return engine_->FireDueTimers(100); });
  auto second = std::async(std::launch::async, [this] { return engine_->FireDueTimers(100); });
  EXPECT_EQ(*first.get() + *second.get(), 1);
  EXPECT_EQ(*engine_->FireDueTimers(100), 0);
  EXPECT_EQ(Outbox(), (std::vector<std::string>{"case_manager task_reminder"}));
  const EventRecord last = store_->ListEvents(case_)->back();
  EXPECT_EQ(last.type, "task.review.reminder");
  EXPECT_EQ(last.payload["rung"], 1);
  EXPECT_EQ(last.due, At("2026-04-02T08:00:00Z"));
  EXPECT_EQ(State(), "waiting");
}

TEST_F(TaskReminders, OverdueEventReachesTheWorkflowAndItsTransitionRuns) {
  EXPECT_EQ(FireAt("2026-04-08T08:00:00Z"), 4);  // three rungs, then the overdue moment
  EXPECT_EQ(State(), "late");
  std::vector<EventRecord> events = *store_->ListEvents(case_);
  const EventRecord& overdue = events.back();
  EXPECT_EQ(overdue.type, "task.review.overdue");
  EXPECT_EQ(overdue.due, At("2026-04-08T08:00:00Z"));
  const EventOutcome outcome = overdue.outcome.get<EventOutcome>();
  ASSERT_EQ(outcome.transitions.size(), 1u);
  EXPECT_EQ(outcome.transitions[0].to, "late");
  // The task was kept, so it can still be completed from the new state.
  ASSERT_TRUE(CompleteReview().ok());
  EXPECT_EQ(State(), "reviewed");
}

TEST_F(TaskReminders, CompletingTheTaskStopsTheRemainingRungs) {
  EXPECT_EQ(FireAt("2026-04-02T08:00:00Z"), 1);
  ASSERT_TRUE(CompleteReview().ok());
  EXPECT_TRUE(Timers().empty());
  EXPECT_EQ(FireAt("2026-04-30T08:00:00Z"), 0);
  EXPECT_EQ(Outbox().size(), 1u);
  EXPECT_EQ(State(), "reviewed");
}

TEST_F(TaskReminders, ReassignmentMovesTheReminders) {
  Result<Applied> moved = engine_->ReassignTask({case_, "review", "user:svoboda", "user:vedouci"});
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  const EventRecord logged = store_->ListEvents(case_)->back();
  EXPECT_EQ(logged.type, "task.review.reassigned");
  EXPECT_EQ(logged.payload, Json({{"from", "case_manager"}, {"to", "user:svoboda"}}));
  EXPECT_EQ(logged.actor, "user:vedouci");
  EXPECT_EQ(store_->ListTasks(case_)->front().assignee, "user:svoboda");

  EXPECT_EQ(FireAt("2026-04-02T08:00:00Z"), 1);
  // A rung that names its recipient keeps it.
  EXPECT_EQ(FireAt("2026-04-10T08:00:00Z"), 4);
  EXPECT_EQ(Outbox(),
            (std::vector<std::string>{"user:svoboda task_reminder", "user:svoboda task_reminder",
                                      "user:svoboda task_reminder", "coordinator late"}));
}

TEST_F(TaskReminders, ReassignmentIsRefusedForUnknownAssigneesAndMissingTasks) {
  EXPECT_EQ(engine_->ReassignTask({case_, "review", "boss"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(engine_->ReassignTask({case_, "review", "user:"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(engine_->ReassignTask({case_, "plan", "head"}).status().code(), StatusCode::kConflict);
  EXPECT_EQ(engine_->ReassignTask({case_, "review", "case_manager"}).status().code(),
            StatusCode::kConflict);
  EXPECT_EQ(engine_->ReassignTask({4242, "review", "head"}).status().code(), StatusCode::kNotFound);
}

TEST_F(TaskReminders, CatchUpAfterAWeekOfDowntimeFiresRungsInDueOrder) {
  EXPECT_EQ(FireAt("2026-04-11T12:00:00Z"), 5);
  std::vector<std::string> fired;
  const std::vector<EventRecord> events = *store_->ListEvents(case_);
  for (const EventRecord& e : events) {
    if (e.due) fired.push_back(e.type + " " + FormatUtc(*e.due));
  }
  EXPECT_EQ(fired, (std::vector<std::string>{"task.review.reminder 2026-04-02T08:00:00.000Z",
                                             "task.review.reminder 2026-04-07T08:00:00.000Z",
                                             "task.review.reminder 2026-04-07T22:00:00.000Z",
                                             "task.review.overdue 2026-04-08T08:00:00.000Z",
                                             "task.review.reminder 2026-04-10T08:00:00.000Z"}));
  EXPECT_EQ(Outbox(),
            (std::vector<std::string>{"case_manager task_reminder", "case_manager task_reminder",
                                      "case_manager task_reminder", "coordinator late"}));
  EXPECT_EQ(State(), "late");
  EXPECT_TRUE(Timers().empty());
}

}  // namespace
}  // namespace souhra
