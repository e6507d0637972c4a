// Declared steps: who may send an event or complete a task, the data a form lets through, the case
// data a workflow owns, and the closing and reopening of a case (issue: steps people take are
// declared).
#include <gtest/gtest.h>

#include "tests/fakes/engine_fixture.h"

namespace souhra {
namespace {

using testing::EngineFixture;

Instant At(const char* iso) {
  Instant t;
  EXPECT_TRUE(ParseIsoInstant(iso, &t));
  return t;
}

// A case that the head assigns, the coordinator confirms, and the case manager closes.
constexpr char kSteps[] = R"(return workflow {
  name = "steps",
  title = "Kroky",
  owns = { "people", "note", "result" },
  referral = {
    title = "Nový podnět", by = { "social_worker", "head" },
    form = { { name = "source", type = "text", label = "Odkud podnět přišel", required = true } },
  },
  events = {
    ["assigned"] = {
      title = "Přidělit případ", by = { "head" },
      form = { { name = "case_manager", type = "user", role = "case_manager",
                 label = "Case manager", required = true } },
    },
    ["confirmed"] = { title = "Potvrdit", by = { "coordinator" } },
    ["noted"] = {
      title = "Zapsat poznámku", by = { "case_manager" },
      form = { { name = "text", type = "text", label = "Poznámka", required = true,
                 max_length = 10 } },
    },
    ["reopened"] = { title = "Znovu otevřít", by = { "coordinator" }, reopens = { "steps" } }, ["checked"] = { title = "Zkontrolovat", by = { "coordinator" } },
  },
  initial = "new",
  states = {
    new = {
      on = {
        ["assigned"] = {
          go = "working",
          run = function(case, event)
            return set { ["people.case_manager"] = event.payload.case_manager,
                         ["people.head"] = event.by.actor }
          end,
        },
      },
    },
    working = {
      enter = task { key = "close", title = "Uzavřít případ", assignee = "case_manager",
                     form = { { name = "result", type = "choice", label = "Výsledek", required = true,
                                options = { { value = "done", label = "Hotovo" } } } } },
      on = {
        ["noted"] = { run = function(case, event) return set { note = event.payload.text } end },
        ["confirmed"] = { run = set { result = "confirmed" } },
        ["sneaky"] = { run = function(case, event) return set { consent = "given" } end },
        ["task.close.done"] = { go = "closed" },
        ["checked"] = { when = function(case, event) return case.data.note ~= nil end },
        -- Undeclared, so only the system sends it, and without a form to check its payload.
        ["named"] = {
          run = function(case, event) return set { ["people.case_manager"] = event.payload.who } end,
        },
      },
    },
    closed = { final = true },
  },
})";

class DeclaredSteps : public EngineFixture {
 protected:
  DeclaredSteps() : EngineFixture(At("2026-04-02T08:00:00Z")) {}

  void SetUp() override {
    EngineFixture::SetUp();
    Install("steps.lua", kSteps);
    NewCase request{"demo", "K-1", "steps", {{"referral", {{"source", "GP"}}}}, Head()};
    Result<Applied> created = engine_->CreateCase(request);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    case_id_ = created->case_id;
  }

  static Actor Head() { return Actor::User("cerna", {"head"}); }
  static Actor Manager() { return Actor::User("novakova", {"case_manager"}); }
  static Actor OtherManager() { return Actor::User("kratochvil", {"case_manager"}); }
  static Actor Coordinator() { return Actor::User("svoboda", {"coordinator"}); }
  static Actor Worker() { return Actor::User("dvorakova", {"social_worker"}); }

  Result<Applied> Send(const std::string& type, const Actor& actor, Json payload = Json::object()) {
    EventRequest request;
    request.case_id = case_id_;
    request.type = type;
    request.payload = std::move(payload);
    request.actor = actor;
    return engine_->Submit(request);
  }

  void Assign() {
    Result<Applied> assigned = Send("assigned", Head(), {{"case_manager", "user:novakova"}});
    ASSERT_TRUE(assigned.ok()) << assigned.status().ToString();
  }

  CaseRecord Case() {
    Result<std::optional<CaseRecord>> c = store_->GetCase(case_id_);
    EXPECT_TRUE(c.ok() && *c);
    return c.ok() && *c ? **c : CaseRecord{};
  }

  CaseId case_id_ = 0;
};

