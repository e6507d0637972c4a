#include "engine/runtime/step.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "tests/fakes/fixed_calendar.h"

namespace souhra {
namespace {

// Guards answer from a table keyed by function ref; actions return preset effects.
class TableScripts final : public ScriptHost {
 public:
  std::map<int, bool> guards;
  std::map<int, std::vector<Effect>> actions;
  Result<bool> Guard(const ScriptFunction& fn, const Json&, const Json&) override {
    if (fn.ref == 99) return ScriptError("wf.lua:7: boom");
    return guards[fn.ref];
  }
  Result<std::vector<Effect>> Action(const ScriptFunction& fn, const Json&, const Json&) override {
    return actions[fn.ref];
  }
  Result<CheckResult> Check(const ScriptFunction&, const Json&, const Json&) override {
    return CheckResult{true, ""};
  }
};

Effect Make(EffectKind kind, std::string key, Json args = Json::object()) {
  Effect e;
  e.kind = kind;
  e.key = std::move(key);
  e.args = std::move(args);
  e.pos = {"wf.lua", 3};
  return e;
}

class StepTest : public ::testing::Test {
 protected:
  StepTest() {
    scripts_ = std::make_shared<TableScripts>();
    workflow_.name = "wf";
    workflow_.initial = "a";
    workflow_.owns = {"left_a", "note", "conference", "matched"};
    workflow_.params = {{"soon", "2 days"}};
    workflow_.scripts = scripts_;
    State a;
    a.name = "a";
    a.enter = {Make(EffectKind::kTimer, "t", {{"after", "soon"}})};
    a.exit = {Make(EffectKind::kSet, "", {{"left_a", true}})};
    Transition guarded;
    guarded.when = {1, {}};
    guarded.go = "b";
    Transition fallback;
    fallback.go = "c";
    a.on["next"] = {guarded, fallback};
    Transition stay;
    stay.run = {Make(EffectKind::kSet, "", {{"note.text", "x"}})};
    a.on["note"] = {stay};
    Transition failing;
    failing.when = {99, {}};
    failing.go = "b";
    a.on["fail"] = {failing};
    State b;
    b.name = "b";
    b.final = true;
    State c;
    c.name = "c";
    c.enter = {Make(EffectKind::kTask, "k", {{"title", "Úkol"}, {"due", "1 working day"}})};
    workflow_.states = {{"a", a}, {"b", b}, {"c", c}};
    ctx_.workflow = &workflow_;
    ctx_.calendar = &calendar_;
    ctx_.now = FromMillis(0);
    case_.id = 1;
    case_.tenant = "demo";
    case_.code = "K-1";
    instance_.state = "a";
  }

  std::shared_ptr<TableScripts> scripts_;
  Workflow workflow_;
  FixedCalendar calendar_;
  StepContext ctx_;
  CaseRecord case_;
  InstanceRecord instance_;
};

TEST_F(StepTest, StartEntersTheInitialStateAndResolvesParamDurations) {
  Result<Plan> plan = PlanStart(ctx_, case_, Json::object());
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->to, "a");
  ASSERT_EQ(plan->operations.size(), 1u);
  const auto& timer = std::get<TimerPlan>(plan->operations[0]);
  EXPECT_EQ(timer.timer.key, "t");
  EXPECT_EQ(timer.timer.scope_state, "a");
  EXPECT_EQ(timer.timer.due, FromMillis(2 * 24 * 3600 * 1000LL));
}

TEST_F(StepTest, NotificationCarriesItsPurposeAndTheMeetingAsTheDataHadIt) {
  Transition invite;
  invite.run = {Make(EffectKind::kSet, "", {{"conference.at", "2026-05-04T08:00:00Z"}}),
                Make(EffectKind::kNotify, "",
                     {{"to", Json::array({"actor:charita", "coordinator"})},
                      {"template", "invitation"},
                      {"purpose", "conference"},
                      {"calendar", "conference"}}),
                Make(EffectKind::kSet, "", {{"conference.at", "later"}})};
  workflow_.states["a"].on["invite"] = {invite};
  workflow_.notifies_actors = true;
  Result<Plan> plan = PlanEvent(ctx_, case_, instance_, "invite", Json::object());
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->operations.size(), 2u);
  const auto& first = std::get<OutboxRecord>(plan->operations[0]);
  EXPECT_EQ(first.recipient, "actor:charita");
  EXPECT_EQ(first.payload["purpose"], "conference");
  EXPECT_EQ(first.payload["calendar"], Json({{"at", "2026-05-04T08:00:00Z"}}));
  EXPECT_EQ(std::get<OutboxRecord>(plan->operations[1]).recipient, "coordinator");
}

