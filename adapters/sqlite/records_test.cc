// Round trips of every record type through a WriteTxn and the Store's queries.
#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_test_fixture.h"

namespace souhra::sqlite {
namespace {

using RecordsTest = SqliteStoreTest;

TEST_F(RecordsTest, CaseRoundTripsAndUpdatesDataAndClosed) {
  auto loaded = store_->GetCase(case_id_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_TRUE(loaded->has_value());
  const CaseRecord& expected = sample_case_;
  EXPECT_EQ((*loaded)->tenant, expected.tenant);
  EXPECT_EQ((*loaded)->code, expected.code);
  EXPECT_EQ((*loaded)->data, expected.data);
  EXPECT_EQ((*loaded)->created, expected.created);
  EXPECT_FALSE((*loaded)->closed);

  CaseRecord changed = **loaded;
  changed.data["consent"] = false;
  changed.closed = true;
  auto txn = Begin();
  ASSERT_TRUE(txn->UpdateCase(changed).ok());
  ASSERT_TRUE(txn->Commit().ok());
  auto reloaded = store_->GetCase(case_id_);
  ASSERT_TRUE(reloaded.ok()) << reloaded.status().ToString();
  ASSERT_TRUE(reloaded->has_value());
  EXPECT_EQ((*reloaded)->data, changed.data);
  EXPECT_TRUE((*reloaded)->closed);
}

TEST_F(RecordsTest, MissingCaseIsEmptyNotAnError) {
  auto loaded = store_->GetCase(case_id_ + 100);
  ASSERT_TRUE(loaded.ok());
  EXPECT_FALSE(loaded->has_value());
}

TEST_F(RecordsTest, UpdatingAMissingCaseIsNotFound) {
  CaseRecord ghost = SampleCase();
  ghost.id = case_id_ + 100;
  auto txn = Begin();
  EXPECT_EQ(txn->UpdateCase(ghost).code(), StatusCode::kNotFound);
}

TEST_F(RecordsTest, InstanceRoundTripsAndOnlyActiveOnesLoadForWriting) {
  auto txn = Begin();
  InstanceRecord second = SampleInstance(case_id_);
  second.workflow = "intake";
  auto second_id = txn->InsertInstance(second);
  ASSERT_TRUE(second_id.ok());
  second.id = *second_id;
  second.state = "done";
  second.active = false;
  second.steps = 7;
  ASSERT_TRUE(txn->UpdateInstance(second).ok());
  auto active = txn->LoadActiveInstances(case_id_);
  ASSERT_TRUE(active.ok());
  ASSERT_EQ(active->size(), 1u);
  EXPECT_EQ((*active)[0].id, instance_id_);
  ASSERT_TRUE(txn->Commit().ok());

  auto all = store_->ListInstances(case_id_);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  const InstanceRecord& done = (*all)[1];
  EXPECT_EQ(done.workflow, "intake");
  EXPECT_EQ(done.definition_hash, std::string(64, 'a'));
  EXPECT_EQ(done.state, "done");
  EXPECT_FALSE(done.active);
  EXPECT_EQ(done.steps, 7);
}

TEST_F(RecordsTest, TaskRoundTripsAndCloses) {
  TaskRecord task;
  task.case_id = case_id_;
  task.instance_id = instance_id_;
  task.key = "review";
  task.title = "Přehodnotit individuální plán";
  task.assignee = "case_manager";
  task.due = At(3600);
  task.remind = Json::array({"5 working days"});
  task.scope_state = "waiting";
  auto txn = Begin();
  auto id = txn->InsertTask(task);
  ASSERT_TRUE(id.ok());
  auto open = txn->FindOpenTask(case_id_, "review");
  ASSERT_TRUE(open.ok()) << open.status().ToString();
  ASSERT_TRUE(open->has_value());
  EXPECT_EQ((*open)->id, *id);
  ASSERT_TRUE(txn->CloseTask(*id, TaskStatus::kDone, Json{{"ok", true}}).ok());
  auto closed = txn->FindOpenTask(case_id_, "review");
  ASSERT_TRUE(closed.ok());
  EXPECT_FALSE(closed->has_value());
  ASSERT_TRUE(txn->Commit().ok());

  auto tasks = store_->ListTasks(case_id_);
  ASSERT_TRUE(tasks.ok());
  ASSERT_EQ(tasks->size(), 1u);
  const TaskRecord& t = (*tasks)[0];
  EXPECT_EQ(t.title, task.title);
  EXPECT_EQ(t.assignee, "case_manager");
  EXPECT_EQ(t.due, task.due);
  EXPECT_EQ(t.remind, task.remind);
  EXPECT_EQ(t.scope_state, "waiting");
  EXPECT_EQ(t.status, TaskStatus::kDone);
  EXPECT_EQ(t.result, (Json{{"ok", true}}));
}

TEST_F(RecordsTest, TaskWithoutDueKeepsNoDue) {
  TaskRecord task;
  task.case_id = case_id_;
  task.instance_id = instance_id_;
  task.key = "call";
  auto txn = Begin();
  ASSERT_TRUE(txn->InsertTask(task).ok());
  ASSERT_TRUE(txn->Commit().ok());
  auto tasks = store_->ListTasks(case_id_);
  ASSERT_TRUE(tasks.ok()) << tasks.status().ToString();
  ASSERT_EQ(tasks->size(), 1u);
  EXPECT_FALSE((*tasks)[0].due.has_value());
  EXPECT_TRUE((*tasks)[0].result.is_null());
}

TEST_F(RecordsTest, OutboxRoundTrips) {
  OutboxRecord note;
  note.case_id = case_id_;
  note.instance_id = instance_id_;
  note.recipient = "coordinator";
  note.template_name = "plan_review_overdue";
  note.channel = "email";
  note.payload = Json{{"code", "K-2026-0042"}};
  note.created = At(20);
  auto txn = Begin();
  ASSERT_TRUE(txn->InsertOutbox(note).ok());
  ASSERT_TRUE(txn->Commit().ok());
  auto rows = store_->ListOutbox(case_id_);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  const OutboxRecord& r = (*rows)[0];
  EXPECT_GT(r.id, 0);
  EXPECT_EQ(r.recipient, note.recipient);
  EXPECT_EQ(r.template_name, note.template_name);
  EXPECT_EQ(r.channel, note.channel);
  EXPECT_EQ(r.payload, note.payload);
  EXPECT_EQ(r.created, note.created);
}

TEST_F(RecordsTest, DecisionRoundTrips) {
  DecisionRecord decision;
  decision.case_id = case_id_;
  decision.instance_id = instance_id_;
  decision.rule_set = "cm_eligibility";
  decision.rule_set_hash = "abc";
  decision.result = Json{{"eligible", true}, {"score", 3.5}};
  decision.decided = At(30);
  auto txn = Begin();
  ASSERT_TRUE(txn->InsertDecision(decision).ok());
  ASSERT_TRUE(txn->Commit().ok());
  auto rows = store_->ListDecisions(case_id_);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].rule_set, "cm_eligibility");
  EXPECT_EQ((*rows)[0].rule_set_hash, "abc");
  EXPECT_EQ((*rows)[0].result, decision.result);
  EXPECT_EQ((*rows)[0].decided, decision.decided);
}

TEST_F(RecordsTest, EventRoundTripsWithItsSequenceNumber) {
  EventRecord event = SampleEvent(case_id_, "timer.second_level");
  event.instance_id = instance_id_;
  event.idempotency_key = "req-1";
  event.actor = "timer";
  event.due = At(5);
  auto txn = Begin();
  auto seq = txn->AppendEvent(event);
  ASSERT_TRUE(seq.ok());
  ASSERT_TRUE(txn->Commit().ok());
  auto rows = store_->ListEvents(case_id_);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  const EventRecord& e = (*rows)[0];
  EXPECT_EQ(e.seq, *seq);
  EXPECT_EQ(e.instance_id, instance_id_);
  EXPECT_EQ(e.type, event.type);
  EXPECT_EQ(e.payload, event.payload);
  EXPECT_EQ(e.idempotency_key, "req-1");
  EXPECT_EQ(e.actor, "timer");
  EXPECT_EQ(e.at, event.at);
  EXPECT_EQ(e.due, event.due);
  EXPECT_EQ(e.outcome, event.outcome);
}

TEST_F(RecordsTest, FindEventByKeyFindsOnlyThatCasesKey) {
  EventRecord event = SampleEvent(case_id_, "case.note");
  event.idempotency_key = "req-7";
  auto txn = Begin();
  auto seq = txn->AppendEvent(event);
  ASSERT_TRUE(seq.ok());
  auto found = txn->FindEventByKey(case_id_, "req-7");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->seq, *seq);
  auto other = txn->FindEventByKey(case_id_, "req-8");
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other->has_value());
  auto none = txn->FindEventByKey(case_id_, "");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
}

