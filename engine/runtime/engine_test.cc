#include "engine/runtime/engine.h"

#include <gtest/gtest.h>

#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/fakes/engine_fixture.h"

namespace souhra {
using testing::TempDir;
namespace {

using std::chrono::hours;

// Thursday 2 April 2026, 10:00 in Prague.
const Instant kStart = FromMillis(1775116800000);

constexpr char kReferral[] = R"lua(
return workflow {
  name = "referral", owns = { "contacted", "broken", "broken_timer", "fit" },
  title = "Příjem podnětu",
  params = { contact_within = "3 working days" },
  templates = { late = { title = "Podnět čeká", body = "Případ {case} čeká na kontakt." } },
  initial = "received",
  states = {
    received = {
      enter = {
        task { key = "contact", title = "První kontakt", assignee = "social_worker",
               due = "contact_within" },
        timer { key = "late", after = "contact_within" },
      },
      on = {
        ["contacted"] = {
          { when = function(case, event) return event.payload.urgent == true end, go = "urgent" },
          { go = "assessing", run = set { contacted = true } },
        },
        ["timer.late"] = {
          when = function(case, event)
            assert(not case.data.broken_timer, "timer handler broke")
            return true
          end,
          run = notify { to = "coordinator", template = "late" },
        },
        ["task.contact.done"] = { go = "assessing" },
        ["poke"] = { when = function(case, event)
                       assert(not case.data.broken, "case data is broken")
                       return true
                     end },
        ["repair"] = { run = set { broken = false, broken_timer = false } },
        ["spin"] = { when = function(case, event) while true do end end },
      },
    },
    urgent = { on = { ["closed"] = { go = "closed" } } },
    assessing = {
      enter = decide { rules = "fit", into = "fit" },
      on = {
        ["closed"] = { go = "closed" },
        ["review"] = { go = "reviewing", run = start { workflow = "review" } },
      },
    },
    reviewing = { on = { ["closed"] = { go = "closed" } } },
    closed = { final = true },
  },
}
)lua";

constexpr char kReview[] = R"lua(
return workflow {
  name = "review",
  title = "Přehodnocení",
  initial = "waiting",
  states = {
    waiting = {
      enter = timer { key = "due", after = "10 working days" },
      on = { ["reviewed"] = { go = "done" } },
    },
    done = { final = true },
  },
}
)lua";

constexpr char kFit[] = R"lua(
return rules {
  name = "fit",
  title = "Vhodnost",
  params = { min_problems = 2 },
  min_score = 1,
  criteria = {
    criterion { id = "problems", title = "Více problémů", mandatory = true,
                check = function(case, p) return (case.data.problems or 0) >= p.min_problems,
                                                 "oblastí: " .. tostring(case.data.problems or 0) end },
    criterion { id = "alone", title = "Bez podpory", weight = 1,
                check = function(case, p) return case.data.alone == true end },
  },
}
)lua";

class EngineTest : public testing::EngineFixture {
 protected:
  EngineTest() : EngineFixture(kStart) {}

  void SetUp() override {
    EngineFixture::SetUp();
    Install("referral.lua", kReferral);
    Install("review.lua", kReview);
    Install("fit.lua", kFit);
  }

  CaseId NewCaseWith(Json data) {
    static int n = 0;
    Result<Applied> created =
        engine_->CreateCase({"demo", "K-" + std::to_string(++n), "referral", std::move(data)});
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? created->case_id : 0;
  }

  Result<Applied> Send(CaseId id, const std::string& type, Json payload = Json::object(),
                       const std::string& key = "") {
    EventRequest request;
    request.case_id = id;
    request.type = type;
    request.payload = std::move(payload);
    request.idempotency_key = key;
    return engine_->Submit(request);
  }

  std::string StateOf(CaseId id, const std::string& workflow = "referral") {
    std::vector<InstanceRecord> instances = *store_->ListInstances(id);
    for (const InstanceRecord& i : instances) {
      if (i.workflow == workflow) return i.state;
    }
    return "";
  }
};