// What a script returns at run time was not in the declaration the head approved.
TEST_F(StepTest, ANotificationToAnActorFromAWorkflowThatDoesNotSaySoIsRefused) {
  scripts_->actions[5] = {Make(EffectKind::kNotify, "", {{"to", "actor:charita"}})};
  Transition computed;
  computed.run = {Make(EffectKind::kRun, "")};
  computed.run[0].function = {5, {"wf.lua", 9}};
  workflow_.states["a"].on["send"] = {computed};
  Result<Plan> plan = PlanEvent(ctx_, case_, instance_, "send", Json::object());
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().code(), StatusCode::kScriptError);
  EXPECT_NE(plan.status().message().find("notifies_actors = true"), std::string::npos)
      << plan.status().message();
  workflow_.notifies_actors = true;
  EXPECT_TRUE(PlanEvent(ctx_, case_, instance_, "send", Json::object()).ok());
}

// The attack: a workflow copies the referral note into the conference's place. The
// invitation carries the place the coordinator typed into the form, never the note.
class MeetingStepTest : public StepTest {
 protected:
  MeetingStepTest() {
    workflow_.notifies_actors = true;
    StepDeclaration schedule;
    schedule.type = "schedule";
    schedule.form = Form{{FormField{.name = "where", .type = FieldType::kPlace, .label = "Místo"},
                          FormField{.name = "url", .type = FieldType::kLink, .label = "Odkaz"}}};
    for (FormField& f : schedule.form->fields) f.max_length = 200;
    workflow_.events["schedule"] = schedule;
    Transition copy_note;
    copy_note.run = {
        Make(EffectKind::kSet, "",
             {{"conference",
               {{"at", "2026-05-04T08:00:00Z"},
                {"place", "Poznámka z doporučení: závislost"},
                {"online_link", "https://evil.example/?note=x"}}}}),
        Make(EffectKind::kNotify, "", {{"to", "actor:charita"}, {"calendar", "conference"}})};
    workflow_.states["a"].on["schedule"] = {copy_note};
    instance_.id = 7;
    case_.data = {{"referral", {{"note", "závislost"}}}};
    ctx_.payload_checked = true;
  }

  Json InvitedMeeting(const Json& payload) {
    Result<Plan> plan = PlanEvent(ctx_, case_, instance_, "schedule", payload);
    EXPECT_TRUE(plan.ok()) << plan.status().ToString();
    if (!plan.ok()) return Json();
    case_.data = plan->data;
    return std::get<OutboxRecord>(plan->operations.back()).payload["calendar"];
  }
};

TEST_F(MeetingStepTest, TheInvitationTakesPlaceAndLinkOnlyFromTheFormNotFromCaseData) {
  const Json meeting = InvitedMeeting({{"where", "Radnice, zasedačka 2"}});
  EXPECT_EQ(meeting["place"], "Radnice, zasedačka 2");
  EXPECT_FALSE(meeting.contains("online_link")) << meeting;
  EXPECT_EQ(meeting["at"], "2026-05-04T08:00:00Z");
  EXPECT_EQ(meeting.dump().find("závislost"), std::string::npos) << meeting;
}

TEST_F(MeetingStepTest, AMoveThatNamesNoPlaceKeepsTheRecordedOne) {
  InvitedMeeting({{"where", "Radnice"}, {"url", "https://meet.example.cz/k1"}});
  const Json moved = InvitedMeeting(Json::object());
  EXPECT_EQ(moved["place"], "Radnice");
  EXPECT_EQ(moved["online_link"], "https://meet.example.cz/k1");
}

TEST_F(MeetingStepTest, AnInternalEventOrAnUncheckedLinkRecordsNothing) {
  ctx_.payload_checked = false;  // e.g. emitted by another workflow with a payload it computed
  EXPECT_FALSE(InvitedMeeting({{"where", "Poznámka z doporučení"}}).contains("place"));
  ctx_.payload_checked = true;
  EXPECT_FALSE(InvitedMeeting({{"url", "javascript:alert(1)"}}).contains("online_link"));
}

// The loader checks the notifies a declaration writes; one a function returns is checked when it
// runs, so a reminder saying "dne , místo: ." cannot be sent from a script either.
TEST_F(StepTest, ANotificationWhoseTemplateNeedsAMeetingItDoesNotCarryIsRefused) {
  workflow_.templates = {{"reminder", {{"title", "Setkání"}, {"body", "Dne {when}, {place}."}}}};
  scripts_->actions[5] = {
      Make(EffectKind::kNotify, "", {{"to", "coordinator"}, {"template", "reminder"}})};
  Transition computed;
  computed.run = {Make(EffectKind::kRun, "")};
  computed.run[0].function = {5, {"wf.lua", 9}};
  workflow_.states["a"].on["send"] = {computed};
  Result<Plan> plan = PlanEvent(ctx_, case_, instance_, "send", Json::object());
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().code(), StatusCode::kScriptError);
  EXPECT_NE(plan.status().message().find("template 'reminder' uses {when}, {place}"),
            std::string::npos)
      << plan.status().message();
  scripts_->actions[5][0].args["meeting"] = "conference";
  EXPECT_TRUE(PlanEvent(ctx_, case_, instance_, "send", Json::object()).ok());
}

