// CaseFiles (engine/store.h): one case's file, read back as it was written.
#include <string>
#include <vector>

#include "tests/contracts/store_contract.h"

namespace souhra::contracts {
namespace {

TEST_P(CaseFilesContract, CaseRoundTripsAndUpdatesDataAndClosed) {
  Result<std::optional<CaseRecord>> loaded = store_->GetCase(case_id_);
  ASSERT_TRUE(loaded.ok());
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ((*loaded)->tenant, sample_case_.tenant);
  EXPECT_EQ((*loaded)->code, sample_case_.code);
  EXPECT_EQ((*loaded)->data, sample_case_.data);
  EXPECT_EQ((*loaded)->created, sample_case_.created);
  EXPECT_FALSE((*loaded)->closed);

  CaseRecord changed = **loaded;
  changed.data["consent"] = false;
  changed.closed = true;
  changed.code = "K-ignored";  // only data and closed change
  Write([&](WriteTxn& txn) { ASSERT_TRUE(txn.UpdateCase(changed).ok()); });
  Result<std::optional<CaseRecord>> reloaded = store_->GetCase(case_id_);
  ASSERT_TRUE(reloaded.ok());
  ASSERT_TRUE(reloaded->has_value());
  EXPECT_EQ((*reloaded)->data, changed.data);
  EXPECT_TRUE((*reloaded)->closed);
  EXPECT_EQ((*reloaded)->code, sample_case_.code);
}

TEST_P(CaseFilesContract, AClosedCaseKeepsWhenItClosedAndAnOpenOneHasNoClosingTime) {
  EXPECT_FALSE(store_->GetCase(case_id_)->value().closed_at.has_value());
  CaseRecord closed = sample_case_;
  closed.id = case_id_;
  closed.closed = true;
  closed.closed_at = At(600);
  Write([&](WriteTxn& txn) { ASSERT_TRUE(txn.UpdateCase(closed).ok()); });
  Result<std::optional<CaseRecord>> loaded = store_->GetCase(case_id_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_TRUE(loaded->has_value());
  EXPECT_TRUE((*loaded)->closed);
  EXPECT_EQ((*loaded)->closed_at, At(600));

  CaseRecord born_closed = SampleCase();
  born_closed.closed = true;
  born_closed.closed_at = At(700);
  Result<CaseId> id = CaseId{0};
  Write([&](WriteTxn& txn) {
    id = txn.InsertCase(born_closed);
    ASSERT_TRUE(id.ok());
  });
  EXPECT_EQ(store_->GetCase(*id)->value().closed_at, At(700));
}

TEST_P(CaseFilesContract, MissingRecordsAreEmptyNotErrors) {
  Result<std::optional<CaseRecord>> c = store_->GetCase(case_id_ + 100);
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->has_value());
  Result<std::optional<TaskRecord>> task = store_->GetTask(99);
  ASSERT_TRUE(task.ok());
  EXPECT_FALSE(task->has_value());
  EXPECT_TRUE(store_->ListEvents(case_id_ + 100)->empty());
  EXPECT_TRUE(store_->ListInstances(case_id_ + 100)->empty());
}

TEST_P(CaseFilesContract, InstancesActiveOrNotListInIdOrder) {
  InstanceRecord second = SampleInstance(case_id_);
  second.workflow = "intake";
  Write([&](WriteTxn& txn) {
    Result<InstanceId> id = txn.InsertInstance(second);
    ASSERT_TRUE(id.ok());
    second.id = *id;
    second.state = "done";
    second.active = false;
    second.steps = 7;
    ASSERT_TRUE(txn.UpdateInstance(second).ok());
  });
  Result<std::vector<InstanceRecord>> all = store_->ListInstances(case_id_);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, instance_id_);
  const InstanceRecord& done = (*all)[1];
  EXPECT_EQ(done.id, second.id);
  EXPECT_EQ(done.case_id, case_id_);
  EXPECT_EQ(done.workflow, "intake");
  EXPECT_EQ(done.definition_hash, std::string(64, 'a'));
  EXPECT_EQ(done.state, "done");
  EXPECT_FALSE(done.active);
  EXPECT_EQ(done.steps, 7);
}

TEST_P(CaseFilesContract, TasksRoundTripInIdOrderAndByIdInAnyStatus) {
  TaskRecord task = SampleTask(case_id_, instance_id_, "review");
  task.due = At(3600);
  task.remind = Json::array({"5 working days"});
  int64_t closed_id = 0;
  Write([&](WriteTxn& txn) {
    Result<int64_t> id = txn.InsertTask(task);
    ASSERT_TRUE(id.ok());
    closed_id = *id;
    ASSERT_TRUE(txn.CloseTask(*id, TaskStatus::kDone, Json{{"ok", true}}).ok());
    ASSERT_TRUE(txn.InsertTask(SampleTask(case_id_, instance_id_, "call")).ok());
  });
  Result<std::vector<TaskRecord>> tasks = store_->ListTasks(case_id_);
  ASSERT_TRUE(tasks.ok());
  ASSERT_EQ(tasks->size(), 2u);
  const TaskRecord& t = (*tasks)[0];
  EXPECT_EQ(t.id, closed_id);
  EXPECT_EQ(t.case_id, case_id_);
  EXPECT_EQ(t.instance_id, instance_id_);
  EXPECT_EQ(t.key, "review");
  EXPECT_EQ(t.title, task.title);
  EXPECT_EQ(t.assignee, "case_manager");
  EXPECT_EQ(t.due, task.due);
  EXPECT_EQ(t.remind, task.remind);
  EXPECT_EQ(t.scope_state, "waiting");
  EXPECT_EQ(t.status, TaskStatus::kDone);
  EXPECT_EQ(t.result, (Json{{"ok", true}}));
  EXPECT_EQ((*tasks)[1].key, "call");
  EXPECT_FALSE((*tasks)[1].due.has_value());
  EXPECT_TRUE((*tasks)[1].result.is_null());
  Result<std::optional<TaskRecord>> by_id = store_->GetTask(closed_id);
  ASSERT_TRUE(by_id.ok());
  ASSERT_TRUE(by_id->has_value());
  EXPECT_EQ((*by_id)->status, TaskStatus::kDone);
}

TEST_P(CaseFilesContract, TasksKeepWhoMayCompleteThemAndTheFormTheyAskFor) {
  TaskRecord task = SampleTask(case_id_, instance_id_, "decide");
  task.done_by = {"coordinator", "head"};
  task.form = Json{{"fields", Json::array({Json{{"name", "decision"},
                                                {"type", "choice"},
                                                {"label", "Rozhodnutí o přijetí"},
                                                {"options", Json::array({"přijmout", "odmítnout"})},
                                                {"required", true}}})}};
  int64_t with_form = 0;
  Write([&](WriteTxn& txn) {
    Result<int64_t> id = txn.InsertTask(task);
    ASSERT_TRUE(id.ok());
    with_form = *id;
    ASSERT_TRUE(txn.InsertTask(SampleTask(case_id_, instance_id_, "call")).ok());
  });
  Result<std::vector<TaskRecord>> tasks = store_->ListTasks(case_id_);
  ASSERT_TRUE(tasks.ok()) << tasks.status().ToString();
  ASSERT_EQ(tasks->size(), 2u);
  EXPECT_EQ((*tasks)[0].done_by, task.done_by);
  EXPECT_EQ((*tasks)[0].form, task.form);
  EXPECT_TRUE((*tasks)[1].done_by.empty());
  EXPECT_TRUE((*tasks)[1].form.is_null());
  Result<std::optional<TaskRecord>> by_id = store_->GetTask(with_form);
  ASSERT_TRUE(by_id.ok());
  ASSERT_TRUE(by_id->has_value());
  EXPECT_EQ((*by_id)->done_by, task.done_by);
  EXPECT_EQ((*by_id)->form, task.form);
}

TEST_P(CaseFilesContract, EventsRoundTripInSequenceOrder) {
  EventRecord event = SampleEvent(case_id_, "timer.second_level");
  event.instance_id = instance_id_;
  event.idempotency_key = "req-1";
  event.actor = "timer";
  event.due = At(5);
  Result<int64_t> seq = int64_t{0};
  Write([&](WriteTxn& txn) {
    seq = txn.AppendEvent(event);
    ASSERT_TRUE(seq.ok());
    ASSERT_TRUE(txn.AppendEvent(SampleEvent(case_id_, "case.note")).ok());
  });
  Result<std::vector<EventRecord>> rows = store_->ListEvents(case_id_);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  const EventRecord& e = (*rows)[0];
  EXPECT_EQ(e.seq, *seq);
  EXPECT_EQ(e.case_id, case_id_);
  EXPECT_EQ(e.instance_id, instance_id_);
  EXPECT_EQ(e.type, event.type);
  EXPECT_EQ(e.payload, event.payload);
  EXPECT_EQ(e.idempotency_key, "req-1");
  EXPECT_EQ(e.actor, "timer");
  EXPECT_EQ(e.at, event.at);
  EXPECT_EQ(e.due, event.due);
  EXPECT_EQ(e.outcome, event.outcome);
  EXPECT_EQ((*rows)[1].type, "case.note");
  EXPECT_FALSE((*rows)[1].due.has_value());
}

TEST_P(CaseFilesContract, EventsAndOutboxAfterAPointAreOnlyTheNewerRowsOfTheCase) {
  CaseId other_case = 0;
  std::vector<int64_t> seqs;
  Write([&](WriteTxn& txn) {
    Result<CaseId> c = txn.InsertCase(SampleCase());
    ASSERT_TRUE(c.ok());
    other_case = *c;
    for (const char* type : {"a", "b", "c"}) {
      Result<int64_t> seq = txn.AppendEvent(SampleEvent(case_id_, type));
      ASSERT_TRUE(seq.ok());
      seqs.push_back(*seq);
      ASSERT_TRUE(txn.AppendEvent(SampleEvent(other_case, "foreign")).ok());
      ASSERT_TRUE(txn.InsertOutbox(SampleMessage(case_id_, instance_id_, At(1))).ok());
      ASSERT_TRUE(txn.InsertOutbox(SampleMessage(other_case, instance_id_, At(1))).ok());
    }
  });
  Result<std::vector<EventRecord>> events = store_->ListEventsAfter(case_id_, seqs[0]);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].type, "b");
  EXPECT_EQ((*events)[1].type, "c");
  EXPECT_TRUE(store_->ListEventsAfter(case_id_, seqs[2])->empty());
  EXPECT_EQ(store_->ListEventsAfter(case_id_, 0)->size(), 3u);

  Result<std::vector<OutboxRecord>> all = store_->ListOutboxAfter(case_id_, 0);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  Result<std::vector<OutboxRecord>> outbox = store_->ListOutboxAfter(case_id_, (*all)[1].id);
  ASSERT_TRUE(outbox.ok());
  ASSERT_EQ(outbox->size(), 1u);
  EXPECT_EQ((*outbox)[0].id, (*all)[2].id);
}