TEST_F(EngineTest, CreatingACaseEntersTheInitialStateWithItsTaskAndTimer) {
  CaseId id = NewCaseWith(Json::object());
  EXPECT_EQ(StateOf(id), "received");
  std::vector<TaskRecord> tasks = *store_->ListTasks(id);
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].key, "contact");
  EXPECT_EQ(tasks[0].assignee, "social_worker");
  // Thursday + 3 working days skips Good Friday, the weekend and Easter Monday.
  EXPECT_EQ(FormatUtc(*tasks[0].due), "2026-04-09T08:00:00.000Z");
  // The workflow's timer and the task's own overdue timer, both due then.
  std::vector<TimerRecord> timers = *store_->ListTimers(id);
  ASSERT_EQ(timers.size(), 2u);
  EXPECT_EQ(timers[0].key, "late");
  EXPECT_EQ(timers[0].due, *tasks[0].due);
  EXPECT_EQ(timers[1].key, "task:contact:overdue");
  EXPECT_EQ(timers[1].due, *tasks[0].due);
}

TEST_F(EngineTest, LeavingAStateCancelsTheTimersAndTasksItSet) {
  CaseId id = NewCaseWith(Json::object());
  Result<Applied> applied = Send(id, "contacted");
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  EXPECT_EQ(StateOf(id), "assessing");
  EXPECT_TRUE(store_->ListTimers(id)->empty());
  std::vector<TaskRecord> tasks = *store_->ListTasks(id);
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].status, TaskStatus::kCancelled);
  EXPECT_EQ(store_->GetCase(id)->value().data["contacted"], true);
}

TEST_F(EngineTest, GuardsAreTriedInTheOrderWritten) {
  CaseId id = NewCaseWith(Json::object());
  ASSERT_TRUE(Send(id, "contacted", {{"urgent", true}}).ok());
  EXPECT_EQ(StateOf(id), "urgent");
}

TEST_F(EngineTest, RefusedEventNamesTheStatesAndChangesNothing) {
  CaseId id = NewCaseWith(Json::object());
  size_t events_before = store_->ListEvents(id)->size();
  Result<Applied> refused = Send(id, "closed");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kConflict);
  EXPECT_EQ(refused.status().message(),
            "event 'closed' is not accepted by case " + std::to_string(id) +
                ": referral is in state 'received' (accepts contacted, poke, repair, spin, "
                "task.contact.done, timer.late)");
  EXPECT_EQ(store_->ListEvents(id)->size(), events_before);
  EXPECT_EQ(StateOf(id), "received");
}

// Regression: the engine released the savepoint that RollbackToSavepoint had already ended, so
// every refused or failed event came back as "release savepoint failed" (kUnavailable).
TEST_F(EngineTest, RolledBackEventKeepsItsOwnErrorAndItsBatchGoesOn) {
  CaseId first = NewCaseWith(Json::object());
  CaseId second = NewCaseWith(Json::object());
  auto submit = [this](CaseId id, const std::string& type) {
    EventRequest request;
    request.case_id = id;
    request.type = type;
    return engine_->SubmitAsync(request);
  };
  auto accepted = submit(first, "contacted");
  auto refused = submit(first, "reviewed");
  auto other = submit(second, "contacted");
  EXPECT_TRUE(accepted.get().ok());
  EXPECT_EQ(refused.get().status().code(), StatusCode::kConflict);
  EXPECT_TRUE(other.get().ok());
  EXPECT_EQ(StateOf(first), "assessing");
  EXPECT_EQ(StateOf(second), "assessing");
}

RequestAudit AuditOf(const std::string& target) {
  RequestAudit audit;
  audit.record.tenant = "demo";
  audit.record.actor = "user:novak";
  audit.record.action = "POST /api/v1/cases/{id}/events";
  audit.record.target = target;
  audit.record.client = "127.0.0.1";
  return audit;
}

