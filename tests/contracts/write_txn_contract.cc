// The writer's contract (engine/write_txn.h): savepoints and commit, conflicts, not-found
// updates, the deadline and task writes, and the lookups that see the transaction's own writes.
#include <string>
#include <vector>

#include "tests/contracts/store_contract.h"

namespace souhra::contracts {
namespace {

TEST_P(WriteTxnContract, RollingBackToASavepointKeepsEarlierEventsOfTheTransaction) {
  std::unique_ptr<WriteTxn> txn = Begin();
  ASSERT_TRUE(txn->Savepoint().ok());
  ASSERT_TRUE(txn->AppendEvent(SampleEvent(case_id_, "first")).ok());
  ASSERT_TRUE(txn->ReleaseSavepoint().ok());
  ASSERT_TRUE(txn->Savepoint().ok());
  ASSERT_TRUE(txn->AppendEvent(SampleEvent(case_id_, "second")).ok());
  ASSERT_TRUE(txn->PutTimer(Timer("undone", 1, "waiting")).ok());
  ASSERT_TRUE(txn->RollbackToSavepoint().ok());
  ASSERT_TRUE(txn->Savepoint().ok());
  ASSERT_TRUE(txn->AppendEvent(SampleEvent(case_id_, "third")).ok());
  ASSERT_TRUE(txn->ReleaseSavepoint().ok());
  ASSERT_TRUE(txn->Commit().ok());
  Result<std::vector<EventRecord>> events = store_->ListEvents(case_id_);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].type, "first");
  EXPECT_EQ((*events)[1].type, "third");
  EXPECT_TRUE(store_->ListTimers(case_id_)->empty());
}

TEST_P(WriteTxnContract, AnUncommittedTransactionLeavesNothing) {
  {
    std::unique_ptr<WriteTxn> txn = Begin();
    ASSERT_TRUE(txn->AppendEvent(SampleEvent(case_id_, "lost")).ok());
    ASSERT_TRUE(txn->InsertCase(SampleCase()).ok());
  }
  EXPECT_TRUE(store_->ListEvents(case_id_)->empty());
  EXPECT_FALSE(store_->GetCase(case_id_ + 1)->has_value());
  std::unique_ptr<WriteTxn> txn = Begin();  // and the writer is free again
  EXPECT_NE(txn, nullptr);
}

TEST_P(WriteTxnContract, QueriesSeeOnlyCommittedWrites) {
  std::unique_ptr<WriteTxn> txn = Begin();
  ASSERT_TRUE(txn->AppendEvent(SampleEvent(case_id_, "pending")).ok());
  EXPECT_TRUE(store_->ListEvents(case_id_)->empty());
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(store_->ListEvents(case_id_)->size(), 1u);
}

TEST_P(WriteTxnContract, ASecondWriteTransactionIsRefusedWhileOneIsOpen) {
  std::unique_ptr<WriteTxn> txn = Begin();
  Result<std::unique_ptr<WriteTxn>> second = store_->BeginWrite();
  EXPECT_EQ(second.status().code(), StatusCode::kInternal);
}

TEST_P(WriteTxnContract, CallsAfterCommitFail) {
  std::unique_ptr<WriteTxn> txn = Begin();
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(txn->AppendEvent(SampleEvent(case_id_, "late")).status().code(),
            StatusCode::kUnavailable);
  EXPECT_EQ(txn->Commit().code(), StatusCode::kUnavailable);
}

TEST_P(WriteTxnContract, ARepeatedClientCodeIsAConflictPerTenant) {
  std::unique_ptr<WriteTxn> txn = Begin();
  CaseRecord twin = sample_case_;
  EXPECT_EQ(txn->InsertCase(twin).status().code(), StatusCode::kConflict);
  twin.tenant = "orp-beroun";
  EXPECT_TRUE(txn->InsertCase(twin).ok());
}

TEST_P(WriteTxnContract, RepeatedIdempotencyKeyIsAConflict) {
  EventRecord event = SampleEvent(case_id_, "case.note");
  event.idempotency_key = "req-7";
  std::unique_ptr<WriteTxn> txn = Begin();
  ASSERT_TRUE(txn->AppendEvent(event).ok());
  EXPECT_EQ(txn->AppendEvent(event).status().code(), StatusCode::kConflict);
  EventRecord keyless = SampleEvent(case_id_, "case.note");
  EXPECT_TRUE(txn->AppendEvent(keyless).ok());
  EXPECT_TRUE(txn->AppendEvent(keyless).ok());
}