TEST_P(CaseFilesContract, TimersOfTheCaseListByDueThenInstanceAndKey) {
  CaseId other_case = 0;
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.PutTimer(Timer("b", 20, "waiting")).ok());
    ASSERT_TRUE(txn.PutTimer(Timer("a", 20, "waiting")).ok());
    ASSERT_TRUE(txn.PutTimer(Timer("c", 10, "waiting")).ok());
    Result<CaseId> c = txn.InsertCase(SampleCase());
    ASSERT_TRUE(c.ok());
    other_case = *c;
    Result<InstanceId> i = txn.InsertInstance(SampleInstance(other_case));
    ASSERT_TRUE(i.ok());
    TimerRecord foreign = Timer("foreign", 1, "waiting");
    foreign.instance_id = *i;
    foreign.case_id = other_case;
    ASSERT_TRUE(txn.PutTimer(foreign).ok());
  });
  Result<std::vector<TimerRecord>> timers = store_->ListTimers(case_id_);
  ASSERT_TRUE(timers.ok());
  std::vector<std::string> keys;
  for (const TimerRecord& t : *timers) keys.push_back(t.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"c", "a", "b"}));
  EXPECT_EQ(store_->ListTimers(other_case)->size(), 1u);
}

TEST_P(CaseFilesContract, OutboxMessagesAreQueuedPendingDueAtTheirCreation) {
  OutboxRecord note = SampleMessage(case_id_, instance_id_, At(20));
  note.status = OutboxStatus::kDelivered;  // ignored
  note.attempts = 3;
  note.last_error = "ignored";
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.InsertOutbox(note).ok());
    ASSERT_TRUE(txn.InsertOutbox(SampleMessage(case_id_, instance_id_, At(10))).ok());
  });
  Result<std::vector<OutboxRecord>> rows = store_->ListOutbox(case_id_);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  const OutboxRecord& r = (*rows)[0];
  EXPECT_GT(r.id, 0);
  EXPECT_LT(r.id, (*rows)[1].id);
  EXPECT_EQ(r.case_id, case_id_);
  EXPECT_EQ(r.instance_id, instance_id_);
  EXPECT_EQ(r.recipient, note.recipient);
  EXPECT_EQ(r.template_name, note.template_name);
  EXPECT_EQ(r.channel, note.channel);
  EXPECT_EQ(r.payload, note.payload);
  EXPECT_EQ(r.created, note.created);
  EXPECT_EQ(r.status, OutboxStatus::kPending);
  EXPECT_EQ(r.attempts, 0);
  EXPECT_EQ(r.next_attempt, At(20));
  EXPECT_EQ(r.last_error, "");
}

TEST_P(CaseFilesContract, DecisionsListInTheOrderMade) {
  DecisionRecord decision;
  decision.case_id = case_id_;
  decision.instance_id = instance_id_;
  decision.rule_set = "cm_eligibility";
  decision.rule_set_hash = "abc";
  decision.result = Json{{"eligible", true}, {"score", 3.5}};
  decision.decided = At(30);
  DecisionRecord later = decision;
  later.rule_set = "aaa_first_by_name";
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.InsertDecision(decision).ok());
    ASSERT_TRUE(txn.InsertDecision(later).ok());
  });
  Result<std::vector<DecisionRecord>> rows = store_->ListDecisions(case_id_);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].case_id, case_id_);
  EXPECT_EQ((*rows)[0].instance_id, instance_id_);
  EXPECT_EQ((*rows)[0].rule_set, "cm_eligibility");
  EXPECT_EQ((*rows)[0].rule_set_hash, "abc");
  EXPECT_EQ((*rows)[0].result, decision.result);
  EXPECT_EQ((*rows)[0].decided, decision.decided);
  EXPECT_EQ((*rows)[1].rule_set, "aaa_first_by_name");
}

}  // namespace
}  // namespace souhra::contracts