// Tenant "demo"'s committed audit rows, newest first (as AccessStore::ListAudit lists them).
std::vector<AuditRecord> AuditRows(testing::MemoryStore& store) {
  std::vector<AuditRecord> rows;
  for (const AuditRecord& row : store.AuditLog()) {
    if (row.tenant == "demo") rows.insert(rows.begin(), row);
  }
  return rows;
}

TEST_F(EngineTest, AnEventAndItsAuditRowCommitTogether) {
  CaseId id = NewCaseWith(Json::object());
  const EngineStats before = engine_->Stats();
  EventRequest request;
  request.case_id = id;
  request.type = "contacted";
  RequestAudit audit = AuditOf("case:" + std::to_string(id));
  ASSERT_TRUE(engine_->Submit(request, &audit).ok());
  EXPECT_TRUE(audit.committed);
  EXPECT_EQ(engine_->Stats().commits, before.commits + 1);  // one write for both
  std::vector<AuditRecord> rows = AuditRows(*memory_);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].outcome, "ok");
  EXPECT_EQ(rows[0].target, "case:" + std::to_string(id));
  EXPECT_EQ(rows[0].at, clock_.Now());
}

TEST_F(EngineTest, ARefusedEventKeepsItsAuditRowWithoutTheEvent) {
  CaseId id = NewCaseWith(Json::object());
  const size_t events_before = store_->ListEvents(id)->size();
  EventRequest request;
  request.case_id = id;
  request.type = "closed";
  RequestAudit audit = AuditOf("case:" + std::to_string(id));
  EXPECT_EQ(engine_->Submit(request, &audit).status().code(), StatusCode::kConflict);
  EXPECT_TRUE(audit.committed);
  EXPECT_EQ(store_->ListEvents(id)->size(), events_before);
  std::vector<AuditRecord> rows = AuditRows(*memory_);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].outcome, "conflict");
}

TEST_F(EngineTest, ANewCaseAuditRowNamesTheCaseItMade) {
  RequestAudit audit = AuditOf("case_code:K-A");
  audit.target_of = [](const Applied& applied) {
    return "case:" + std::to_string(applied.case_id);
  };
  Result<Applied> created =
      engine_->CreateCase({"demo", "K-A", "referral", Json::object()}, &audit);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  std::vector<AuditRecord> rows = AuditRows(*memory_);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].target, "case:" + std::to_string(created->case_id));
}

TEST_F(EngineTest, AWriteThatThrowsFailsAsInternalAndTheEngineGoesOn) {
  Status thrown = engine_->Write([](WriteTxn&, Instant) -> Status {
    Json parsed = Json::parse("{not json");  // throws nlohmann::json::parse_error
    return Status::Ok();
  });
  EXPECT_EQ(thrown.code(), StatusCode::kInternal);
  EXPECT_NE(thrown.message().find("parse error"), std::string::npos) << thrown.ToString();
  Status bad_alloc = engine_->Write([](WriteTxn&, Instant) -> Status { throw std::bad_alloc(); });
  EXPECT_EQ(bad_alloc.code(), StatusCode::kInternal);

  CaseId id = NewCaseWith(Json::object());
  EXPECT_TRUE(Send(id, "contacted").ok());
  EXPECT_EQ(StateOf(id), "assessing");
}

TEST_F(EngineTest, AWriteThatThrowsUndoesWhatItWroteBeforeThrowing) {
  CaseId id = NewCaseWith(Json::object());
  const size_t events_before = store_->ListEvents(id)->size();
  Status thrown = engine_->Write([id](WriteTxn& txn, Instant now) -> Status {
    EventRecord event;
    event.case_id = id;
    event.type = "note";
    event.at = now;
    SOUHRA_RETURN_IF_ERROR(txn.AppendEvent(event).status());
    throw std::runtime_error("after a write");
  });
  EXPECT_EQ(thrown.code(), StatusCode::kInternal);
  EXPECT_EQ(store_->ListEvents(id)->size(), events_before);
}