TEST_F(DeclaredSteps, APersonMayTakeOnlyTheStepsHerRolesAreNamedFor) {
  Result<Applied> by_worker = Send("assigned", Worker(), {{"case_manager", "user:novakova"}});
  ASSERT_EQ(by_worker.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(by_worker.status().message(), "Krok „Přidělit případ“ provádí vedoucí odboru případu.");
  Assign();
  EXPECT_EQ(Send("confirmed", Manager()).status().code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(Send("confirmed", Coordinator()).ok());
}

TEST_F(DeclaredSteps, AStepTheStateTakesButWhoseConditionsDoNotHoldIsRefusedInCzech) {
  Assign();
  Result<Applied> refused = Send("checked", Coordinator());
  ASSERT_EQ(refused.status().code(), StatusCode::kConflict);
  EXPECT_EQ(refused.status().message(),
            "Krok „Zkontrolovat“ teď u případu K-1 nelze udělat: případ ještě nesplňuje jeho "
            "podmínky (Kroky: working). Zkontrolujte údaje případu a vyplněný formulář.");
  Result<Applied> early = Send("confirmed", Coordinator());
  ASSERT_TRUE(early.ok());
}

TEST_F(DeclaredSteps, ARoleTheCaseNamesSomeoneForIsHeldOnlyByThatPerson) {
  Assign();
  EXPECT_EQ(Send("noted", OtherManager(), {{"text", "x"}}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_TRUE(Send("noted", Manager(), {{"text", "x"}}).ok());
}

TEST_F(DeclaredSteps, PeopleNamedByAnythingButTextAreRefusedAndNothingChanges) {
  Assign();
  for (const Json& holder : {Json(5), Json::object(), Json::array({"user:kratochvil"})}) {
    Result<Applied> refused = Send("named", Actor::System(), {{"who", holder}});
    ASSERT_EQ(refused.status().code(), StatusCode::kInvalidArgument) << holder.dump();
    EXPECT_NE(refused.status().message().find("user:novakova"), std::string::npos)
        << refused.status().message();
    EXPECT_EQ(Case().data["people"]["case_manager"], "user:novakova");
  }
  EXPECT_TRUE(Send("named", Actor::System(), {{"who", "user:kratochvil"}}).ok());
}

TEST_F(DeclaredSteps, ACaseStartedWithPeopleThatAreNotTextIsRefused) {
  NewCase request{"demo", "K-2", "steps", {{"people", {{"head", 7}}}}, Actor::System()};
  EXPECT_EQ(engine_->CreateCase(request).status().code(), StatusCode::kInvalidArgument);
  request.data = {{"people", "user:cerna"}};
  EXPECT_EQ(engine_->CreateCase(request).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(DeclaredSteps, AnEventNoWorkflowDeclaresIsRefusedToAPersonButNotToTheSystem) {
  Assign();
  Result<Applied> by_person = Send("sneaky", Coordinator());
  EXPECT_EQ(by_person.status().code(), StatusCode::kPermissionDenied);
  EXPECT_NE(by_person.status().message().find("nelze udělat"), std::string::npos);
  // The system's own undeclared event still runs the workflow, whose set on a field it does not
  // own is refused as a script error (an incident), with the line of the effect.
  Result<Applied> by_system = Send("sneaky", Actor::System());
  ASSERT_EQ(by_system.status().code(), StatusCode::kScriptError);
  EXPECT_NE(by_system.status().message().find("steps.lua:43"), std::string::npos)
      << by_system.status().message();
  EXPECT_NE(by_system.status().message().find("does not own case data 'consent'"),
            std::string::npos);
  EXPECT_FALSE(Case().data.contains("consent"));
}

TEST_F(DeclaredSteps, APayloadMustFillTheFormAndNothingElse) {
  Assign();
  Result<Applied> forged =
      Send("noted", Manager(), {{"text", "ok"}, {"consent", {{"status", "given"}}}});
  ASSERT_EQ(forged.status().code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(forged.status().field_errors().size(), 1u);
  EXPECT_EQ(forged.status().field_errors()[0].field, "consent");
  Result<Applied> too_long = Send("noted", Manager(), {{"text", "příliš dlouhá poznámka"}});
  ASSERT_EQ(too_long.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(too_long.status().field_errors()[0].field, "text");
  EXPECT_FALSE(Case().data.contains("consent"));
  EXPECT_FALSE(Case().data.contains("note"));
  // A step without a form takes no data: a forged `by` is refused, not read.
  Result<Applied> forged_by = Send("confirmed", Coordinator(), {{"by", "user:cerna"}});
  EXPECT_EQ(forged_by.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(DeclaredSteps, WhoSentAnEventIsTheServersWordNotThePayloads) {
  Assign();
  EXPECT_EQ(Case().data["people"]["head"], "user:cerna");
  Result<std::vector<EventRecord>> events = store_->ListEvents(case_id_);
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(events->back().actor, "user:cerna");
}

TEST_F(DeclaredSteps, ATaskIsCompletedByItsAssigneeWithItsForm) {
  Assign();
  Result<std::vector<TaskRecord>> tasks = store_->ListTasks(case_id_);
  ASSERT_TRUE(tasks.ok());
  ASSERT_EQ(tasks->size(), 1u);
  EXPECT_EQ(tasks->front().form["fields"][0]["name"], "result");
  Result<Applied> by_coordinator = Send("task.close.done", Coordinator(), {{"result", "done"}});
  ASSERT_EQ(by_coordinator.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(by_coordinator.status().message(),
            "Úkol „Uzavřít případ“ dokončuje case manager případu.");
  Result<Applied> without_result = Send("task.close.done", Manager());
  ASSERT_EQ(without_result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(without_result.status().field_errors()[0].field, "result");
  EXPECT_TRUE(Send("task.close.done", Manager(), {{"result", "done"}}).ok());
}

TEST_F(DeclaredSteps, ACaseClosesWithItsLastWorkflowAndOnlyAReopeningStepTouchesIt) {
  Assign();
  ASSERT_TRUE(Send("task.close.done", Manager(), {{"result", "done"}}).ok());
  CaseRecord closed = Case();
  EXPECT_TRUE(closed.closed);
  EXPECT_EQ(closed.closed_at, clock_.Now());
  Result<Applied> note = Send("noted", Manager(), {{"text", "x"}});
  ASSERT_EQ(note.status().code(), StatusCode::kConflict);
  EXPECT_NE(note.status().message().find("je uzavřený"), std::string::npos);
  EXPECT_EQ(Send("reopened", Manager()).status().code(), StatusCode::kPermissionDenied);
  ASSERT_TRUE(Send("reopened", Coordinator()).ok());
  EXPECT_FALSE(Case().closed);
  Result<std::vector<InstanceRecord>> instances = store_->ListInstances(case_id_);
  ASSERT_TRUE(instances.ok());
  EXPECT_EQ(instances->size(), 2u);
  EXPECT_TRUE(instances->back().active);
}

TEST_F(DeclaredSteps, AReferralIsMadeByTheRolesItNamesWithItsFormOnly) {
  NewCase by_manager{"demo", "K-2", "steps", {{"referral", {{"source", "GP"}}}}, Manager()};
  EXPECT_EQ(engine_->CreateCase(by_manager).status().code(), StatusCode::kPermissionDenied);
  NewCase with_consent{"demo",
                       "K-3",
                       "steps",
                       {{"referral", {{"source", "GP"}}}, {"consent", {{"status", "given"}}}},
                       Worker()};
  EXPECT_EQ(engine_->CreateCase(with_consent).status().code(), StatusCode::kInvalidArgument);
  NewCase without_source{"demo", "K-4", "steps", {{"referral", Json::object()}}, Worker()};
  Result<Applied> refused = engine_->CreateCase(without_source);
  ASSERT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().field_errors()[0].field, "source");
}

TEST_F(DeclaredSteps, TwoActiveWorkflowsCannotOwnTheSameCaseData) {
  Result<DefinitionChange> second = engine_->Install("demo", "notes.lua", R"(return workflow {
  name = "notes", owns = { "note" }, initial = "a",
  states = { a = { on = { x = { run = set { note = 1 } } } } },
})");
  ASSERT_EQ(second.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(second.status().message().find("'steps' already owns"), std::string::npos)
      << second.status().message();
}

TEST_F(DeclaredSteps, TheEnginesOwnEventsAreNotAPersonsToSend) {
  Assign();
  EXPECT_EQ(Send("task.close.overdue", Manager()).status().code(), StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace souhra