TEST_F(RecordsTest, RepeatedIdempotencyKeyIsAConflict) {
  EventRecord event = SampleEvent(case_id_, "case.note");
  event.idempotency_key = "req-7";
  auto txn = Begin();
  ASSERT_TRUE(txn->AppendEvent(event).ok());
  EXPECT_EQ(txn->AppendEvent(event).status().code(), StatusCode::kConflict);
  EventRecord keyless = SampleEvent(case_id_, "case.note");
  EXPECT_TRUE(txn->AppendEvent(keyless).ok());
  EXPECT_TRUE(txn->AppendEvent(keyless).ok());
}

TEST_F(RecordsTest, EventForAMissingCaseIsRefused) {
  auto txn = Begin();
  auto seq = txn->AppendEvent(SampleEvent(case_id_ + 100, "case.note"));
  EXPECT_EQ(seq.status().code(), StatusCode::kInternal);
}

TEST_F(RecordsTest, IncidentRoundTripsListsAndUpdates) {
  IncidentRecord incident;
  incident.case_id = case_id_;
  incident.event = SampleEvent(case_id_, "task.review.done");
  incident.event.idempotency_key = "req-9";
  incident.error = "script_error: workflows/plan_review.lua:14: attempt to index a nil value";
  incident.created = At(40);
  auto txn = Begin();
  auto id = txn->InsertIncident(incident);
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(txn->Commit().ok());

  auto open = store_->ListIncidents(/*open_only=*/true);
  ASSERT_TRUE(open.ok()) << open.status().ToString();
  ASSERT_EQ(open->size(), 1u);
  const IncidentRecord& r = (*open)[0];
  EXPECT_EQ(r.id, *id);
  EXPECT_EQ(r.event.type, "task.review.done");
  EXPECT_EQ(r.event.payload, incident.event.payload);
  EXPECT_EQ(r.event.idempotency_key, "req-9");
  EXPECT_EQ(r.event.at, incident.event.at);
  EXPECT_EQ(r.error, incident.error);
  EXPECT_EQ(r.status, IncidentStatus::kOpen);
  EXPECT_EQ(r.attempts, 1);

  txn = Begin();
  ASSERT_TRUE(txn->UpdateIncident(*id, IncidentStatus::kResolved, 2, "").ok());
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_TRUE(store_->ListIncidents(true)->empty());
  auto all = store_->ListIncidents(false);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 1u);
  auto got = store_->GetIncident(*id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ((*got)->status, IncidentStatus::kResolved);
  EXPECT_EQ((*got)->attempts, 2);
}