TEST_F(EngineTest, UnknownCaseIsNotFound) {
  Result<Applied> refused = Send(4242, "contacted");
  EXPECT_EQ(refused.status().code(), StatusCode::kNotFound);
}

TEST_F(EngineTest, RepeatedIdempotencyKeyReturnsTheFirstResultAndAppliesNothing) {
  CaseId id = NewCaseWith(Json::object());
  Result<Applied> first = Send(id, "contacted", Json::object(), "k-1");
  ASSERT_TRUE(first.ok());
  size_t events = store_->ListEvents(id)->size();
  Result<Applied> again = Send(id, "contacted", Json::object(), "k-1");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->repeated);
  EXPECT_EQ(again->seq, first->seq);
  EXPECT_EQ(again->outcome, first->outcome);
  EXPECT_EQ(store_->ListEvents(id)->size(), events);
}

TEST_F(EngineTest, CreatingACaseTwiceReturnsTheFirstCreation) {
  Result<Applied> first = engine_->CreateCase({"demo", "K-dup", "referral", Json::object()});
  ASSERT_TRUE(first.ok());
  Result<Applied> again = engine_->CreateCase({"demo", "K-dup", "referral", Json::object()});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->repeated);
  EXPECT_EQ(again->case_id, first->case_id);
  EXPECT_EQ(again->seq, first->seq);
  EXPECT_EQ(store_->ListTasks(first->case_id)->size(), 1u);
  Result<Applied> other = engine_->CreateCase({"demo", "K-dup", "review", Json::object()});
  EXPECT_EQ(other.status().code(), StatusCode::kConflict);
  EXPECT_EQ(other.status().message(),
            "Klient s kódem „K-dup“ už v obci má případ; vyhledejte ho v seznamu případů, nebo "
            "zvolte jiný kód.");
}

TEST_F(EngineTest, IdempotencyKeyReusedForAnotherEventIsAConflict) {
  CaseId id = NewCaseWith(Json::object());
  ASSERT_TRUE(Send(id, "repair", Json::object(), "k-2").ok());
  Result<Applied> other = Send(id, "contacted", Json::object(), "k-2");
  EXPECT_EQ(other.status().code(), StatusCode::kConflict);
  EXPECT_EQ(StateOf(id), "received");
}

TEST_F(EngineTest, ScriptErrorRollsBackAndLeavesARetryableIncident) {
  CaseId id = NewCaseWith({{"broken", true}});
  size_t events = store_->ListEvents(id)->size();
  Result<Applied> failed = Send(id, "poke");
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), StatusCode::kScriptError);
  EXPECT_NE(failed.status().message().find("referral.lua:"), std::string::npos)
      << failed.status().message();
  EXPECT_NE(failed.status().message().find("case data is broken"), std::string::npos);
  EXPECT_EQ(store_->ListEvents(id)->size(), events);

  std::vector<IncidentRecord> incidents = *store_->ListIncidents(true);
  ASSERT_EQ(incidents.size(), 1u);
  EXPECT_EQ(incidents[0].case_id, id);
  EXPECT_EQ(incidents[0].event.type, "poke");

  ASSERT_TRUE(Send(id, "repair").ok());
  Result<Applied> retried = engine_->RetryIncident(incidents[0].id);
  ASSERT_TRUE(retried.ok()) << retried.status().ToString();
  EXPECT_TRUE(store_->ListIncidents(true)->empty());
  EXPECT_EQ(store_->GetIncident(incidents[0].id)->value().attempts, 2);
}

// A retry asked for through the API is audited in the retry's own savepoint, as any change is.
TEST_F(EngineTest, RetryingAnEventIncidentCommitsItsAuditRowWithIt) {
  CaseId id = NewCaseWith({{"broken", true}});
  ASSERT_FALSE(Send(id, "poke").ok());
  std::vector<IncidentRecord> incidents = *store_->ListIncidents(true);
  ASSERT_EQ(incidents.size(), 1u);
  ASSERT_TRUE(Send(id, "repair").ok());
  RequestAudit audit = AuditOf("incident:" + std::to_string(incidents[0].id));
  ASSERT_TRUE(engine_->RetryIncident(incidents[0].id, &audit).ok());
  EXPECT_TRUE(audit.committed);
  std::vector<AuditRecord> rows = AuditRows(*memory_);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].outcome, "ok");
  EXPECT_EQ(rows[0].target, "incident:" + std::to_string(incidents[0].id));
}