TEST_P(WriteTxnContract, EventSequenceNumbersGrow) {
  std::unique_ptr<WriteTxn> txn = Begin();
  Result<int64_t> first = txn->AppendEvent(SampleEvent(case_id_, "a"));
  Result<int64_t> second = txn->AppendEvent(SampleEvent(case_id_, "b"));
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  EXPECT_GT(*first, 0);
  EXPECT_GT(*second, *first);
}

TEST_P(WriteTxnContract, UpdatesOfMissingRowsAreNotFound) {
  std::unique_ptr<WriteTxn> txn = Begin();
  CaseRecord ghost = SampleCase();
  ghost.id = case_id_ + 100;
  EXPECT_EQ(txn->UpdateCase(ghost).code(), StatusCode::kNotFound);
  InstanceRecord lost = SampleInstance(case_id_);
  lost.id = instance_id_ + 100;
  EXPECT_EQ(txn->UpdateInstance(lost).code(), StatusCode::kNotFound);
  EXPECT_EQ(txn->CloseTask(99, TaskStatus::kDone, Json()).code(), StatusCode::kNotFound);
  EXPECT_EQ(txn->ReassignTask(99, "user:novak").code(), StatusCode::kNotFound);
  EXPECT_EQ(txn->SetTaskDue(99, At(1)).code(), StatusCode::kNotFound);
  EXPECT_EQ(txn->UpdateIncident(99, IncidentStatus::kResolved, 2, "").code(),
            StatusCode::kNotFound);
}

TEST_P(WriteTxnContract, LookupsSeeTheTransactionsOwnWrites) {
  std::unique_ptr<WriteTxn> txn = Begin();
  CaseRecord second = SampleCase();
  Result<CaseId> second_id = txn->InsertCase(second);
  ASSERT_TRUE(second_id.ok());
  Result<std::optional<CaseRecord>> by_code = txn->FindCaseByCode("orp-kolin", second.code);
  ASSERT_TRUE(by_code.ok());
  ASSERT_TRUE(by_code->has_value());
  EXPECT_EQ((*by_code)->id, *second_id);
  EXPECT_FALSE(txn->FindCaseByCode("orp-beroun", second.code)->has_value());
  ASSERT_TRUE(txn->LoadCase(*second_id)->has_value());

  EventRecord event = SampleEvent(*second_id, "case.note");
  event.idempotency_key = "req-7";
  Result<int64_t> seq = txn->AppendEvent(event);
  ASSERT_TRUE(seq.ok());
  Result<std::optional<EventRecord>> found = txn->FindEventByKey(*second_id, "req-7");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->seq, *seq);
  EXPECT_FALSE(txn->FindEventByKey(case_id_, "req-7")->has_value());
  EXPECT_FALSE(txn->FindEventByKey(*second_id, "")->has_value());
  EXPECT_EQ(txn->LoadEvents(*second_id)->size(), 1u);

  ASSERT_TRUE(txn->PutTimer(Timer("grace", 100, "waiting")).ok());
  ASSERT_TRUE(txn->FindTimer(instance_id_, "grace")->has_value());
  EXPECT_FALSE(txn->FindTimer(instance_id_, "other")->has_value());
  ASSERT_TRUE(txn->PutDefinition(SampleVersion("h1", true)).ok());
  ASSERT_TRUE(txn->FindDefinition("h1")->has_value());
  ASSERT_TRUE(txn->FindActiveDefinition("orp-kolin", "plan_review")->has_value());
  EXPECT_EQ(txn->FindDefinitionVersions("orp-kolin", "plan_review")->size(), 1u);
}

TEST_P(WriteTxnContract, OnlyActiveInstancesLoadForWriting) {
  std::unique_ptr<WriteTxn> txn = Begin();
  InstanceRecord second = SampleInstance(case_id_);
  Result<InstanceId> second_id = txn->InsertInstance(second);
  ASSERT_TRUE(second_id.ok());
  second.id = *second_id;
  second.active = false;
  ASSERT_TRUE(txn->UpdateInstance(second).ok());
  Result<std::vector<InstanceRecord>> active = txn->LoadActiveInstances(case_id_);
  ASSERT_TRUE(active.ok());
  ASSERT_EQ(active->size(), 1u);
  EXPECT_EQ((*active)[0].id, instance_id_);
}