TEST_F(RecordsTest, UpdatingAMissingIncidentIsNotFound) {
  auto txn = Begin();
  EXPECT_EQ(txn->UpdateIncident(99, IncidentStatus::kResolved, 2, "").code(),
            StatusCode::kNotFound);
}

// An active version of `name` for `tenant`.
DefinitionSource ActiveDefinition(const std::string& tenant, const std::string& name,
                                  const std::string& hash, const std::string& source) {
  DefinitionSource d;
  d.tenant = tenant;
  d.name = name;
  d.content_hash = hash;
  d.file = name + ".lua";
  d.source = source;
  d.active = true;
  return d;
}

TEST_F(RecordsTest, ActivatingADefinitionDeactivatesThePreviousVersion) {
  DefinitionSource v1 = ActiveDefinition("orp-kolin", "plan_review", "hash1", "return 1");
  DefinitionSource v2 = ActiveDefinition("orp-kolin", "plan_review", "hash2", "return 2");
  auto txn = Begin();
  ASSERT_TRUE(txn->PutDefinition(v1).ok());
  ASSERT_TRUE(txn->PutDefinition(v2).ok());
  ASSERT_TRUE(txn->Commit().ok());
  auto active = store_->GetActiveDefinition("orp-kolin", "plan_review");
  ASSERT_TRUE(active.ok()) << active.status().ToString();
  ASSERT_TRUE(active->has_value());
  EXPECT_EQ((*active)->content_hash, "hash2");
  auto old = store_->GetDefinition("hash1");
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  ASSERT_TRUE(old->has_value());
  EXPECT_EQ((*old)->source, "return 1");
  EXPECT_FALSE((*old)->active);

  txn = Begin();
  ASSERT_TRUE(txn->PutDefinition(v1).ok());  // reactivating an older version
  ASSERT_TRUE(txn->Commit().ok());
  active = store_->GetActiveDefinition("orp-kolin", "plan_review");
  ASSERT_TRUE(active.ok()) << active.status().ToString();
  ASSERT_TRUE(active->has_value());
  EXPECT_EQ((*active)->content_hash, "hash1");
  EXPECT_FALSE(store_->GetDefinition("hash2")->value().active);
}

TEST_F(RecordsTest, ActiveDefinitionsAreSeparatePerTenant) {
  DefinitionSource a = ActiveDefinition("orp-kolin", "intake", "h-a", "return 'a'");
  DefinitionSource b = ActiveDefinition("orp-beroun", "intake", "h-b", "return 'b'");
  auto txn = Begin();
  ASSERT_TRUE(txn->PutDefinition(a).ok());
  ASSERT_TRUE(txn->PutDefinition(b).ok());
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(store_->GetActiveDefinition("orp-kolin", "intake")->value().content_hash, "h-a");
  EXPECT_EQ(store_->GetActiveDefinition("orp-beroun", "intake")->value().content_hash, "h-b");
  EXPECT_FALSE(store_->GetActiveDefinition("orp-beroun", "plan_review")->has_value());
}

}  // namespace
}  // namespace souhra::sqlite
