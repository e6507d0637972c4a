// Timers and scoped cancellation: PutTimer, DeleteTimer, CancelScoped, DueTimers.
#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_test_fixture.h"

namespace souhra::sqlite {
namespace {

class TimersTest : public SqliteStoreTest {
 protected:
  TimerRecord Timer(const std::string& key, int64_t due_seconds, const std::string& state,
                    bool keep = false) {
    TimerRecord r;
    r.instance_id = instance_id_;
    r.case_id = case_id_;
    r.key = key;
    r.due = At(due_seconds);
    r.scope_state = state;
    r.keep = keep;
    return r;
  }
  TaskRecord Task(const std::string& key, const std::string& state, bool keep = false) {
    TaskRecord r;
    r.case_id = case_id_;
    r.instance_id = instance_id_;
    r.key = key;
    r.scope_state = state;
    r.keep = keep;
    return r;
  }
  std::vector<std::string> TimerKeys() {
    std::vector<std::string> keys;
    auto timers = store_->ListTimers(case_id_);
    EXPECT_TRUE(timers.ok()) << timers.status().ToString();
    if (timers.ok()) {
      for (const TimerRecord& t : *timers) keys.push_back(t.key);
    }
    return keys;
  }
  std::vector<TaskStatus> TaskStatuses() {
    std::vector<TaskStatus> statuses;
    auto tasks = store_->ListTasks(case_id_);
    EXPECT_TRUE(tasks.ok()) << tasks.status().ToString();
    if (tasks.ok()) {
      for (const TaskRecord& t : *tasks) statuses.push_back(t.status);
    }
    return statuses;
  }
};

TEST_F(TimersTest, PutTimerRoundTrips) {
  auto txn = Begin();
  ASSERT_TRUE(txn->PutTimer(Timer("grace", 100, "escalated", true)).ok());
  auto found = txn->FindTimer(instance_id_, "grace");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_TRUE(found->has_value());
  ASSERT_TRUE(txn->Commit().ok());
  auto timers = store_->ListTimers(case_id_);
  ASSERT_TRUE(timers.ok()) << timers.status().ToString();
  ASSERT_EQ(timers->size(), 1u);
  const TimerRecord& t = (*timers)[0];
  EXPECT_EQ(t.instance_id, instance_id_);
  EXPECT_EQ(t.case_id, case_id_);
  EXPECT_EQ(t.due, At(100));
  EXPECT_EQ(t.scope_state, "escalated");
  EXPECT_TRUE(t.keep);
}

TEST_F(TimersTest, PutTimerReplacesTheSameInstanceAndKey) {
  auto txn = Begin();
  ASSERT_TRUE(txn->PutTimer(Timer("grace", 100, "waiting")).ok());
  ASSERT_TRUE(txn->PutTimer(Timer("grace", 50, "escalated")).ok());
  ASSERT_TRUE(txn->Commit().ok());
  auto timers = store_->ListTimers(case_id_);
  ASSERT_TRUE(timers.ok()) << timers.status().ToString();
  ASSERT_EQ(timers->size(), 1u);
  EXPECT_EQ((*timers)[0].due, At(50));
  EXPECT_EQ((*timers)[0].scope_state, "escalated");
}

TEST_F(TimersTest, DeleteTimerRemovesOnlyThatKey) {
  auto txn = Begin();
  ASSERT_TRUE(txn->PutTimer(Timer("a", 1, "waiting")).ok());
  ASSERT_TRUE(txn->PutTimer(Timer("b", 2, "waiting")).ok());
  ASSERT_TRUE(txn->DeleteTimer(instance_id_, "a").ok());
  ASSERT_TRUE(txn->DeleteTimer(instance_id_, "missing").ok());
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(TimerKeys(), std::vector<std::string>{"b"});
}

TEST_F(TimersTest, CancelScopedCancelsOnlyThatStatesUnkeptTimersAndOpenTasks) {
  auto txn = Begin();
  ASSERT_TRUE(txn->PutTimer(Timer("left", 1, "waiting")).ok());
  ASSERT_TRUE(txn->PutTimer(Timer("kept", 2, "waiting", /*keep=*/true)).ok());
  ASSERT_TRUE(txn->PutTimer(Timer("other", 3, "escalated")).ok());
  ASSERT_TRUE(txn->InsertTask(Task("review", "waiting")).ok());
  ASSERT_TRUE(txn->InsertTask(Task("kept", "waiting", /*keep=*/true)).ok());
  ASSERT_TRUE(txn->InsertTask(Task("other", "escalated")).ok());
  auto done = txn->InsertTask(Task("done", "waiting"));
  ASSERT_TRUE(done.ok());
  ASSERT_TRUE(txn->CloseTask(*done, TaskStatus::kDone, Json()).ok());
  ASSERT_TRUE(txn->CancelScoped(instance_id_, "waiting").ok());
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(TimerKeys(), (std::vector<std::string>{"kept", "other"}));
  EXPECT_EQ(TaskStatuses(), (std::vector<TaskStatus>{TaskStatus::kCancelled, TaskStatus::kOpen,
                                                      TaskStatus::kOpen, TaskStatus::kDone}));
}

// A finished instance keeps nothing: a kept timer or task would outlive the only instance that
// could handle it.
TEST_F(TimersTest, CancelScopedWithNoStateCancelsEverythingKeptToo) {
  auto txn = Begin();
  ASSERT_TRUE(txn->PutTimer(Timer("a", 1, "waiting")).ok());
  ASSERT_TRUE(txn->PutTimer(Timer("b", 2, "escalated")).ok());
  ASSERT_TRUE(txn->PutTimer(Timer("kept", 3, "escalated", true)).ok());
  ASSERT_TRUE(txn->InsertTask(Task("review", "waiting")).ok());
  ASSERT_TRUE(txn->InsertTask(Task("call", "escalated")).ok());
  ASSERT_TRUE(txn->InsertTask(Task("kept", "escalated", /*keep=*/true)).ok());
  ASSERT_TRUE(txn->CancelScoped(instance_id_, "").ok());
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(TimerKeys(), std::vector<std::string>{});
  EXPECT_EQ(TaskStatuses(), (std::vector<TaskStatus>{TaskStatus::kCancelled, TaskStatus::kCancelled,
                                                      TaskStatus::kCancelled}));
}

TEST_F(TimersTest, CancelScopedLeavesOtherInstancesAlone) {
  auto txn = Begin();
  auto other = txn->InsertInstance(SampleInstance(case_id_));
  ASSERT_TRUE(other.ok());
  TimerRecord foreign = Timer("a", 1, "waiting");
  foreign.instance_id = *other;
  ASSERT_TRUE(txn->PutTimer(foreign).ok());
  ASSERT_TRUE(txn->PutTimer(Timer("a", 2, "waiting")).ok());
  ASSERT_TRUE(txn->CancelScoped(instance_id_, "").ok());
  ASSERT_TRUE(txn->Commit().ok());
  auto timers = store_->ListTimers(case_id_);
  ASSERT_TRUE(timers.ok()) << timers.status().ToString();
  ASSERT_EQ(timers->size(), 1u);
  EXPECT_EQ((*timers)[0].instance_id, *other);
}

TEST_F(TimersTest, DueTimersAreEarliestFirstUpToNowAndLimit) {
  auto txn = Begin();
  ASSERT_TRUE(txn->PutTimer(Timer("c", 30, "waiting")).ok());
  ASSERT_TRUE(txn->PutTimer(Timer("a", 10, "waiting")).ok());
  ASSERT_TRUE(txn->PutTimer(Timer("later", 1000, "waiting")).ok());
  ASSERT_TRUE(txn->PutTimer(Timer("b", 20, "waiting")).ok());
  ASSERT_TRUE(txn->Commit().ok());

  auto due = store_->DueTimers(At(30), 10);
  ASSERT_TRUE(due.ok());
  std::vector<std::string> keys;
  for (const TimerRecord& t : *due) keys.push_back(t.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"a", "b", "c"}));

  auto first_two = store_->DueTimers(At(1000), 2);
  ASSERT_TRUE(first_two.ok()) << first_two.status().ToString();
  ASSERT_EQ(first_two->size(), 2u);
  EXPECT_EQ((*first_two)[1].key, "b");
  EXPECT_TRUE(store_->DueTimers(At(9), 10)->empty());
}

TEST_F(TimersTest, DueTimersIsARangeScanOfTheDueIndex) {
  std::string plan = RawQuery(dir_.File("souhra.db"),
                              "EXPLAIN QUERY PLAN SELECT due FROM timers WHERE due <= 5"
                              " ORDER BY due, instance_id, key LIMIT 10",
                              /*column=*/3);
  EXPECT_NE(plan.find("SEARCH timers USING PRIMARY KEY (due<?)"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
}

}  // namespace
}  // namespace souhra::sqlite