TEST_P(WriteTxnContract, FindOpenTaskFindsTheNewestOpenOne) {
  std::unique_ptr<WriteTxn> txn = Begin();
  Result<int64_t> first = txn->InsertTask(SampleTask(case_id_, instance_id_, "review"));
  Result<int64_t> second = txn->InsertTask(SampleTask(case_id_, instance_id_, "review"));
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(txn->FindOpenTask(case_id_, "review")->value().id, *second);
  ASSERT_TRUE(txn->CloseTask(*second, TaskStatus::kDone, Json{{"ok", true}}).ok());
  EXPECT_EQ(txn->FindOpenTask(case_id_, "review")->value().id, *first);
  ASSERT_TRUE(txn->CloseTask(*first, TaskStatus::kCancelled, Json()).ok());
  EXPECT_FALSE(txn->FindOpenTask(case_id_, "review")->has_value());
}

TEST_P(WriteTxnContract, AnOpenTaskFoundForWritingKeepsDoneByAndForm) {
  TaskRecord task = SampleTask(case_id_, instance_id_, "decide");
  task.done_by = {"head"};
  task.form = Json{{"fields", Json::array({Json{{"name", "note"}, {"type", "text"}}})}};
  std::unique_ptr<WriteTxn> txn = Begin();
  ASSERT_TRUE(txn->InsertTask(task).ok());
  Result<std::optional<TaskRecord>> found = txn->FindOpenTask(case_id_, "decide");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->done_by, std::vector<std::string>{"head"});
  EXPECT_EQ((*found)->form, task.form);
}

TEST_P(WriteTxnContract, CasesLoadedForWritingKeepTheirClosingTime) {
  std::unique_ptr<WriteTxn> txn = Begin();
  EXPECT_FALSE(txn->LoadCase(case_id_)->value().closed_at.has_value());
  CaseRecord closed = SampleCase();
  closed.closed = true;
  closed.closed_at = At(900);
  Result<CaseId> id = txn->InsertCase(closed);
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(txn->LoadCase(*id)->value().closed_at, At(900));
  EXPECT_EQ(txn->FindCaseByCode("orp-kolin", closed.code)->value().closed_at, At(900));
  closed.id = *id;
  closed.closed = false;  // reopened
  closed.closed_at = std::nullopt;
  ASSERT_TRUE(txn->UpdateCase(closed).ok());
  EXPECT_FALSE(txn->LoadCase(*id)->value().closed_at.has_value());
}

TEST_P(WriteTxnContract, TaskUpdatesChangeAssigneeAndDue) {
  Result<int64_t> id = int64_t{0};
  Write([&](WriteTxn& txn) {
    id = txn.InsertTask(SampleTask(case_id_, instance_id_, "review"));
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(txn.ReassignTask(*id, "user:svoboda").ok());
    ASSERT_TRUE(txn.SetTaskDue(*id, At(60)).ok());
  });
  Result<std::optional<TaskRecord>> task = store_->GetTask(*id);
  ASSERT_TRUE(task.ok());
  ASSERT_TRUE(task->has_value());
  EXPECT_EQ((*task)->assignee, "user:svoboda");
  EXPECT_EQ((*task)->due, At(60));
  Write([&](WriteTxn& txn) { ASSERT_TRUE(txn.SetTaskDue(*id, std::nullopt).ok()); });
  EXPECT_FALSE(store_->GetTask(*id)->value().due.has_value());
}

TEST_P(WriteTxnContract, PutTimerReplacesTheSameInstanceAndKey) {
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.PutTimer(Timer("grace", 100, "waiting")).ok());
    ASSERT_TRUE(txn.PutTimer(Timer("grace", 50, "escalated", /*keep=*/true)).ok());
  });
  Result<std::vector<TimerRecord>> timers = store_->ListTimers(case_id_);
  ASSERT_TRUE(timers.ok());
  ASSERT_EQ(timers->size(), 1u);
  const TimerRecord& t = (*timers)[0];
  EXPECT_EQ(t.instance_id, instance_id_);
  EXPECT_EQ(t.case_id, case_id_);
  EXPECT_EQ(t.due, At(50));
  EXPECT_EQ(t.scope_state, "escalated");
  EXPECT_TRUE(t.keep);
}