TEST_F(EngineTest, RunawayGuardIsStoppedAndOtherCasesGoOn) {
  CaseId stuck = NewCaseWith(Json::object());
  CaseId other = NewCaseWith(Json::object());
  Result<Applied> spun = Send(stuck, "spin");
  ASSERT_FALSE(spun.ok());
  EXPECT_EQ(spun.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(spun.status().message().find("referral.lua:"), std::string::npos);
  EXPECT_TRUE(Send(other, "contacted").ok());
  EXPECT_EQ(StateOf(other), "assessing");
}

TEST_F(EngineTest, DueTimerFiresOnceAsAnEventToItsInstance) {
  CaseId id = NewCaseWith(Json::object());
  EXPECT_EQ(*engine_->FireDueTimers(100), 0);
  clock_.Advance(hours(24 * 8));
  EXPECT_EQ(*engine_->FireDueTimers(100), 2);  // timer.late and the task's overdue moment
  EXPECT_EQ(*engine_->FireDueTimers(100), 0);
  std::vector<OutboxRecord> outbox = *store_->ListOutbox(id);
  ASSERT_EQ(outbox.size(), 1u);
  EXPECT_EQ(outbox[0].recipient, "coordinator");
  EXPECT_EQ(outbox[0].template_name, "late");
  std::vector<EventRecord> events = *store_->ListEvents(id);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[1].type, "timer.late");
  ASSERT_TRUE(events[1].due.has_value());
  EXPECT_LT(*events[1].due, events[1].at);
  EXPECT_EQ(events[2].type, "task.contact.overdue");
  EXPECT_NE(events[2].outcome.get<EventOutcome>().ignored, "");
}

TEST_F(EngineTest, FailingTimerEventBecomesOneIncidentAndDoesNotFireAgain) {
  CaseId id = NewCaseWith({{"broken_timer", true}});
  clock_.Advance(hours(24 * 8));
  EXPECT_EQ(*engine_->FireDueTimers(100), 1);  // only the task's overdue moment
  EXPECT_EQ(*engine_->FireDueTimers(100), 0);
  std::vector<IncidentRecord> incidents = *store_->ListIncidents(true);
  ASSERT_EQ(incidents.size(), 1u);
  EXPECT_EQ(incidents[0].event.type, "timer.late");
  EXPECT_TRUE(store_->ListTimers(id)->empty());

  ASSERT_TRUE(Send(id, "repair").ok());
  Result<Applied> retried = engine_->RetryIncident(incidents[0].id);
  ASSERT_TRUE(retried.ok()) << retried.status().ToString();
  EXPECT_EQ(store_->ListOutbox(id)->size(), 1u);
}

TEST_F(EngineTest, CompletingATaskClosesItWithItsResult) {
  CaseId id = NewCaseWith(Json::object());
  ASSERT_TRUE(Send(id, "task.contact.done", {{"note", "navštíveno"}}).ok());
  EXPECT_EQ(StateOf(id), "assessing");
  std::vector<TaskRecord> tasks = *store_->ListTasks(id);
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].status, TaskStatus::kDone);
  EXPECT_EQ(tasks[0].result["note"], "navštíveno");
  EXPECT_EQ(Send(id, "task.contact.done").status().code(), StatusCode::kConflict);
}