TEST_F(StepTest, APatternTypeTakesTheEventsOfComputedTaskKeysAndExactTypesComeFirst) {
  Transition any_step;
  any_step.run = {Make(EffectKind::kSet, "", {{"matched", "pattern"}})};
  Transition step_one;
  step_one.run = {Make(EffectKind::kSet, "", {{"matched", "exact"}})};
  workflow_.states["a"].on["task.step_*.overdue"] = {any_step};
  workflow_.states["a"].on["task.step_1.overdue"] = {step_one};
  Result<Plan> other = PlanEvent(ctx_, case_, instance_, "task.step_c7.overdue", Json::object());
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->accepted);
  EXPECT_EQ(other->data["matched"], "pattern");
  Result<Plan> exact = PlanEvent(ctx_, case_, instance_, "task.step_1.overdue", Json::object());
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->data["matched"], "exact");
  // The star stands for at least one character, and the rest must match.
  EXPECT_FALSE(PlanEvent(ctx_, case_, instance_, "task.step_.overdue", Json::object())->accepted);
  EXPECT_FALSE(PlanEvent(ctx_, case_, instance_, "task.step_3.done", Json::object())->accepted);
}

TEST_F(StepTest, FirstPassingGuardWins) {
  scripts_->guards[1] = true;
  Result<Plan> plan = PlanEvent(ctx_, case_, instance_, "next", Json::object());
  ASSERT_TRUE(plan.ok());
  EXPECT_TRUE(plan->accepted);
  EXPECT_EQ(plan->to, "b");
  EXPECT_TRUE(plan->completed);
}

TEST_F(StepTest, FallsThroughToTheUnguardedAlternative) {
  scripts_->guards[1] = false;
  Result<Plan> plan = PlanEvent(ctx_, case_, instance_, "next", Json::object());
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->to, "c");
  EXPECT_FALSE(plan->completed);
}

TEST_F(StepTest, ExitRunsBeforeTheScopeIsCancelledAndTheNewStateEntered) {
  Result<Plan> plan = PlanEvent(ctx_, case_, instance_, "next", Json::object());
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->data["left_a"], true);
  ASSERT_EQ(plan->operations.size(), 3u);
  EXPECT_EQ(std::get<CancelScope>(plan->operations[0]).state, "a");
  EXPECT_EQ(std::get<TaskPlan>(plan->operations[1]).task.scope_state, "c");
  // The task's overdue timer shares its scope.
  EXPECT_EQ(std::get<TimerPlan>(plan->operations[2]).timer.scope_state, "c");
}

TEST_F(StepTest, FinalStateCancelsEverythingOfTheInstance) {
  scripts_->guards[1] = true;
  Result<Plan> plan = PlanEvent(ctx_, case_, instance_, "next", Json::object());
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(std::get<CancelScope>(plan->operations.back()).state, "");
}

TEST_F(StepTest, TransitionWithoutGoStaysWithoutExitOrEnter) {
  Result<Plan> plan = PlanEvent(ctx_, case_, instance_, "note", Json::object());
  ASSERT_TRUE(plan.ok());
  EXPECT_TRUE(plan->accepted);
  EXPECT_EQ(plan->to, "a");
  EXPECT_TRUE(plan->operations.empty());
  EXPECT_EQ(plan->data["note"]["text"], "x");
  EXPECT_FALSE(plan->data.contains("left_a"));
}

TEST_F(StepTest, UnknownEventIsNotAccepted) {
  Result<Plan> plan = PlanEvent(ctx_, case_, instance_, "nope", Json::object());
  ASSERT_TRUE(plan.ok());
  EXPECT_FALSE(plan->accepted);
}

TEST_F(StepTest, GuardFailureIsAScriptError) {
  Result<Plan> plan = PlanEvent(ctx_, case_, instance_, "fail", Json::object());
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().code(), StatusCode::kScriptError);
  EXPECT_EQ(plan.status().message(), "wf.lua:7: boom");
}

TEST_F(StepTest, BadDurationInAParamIsAScriptErrorWithTheEffectsLine) {
  workflow_.params["soon"] = "soonish";
  Result<Plan> plan = PlanStart(ctx_, case_, Json::object());
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().code(), StatusCode::kScriptError);
  EXPECT_EQ(plan.status().message().rfind("wf.lua:3: timer 't': ", 0), 0u)
      << plan.status().message();
}

}  // namespace
}  // namespace souhra