TEST_P(WriteTxnContract, DeleteTimerRemovesOnlyThatKey) {
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.PutTimer(Timer("a", 1, "waiting")).ok());
    ASSERT_TRUE(txn.PutTimer(Timer("b", 2, "waiting")).ok());
    ASSERT_TRUE(txn.DeleteTimer(instance_id_, "a").ok());
    ASSERT_TRUE(txn.DeleteTimer(instance_id_, "missing").ok());
  });
  Result<std::vector<TimerRecord>> timers = store_->ListTimers(case_id_);
  ASSERT_TRUE(timers.ok());
  ASSERT_EQ(timers->size(), 1u);
  EXPECT_EQ((*timers)[0].key, "b");
}

PausedDeadline Paused(InstanceId instance_id, CaseId case_id, const std::string& key,
                      const std::string& state, bool keep = false) {
  PausedDeadline p;
  p.instance_id = instance_id;
  p.case_id = case_id;
  p.kind = "timer";
  p.key = key;
  p.paused_at = At(10);
  p.due = At(100);
  p.rule = "30 days";
  p.remaining.in_working_days = true;
  p.remaining.working_days = 3;
  p.remaining.time_of_day_millis = 36'000'000;
  p.remaining.millis = 90'000;
  p.scope_state = state;
  p.keep = keep;
  return p;
}