TEST_F(EngineTest, DecisionKeepsEveryCriterionWithItsExplanation) {
  CaseId id = NewCaseWith({{"problems", 3}, {"alone", true}});
  ASSERT_TRUE(Send(id, "contacted").ok());
  std::vector<DecisionRecord> decisions = *store_->ListDecisions(id);
  ASSERT_EQ(decisions.size(), 1u);
  EXPECT_EQ(decisions[0].result["eligible"], true);
  ASSERT_EQ(decisions[0].result["criteria"].size(), 2u);
  EXPECT_EQ(decisions[0].result["criteria"][0]["explanation"], "oblastí: 3");
  EXPECT_EQ(store_->GetCase(id)->value().data["fit"]["eligible"], true);
}

TEST_F(EngineTest, FailedMandatoryCriterionMakesTheCaseIneligible) {
  CaseId id = NewCaseWith({{"problems", 1}, {"alone", true}});
  ASSERT_TRUE(Send(id, "contacted").ok());
  std::vector<DecisionRecord> decisions = *store_->ListDecisions(id);
  ASSERT_EQ(decisions.size(), 1u);
  EXPECT_EQ(decisions[0].result["eligible"], false);
  EXPECT_EQ(decisions[0].result["explanation"], "Nesplněna povinná kritéria: Více problémů.");
}

TEST_F(EngineTest, StartLaunchesAnotherWorkflowOnTheSameCase) {
  CaseId id = NewCaseWith(Json::object());
  ASSERT_TRUE(Send(id, "contacted").ok());
  ASSERT_TRUE(Send(id, "review").ok());
  EXPECT_EQ(StateOf(id, "review"), "waiting");
  ASSERT_TRUE(Send(id, "reviewed").ok());
  EXPECT_EQ(StateOf(id, "review"), "done");
}

TEST_F(EngineTest, ReachingAFinalStateEndsTheInstanceAndItsTimers) {
  CaseId id = NewCaseWith(Json::object());
  ASSERT_TRUE(Send(id, "contacted").ok());
  ASSERT_TRUE(Send(id, "review").ok());
  ASSERT_TRUE(Send(id, "closed").ok());
  EXPECT_EQ(StateOf(id), "closed");
  std::vector<InstanceRecord> instances = *store_->ListInstances(id);
  for (const InstanceRecord& i : instances) {
    if (i.workflow == "referral") {
      EXPECT_FALSE(i.active);
    }
  }
  Result<Applied> after = Send(id, "closed");
  EXPECT_EQ(after.status().code(), StatusCode::kConflict);
}

TEST_F(EngineTest, RunningInstancesStayOnTheirVersion) {
  CaseId old_case = NewCaseWith(Json::object());
  std::string changed = kReferral;
  const std::string guard = "event.payload.urgent == true";
  changed.replace(changed.find(guard), guard.size(), "false");
  ASSERT_TRUE(engine_->Install("demo", "referral.lua", changed).ok());
  CaseId new_case = NewCaseWith(Json::object());
  ASSERT_TRUE(Send(old_case, "contacted", {{"urgent", true}}).ok());
  ASSERT_TRUE(Send(new_case, "contacted", {{"urgent", true}}).ok());
  EXPECT_EQ(StateOf(old_case), "urgent");
  EXPECT_EQ(StateOf(new_case), "assessing");
}

TEST_F(EngineTest, InvalidDefinitionIsRefusedWithItsLine) {
  Result<DefinitionChange> refused =
      engine_->Install("demo", "bad.lua", "return workflow {\n  nme = 1 }");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("bad.lua:2:"), std::string::npos)
      << refused.status().message();
}

TEST_F(EngineTest, ConcurrentSubmissionsAreAllAcknowledged) {
  std::vector<std::future<Result<Applied>>> created;
  for (int i = 0; i < 200; ++i) {
    created.push_back(engine_->CreateCaseAsync({"demo", "G-" + std::to_string(i), "referral", {}}));
  }
  std::vector<std::future<Result<Applied>>> events;
  for (auto& c : created) {
    Result<Applied> r = c.get();
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EventRequest e;
    e.case_id = r->case_id;
    e.type = "contacted";
    events.push_back(engine_->SubmitAsync(e));
  }
  for (auto& e : events) EXPECT_TRUE(e.get().ok());
}

}  // namespace
}  // namespace souhra