TEST_P(WriteTxnContract, PausedDeadlinesRoundTripReplaceAndDelete) {
  std::unique_ptr<WriteTxn> txn = Begin();
  ASSERT_TRUE(txn->PutPausedDeadline(Paused(instance_id_, case_id_, "grace", "waiting")).ok());
  PausedDeadline again = Paused(instance_id_, case_id_, "grace", "waiting");
  again.remaining.working_days = 5;
  ASSERT_TRUE(txn->PutPausedDeadline(again).ok());
  Result<std::optional<PausedDeadline>> found =
      txn->FindPausedDeadline(instance_id_, "timer", "grace");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  const PausedDeadline& p = **found;
  EXPECT_EQ(p.case_id, case_id_);
  EXPECT_EQ(p.paused_at, At(10));
  EXPECT_EQ(p.due, At(100));
  EXPECT_EQ(p.rule, "30 days");
  EXPECT_TRUE(p.remaining.in_working_days);
  EXPECT_EQ(p.remaining.working_days, 5);
  EXPECT_EQ(p.remaining.time_of_day_millis, 36'000'000);
  EXPECT_EQ(p.remaining.millis, 90'000);
  EXPECT_EQ(p.scope_state, "waiting");
  EXPECT_FALSE(txn->FindPausedDeadline(instance_id_, "task", "grace")->has_value());
  ASSERT_TRUE(txn->DeletePausedDeadline(instance_id_, "timer", "grace").ok());
  ASSERT_TRUE(txn->DeletePausedDeadline(instance_id_, "timer", "missing").ok());
  EXPECT_FALSE(txn->FindPausedDeadline(instance_id_, "timer", "grace")->has_value());
}

std::vector<std::string> TimerKeys(Store& store, CaseId case_id) {
  std::vector<std::string> keys;
  Result<std::vector<TimerRecord>> timers = store.ListTimers(case_id);
  EXPECT_TRUE(timers.ok()) << timers.status().ToString();
  if (timers.ok()) {
    for (const TimerRecord& t : *timers) keys.push_back(t.key);
  }
  return keys;
}

std::vector<TaskStatus> TaskStatuses(Store& store, CaseId case_id) {
  std::vector<TaskStatus> statuses;
  Result<std::vector<TaskRecord>> tasks = store.ListTasks(case_id);
  EXPECT_TRUE(tasks.ok()) << tasks.status().ToString();
  if (tasks.ok()) {
    for (const TaskRecord& t : *tasks) statuses.push_back(t.status);
  }
  return statuses;
}

TaskRecord ScopedTask(CaseId case_id, InstanceId instance_id, const std::string& key,
                      const std::string& state, bool keep = false) {
  TaskRecord r = SampleTask(case_id, instance_id, key);
  r.scope_state = state;
  r.keep = keep;
  return r;
}

TEST_P(WriteTxnContract, CancelScopedCancelsOnlyThatStatesUnkeptTimersTasksAndPauses) {
  std::unique_ptr<WriteTxn> txn = Begin();
  ASSERT_TRUE(txn->PutTimer(Timer("left", 1, "waiting")).ok());
  ASSERT_TRUE(txn->PutTimer(Timer("kept", 2, "waiting", /*keep=*/true)).ok());
  ASSERT_TRUE(txn->PutTimer(Timer("other", 3, "escalated")).ok());
  ASSERT_TRUE(txn->InsertTask(ScopedTask(case_id_, instance_id_, "review", "waiting")).ok());
  ASSERT_TRUE(txn->InsertTask(ScopedTask(case_id_, instance_id_, "kept", "waiting", true)).ok());
  ASSERT_TRUE(txn->InsertTask(ScopedTask(case_id_, instance_id_, "other", "escalated")).ok());
  Result<int64_t> done = txn->InsertTask(ScopedTask(case_id_, instance_id_, "done", "waiting"));
  ASSERT_TRUE(done.ok());
  ASSERT_TRUE(txn->CloseTask(*done, TaskStatus::kDone, Json()).ok());
  ASSERT_TRUE(txn->PutPausedDeadline(Paused(instance_id_, case_id_, "p", "waiting")).ok());
  ASSERT_TRUE(txn->PutPausedDeadline(Paused(instance_id_, case_id_, "q", "escalated")).ok());
  ASSERT_TRUE(txn->CancelScoped(instance_id_, "waiting").ok());
  EXPECT_FALSE(txn->FindPausedDeadline(instance_id_, "timer", "p")->has_value());
  EXPECT_TRUE(txn->FindPausedDeadline(instance_id_, "timer", "q")->has_value());
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(TimerKeys(*store_, case_id_), (std::vector<std::string>{"kept", "other"}));
  EXPECT_EQ(TaskStatuses(*store_, case_id_),
            (std::vector<TaskStatus>{TaskStatus::kCancelled, TaskStatus::kOpen, TaskStatus::kOpen,
                                     TaskStatus::kDone}));
}

// A finished instance keeps nothing: a kept timer or task would outlive the only instance that
// could handle it.
TEST_P(WriteTxnContract, CancelScopedWithNoStateCancelsEverythingKeptToo) {
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.PutTimer(Timer("a", 1, "waiting")).ok());
    ASSERT_TRUE(txn.PutTimer(Timer("b", 2, "escalated")).ok());
    ASSERT_TRUE(txn.PutTimer(Timer("kept", 3, "escalated", true)).ok());
    ASSERT_TRUE(txn.InsertTask(ScopedTask(case_id_, instance_id_, "review", "waiting")).ok());
    ASSERT_TRUE(txn.InsertTask(ScopedTask(case_id_, instance_id_, "call", "escalated")).ok());
    ASSERT_TRUE(txn.InsertTask(ScopedTask(case_id_, instance_id_, "kept", "escalated", true)).ok());
    ASSERT_TRUE(txn.CancelScoped(instance_id_, "").ok());
  });
  EXPECT_EQ(TimerKeys(*store_, case_id_), std::vector<std::string>{});
  EXPECT_EQ(TaskStatuses(*store_, case_id_),
            (std::vector<TaskStatus>{TaskStatus::kCancelled, TaskStatus::kCancelled,
                                     TaskStatus::kCancelled}));
}

TEST_P(WriteTxnContract, CancelScopedLeavesOtherInstancesAlone) {
  InstanceId other = 0;
  Write([&](WriteTxn& txn) {
    Result<InstanceId> inserted = txn.InsertInstance(SampleInstance(case_id_));
    ASSERT_TRUE(inserted.ok());
    other = *inserted;
    TimerRecord foreign = Timer("a", 1, "waiting");
    foreign.instance_id = other;
    ASSERT_TRUE(txn.PutTimer(foreign).ok());
    ASSERT_TRUE(txn.PutTimer(Timer("a", 2, "waiting")).ok());
    ASSERT_TRUE(txn.CancelScoped(instance_id_, "").ok());
  });
  Result<std::vector<TimerRecord>> timers = store_->ListTimers(case_id_);
  ASSERT_TRUE(timers.ok());
  ASSERT_EQ(timers->size(), 1u);
  EXPECT_EQ((*timers)[0].instance_id, other);
}

}  // namespace
}  // namespace souhra::contracts
