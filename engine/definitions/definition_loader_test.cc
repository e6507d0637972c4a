#include "engine/definitions/definition_loader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/fakes/build_paths.h"

namespace souhra {
namespace {

std::string ReadSource(const std::string& relative) {
  std::ifstream in(testing::SourceDir() + "/" + relative);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Result<LoadedDefinition> Load(const std::string& source, const ValidationContext& context = {}) {
  return LoadDefinition("w.lua", source, SandboxLimits{}, context);
}

// The diagnostics of `source`, one "file:line: message" per entry.
std::vector<std::string> Problems(const std::string& source,
                                  const ValidationContext& context = {}) {
  std::vector<Diagnostic> diagnostics;
  auto loaded = LoadDefinition("w.lua", source, SandboxLimits{}, context, &diagnostics);
  EXPECT_FALSE(loaded.ok());
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics) lines.push_back(d.ToString());
  return lines;
}

// A minimal valid workflow with `extra` spliced into state `a`.
std::string WorkflowSource(const std::string& extra) {
  return "return workflow {\n"
         "  name = 'w', initial = 'a', owns = { 'x' },\n"
         "  templates = { hello = { title = 'T', body = 'B' } },\n"
         "  params = { grace = '3 working days' },\n"
         "  states = {\n"
         "    a = {\n" +
         extra +
         "\n      on = { go_b = { go = 'b' } } },\n"
         "    b = { final = true },\n"
         "  },\n"
         "}\n";
}

TEST(DefinitionLoader, LoadsThePlanReviewWorkflow) {
  auto loaded = LoadDefinition("workflows/plan_review.lua", ReadSource("workflows/plan_review.lua"),
                               SandboxLimits{}, ValidationContext{});
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const Workflow& w = *loaded->workflow;
  EXPECT_EQ(w.name, "plan_review");
  EXPECT_EQ(w.initial, "waiting");
  EXPECT_EQ(w.params["grace"], "3 working days");
  EXPECT_EQ(w.content_hash.size(), 64u);
  const State* waiting = w.FindState("waiting");
  ASSERT_NE(waiting, nullptr);
  // First the review's day is scheduled (a function), then the task falls on it.
  ASSERT_EQ(waiting->enter.size(), 2u);
  EXPECT_EQ(waiting->enter[0].kind, EffectKind::kRun);
  const Effect& task = waiting->enter[1];
  EXPECT_EQ(task.kind, EffectKind::kTask);
  EXPECT_EQ(task.key, "review");
  EXPECT_EQ(task.pos.ToString(), "workflows/plan_review.lua:84");
  EXPECT_EQ(task.args["due"], "review.date");
  EXPECT_EQ(task.args["remind"], Json::parse(R"(["remind_before before","1 working day before",
      "on the day",{"after":"remind_late","to":"coordinator","template":"plan_review_overdue"}])"));
  EXPECT_EQ(task.args["form"][0]["name"], "review_date");
  EXPECT_EQ(waiting->on.at("task.review.overdue").front().go, "escalated");
  const State* escalated = w.FindState("escalated");
  ASSERT_EQ(escalated->enter.size(), 2u);
  EXPECT_EQ(escalated->enter[1].kind, EffectKind::kTimer);
  const Transition& second = escalated->on.at("timer.second_level").front();
  EXPECT_TRUE(second.go.empty());
  ASSERT_EQ(second.run.size(), 1u);
  EXPECT_EQ(second.run[0].args["to"], "head");
  EXPECT_TRUE(w.FindState("done")->final);
}

TEST(DefinitionLoader, ContentHashIsSha256OfTheSource) {
  auto loaded = Load(WorkflowSource(""));
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  auto again = Load(WorkflowSource("") + "-- changed\n");
  EXPECT_NE(loaded->workflow->content_hash, again->workflow->content_hash);
}

TEST(DefinitionLoader, LoadsTheEligibilityRuleSet) {
  auto loaded = LoadDefinition("rules/cm_eligibility.lua", ReadSource("rules/cm_eligibility.lua"),
                               SandboxLimits{}, ValidationContext{});
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const RuleSet& rules = *loaded->rule_set;
  EXPECT_EQ(rules.name, "cm_eligibility");
  EXPECT_EQ(rules.criteria.size(), 9u);
  EXPECT_EQ(rules.min_score, 5);
  EXPECT_TRUE(rules.criteria[7].mandatory);
  EXPECT_EQ(rules.criteria[7].id, "consent");
}

TEST(Validator, ReportsEveryErrorOfTheBrokenWorkflow) {
  const std::string file = "tests/data/broken_workflow.lua";
  std::vector<Diagnostic> diagnostics;
  auto loaded = LoadDefinition(file, ReadSource(file), SandboxLimits{}, {}, &diagnostics);
  ASSERT_FALSE(loaded.ok());
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics) lines.push_back(d.ToString());
  const std::string f = file + ":";
  EXPECT_EQ(
      lines,
      (std::vector<std::string>{
          f + "9: state 'waiting': enter: task 'review': unknown role 'case_manger' (did you mean "
              "'case_manager'?)",
          f + "10: state 'waiting': enter: task 'review': due: bad duration '3 workdays' (expected "
              "e.g. \"3 working days\", \"24 hours\" or \"P3D\")",
          f + "12: state 'waiting': event 'task.review.done': unknown key 'tragte' (expected go, "
              "when, run)",
          f + "13: state 'waiting': event 'task.review.overdue': unknown target 'escalatd' (did "
              "you "
              "mean 'escalated'?)",
          f + "14: state 'waiting': event 'timer.nudge': no timer 'nudge' is created in this "
              "workflow",
          f + "14: state 'waiting': event 'timer.nudge': run: notify: unknown template 'remindr' "
              "(did "
              "you mean 'reminder'?)",
          f + "17: state 'escalated': unreachable from the initial state 'waiting'",
          f + "18: state 'done': unreachable from the initial state 'waiting'",
      }));
  EXPECT_EQ(loaded.status().message().substr(0, lines[0].size()), lines[0]);
}

TEST(Validator, ReportsSyntaxErrorsWithLine) {
  EXPECT_EQ(
      Problems("return workflow {\n  name = 'x'\n  title = 'y'\n}\n"),
      (std::vector<std::string>{"w.lua:3: '}' expected (to close '{' at line 1) near 'title'"}));
}

TEST(Validator, ReportsRuntimeErrorsWithLine) {
  EXPECT_EQ(Problems("local x = nil\nreturn workflow { name = x.y }\n"),
            (std::vector<std::string>{"w.lua:2: attempt to index a nil value (local 'x')"}));
}

TEST(Validator, RequiresAWorkflowOrRules) {
  EXPECT_EQ(Problems("local t = {}\nreturn { name = 'x' }\n"),
            (std::vector<std::string>{
                "w.lua:2: the file must return workflow { ... } or rules { ... }"}));
}

TEST(Validator, ReportsMissingTopLevelKeys) {
  EXPECT_EQ(Problems("return workflow {\n  title = 'x',\n}\n"),
            (std::vector<std::string>{"w.lua:1: workflow: missing 'initial'",
                                      "w.lua:1: workflow: missing 'name'",
                                      "w.lua:1: workflow: missing 'states'"}));
}

TEST(Validator, ReportsAnInitialStateThatDoesNotExist) {
  EXPECT_EQ(Problems("return workflow {\n  name = 'w',\n  initial = 'wating',\n"
                     "  states = { waiting = { final = true } },\n}\n"),
            (std::vector<std::string>{
                "w.lua:3: workflow: initial state 'wating' is not a state (did you mean "
                "'waiting'?)"}));
}

TEST(Validator, SuggestsTheClosestKey) {
  EXPECT_EQ(Problems(WorkflowSource("      titel = 'A',")),
            (std::vector<std::string>{
                "w.lua:7: state 'a': unknown key 'titel' (did you mean 'title'?)"}));
}

TEST(Validator, ReportsWrongValueTypes) {
  EXPECT_EQ(Problems(WorkflowSource("      final = 'yes',")),
            (std::vector<std::string>{
                "w.lua:7: state 'a': 'final' must be true or false, not a string"}));
}

TEST(Validator, ReportsDurationsThatAreNeitherLiteralNorParam) {
  EXPECT_EQ(Problems(WorkflowSource("      enter = timer { key = 't', after = 'grase' },")),
            (std::vector<std::string>{
                "w.lua:7: state 'a': enter: timer 't': after: 'grase' is neither a duration nor "
                "a param (did you mean 'grace'?)"}));
}

TEST(Validator, AcceptsRoleFormsAndReportsUnknownRoles) {
  EXPECT_TRUE(
      Load(WorkflowSource("      enter = { notify { to = 'user:novak', template = 'hello' },\n"
                          "        notify { to = { 'actor:charita', 'head' }, template = 'hello' "
                          "} },"))
          .ok());
  EXPECT_EQ(Problems(WorkflowSource("      enter = notify { to = 'boss', template = 'hello' },")),
            (std::vector<std::string>{"w.lua:7: state 'a': enter: notify: unknown role 'boss'"}));
}

TEST(Validator, ReadsUrgentTemplatesAndTypedNotifyFields) {
  std::string source = WorkflowSource(
      "      enter = notify { to = 'actor:charita', template = 'hello', purpose = 'conference',\n"
      "                       calendar = 'conference' },");
  source.replace(source.find("templates = {"), 13,
                 "templates = { alarm = { title = 'A', body = 'B', urgent = true },");
  // The invitation's place comes from a form field of a declared step.
  source.replace(source.find("initial = 'a',"), 14,
                 "initial = 'a', events = { go_b = { title = 'B', by = { 'coordinator' },"
                 " form = { { name = 'where', type = 'place', label = 'Místo' } } } },");
  Result<LoadedDefinition> loaded = Load(source);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->workflow->templates["alarm"]["urgent"], true);
  EXPECT_EQ(loaded->workflow->templates["hello"]["urgent"], false);
  EXPECT_EQ(Problems(WorkflowSource("      enter = notify { to = 'head', template = 'hello', "
                                    "purpose = 1 },")),
            (std::vector<std::string>{
                "w.lua:7: state 'a': enter: notify: 'purpose' must be a string, not a number"}));
}

TEST(Validator, ChecksDecideAndStartAgainstTheContext) {
  ValidationContext context{{"intake"}, {"cm_eligibility"}};
  EXPECT_EQ(
      Problems(WorkflowSource("      enter = { decide { rules = 'cm_eligibilty', into = 'x' },\n"
                              "        start { workflow = 'intak' } },"),
               context),
      (std::vector<std::string>{
          "w.lua:7: state 'a': enter: decide: unknown rule set 'cm_eligibilty' (did you "
          "mean 'cm_eligibility'?)",
          "w.lua:8: state 'a': enter: start: unknown workflow 'intak' (did you mean "
          "'intake'?)"}));
  EXPECT_TRUE(Load(WorkflowSource("      enter = start { workflow = 'anything' },")).ok());
}

TEST(Validator, AcceptsAReminderLadder) {
  std::string source = WorkflowSource(
      "      enter = task { key = 'r', title = 'R', assignee = 'head', due = '10 working days',\n"
      "        remind = { 'grace before', '1 working day before', 'on the day',\n"
      "                   { after = 'grace', to = 'coordinator', template = 'hello' } } },");
  source.replace(source.find("templates = {"), 13,
                 "templates = { task_reminder = { title = 'P', body = 'B' },");
  Result<LoadedDefinition> loaded = Load(source);
  EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
}

TEST(Validator, ReportsABadRung) {
  EXPECT_EQ(Problems(WorkflowSource(
                "      enter = task { key = 'r', title = 'R', assignee = 'head', due = 'grace',\n"
                "        remind = { { after = 'grace', template = 'hello' }, 'tomorrow' } },")),
            (std::vector<std::string>{
                "w.lua:8: state 'a': enter: task 'r': remind: rung 2: expected \"N before\", "
                "\"N after\" or \"on the day\": 'tomorrow' is neither a duration nor a param"}));
  EXPECT_EQ(Problems(WorkflowSource(
                "      enter = task { key = 'r', title = 'R', assignee = 'head', due = 'grace',\n"
                "        remind = { before = 'grace', aftr = '1 day', template = 'hello' } },")),
            (std::vector<std::string>{
                "w.lua:8: state 'a': enter: task 'r': remind: rung 1: unknown key 'aftr' (did "
                "you mean 'after'?)"}));
}

TEST(Validator, ReportsAReminderWithoutATemplate) {
  EXPECT_EQ(Problems(WorkflowSource(
                "      enter = task { key = 'r', title = 'R', assignee = 'head', due = 'grace',\n"
                "        remind = { 'on the day', { after = 'grace', template = 'helo' } } },")),
            (std::vector<std::string>{
                "w.lua:8: state 'a': enter: task 'r': remind: rung 1: no template for the "
                "reminder: add a template 'task_reminder' or give the rung a 'template'",
                "w.lua:8: state 'a': enter: task 'r': remind: rung 2: unknown template 'helo' "
                "(did you mean 'hello'?)"}));
}

TEST(Validator, ReportsAReminderWithoutADueTimeAndReservedTimerKeys) {
  EXPECT_EQ(
      Problems(WorkflowSource("      enter = { task { key = 'r', title = 'R', assignee = 'head',\n"
                              "        remind = { before = 'grace', template = 'hello' } },\n"
                              "        timer { key = 'task:r:overdue', after = 'grace' } },")),
      (std::vector<std::string>{
          "w.lua:8: state 'a': enter: task 'r': 'remind' needs a 'due'",
          "w.lua:9: state 'a': enter: timer 'task:r:overdue': timer keys starting with "
          "'task:' are reserved for the reminders of tasks"}));
}

TEST(Validator, ReportsTaskEventsWithoutATask) {
  std::string source = WorkflowSource(
      "      enter = task { key = 'review', title = 'R', "
      "assignee = 'head' },");
  source.replace(source.find("go_b"), 4, "['task.reviews.done']");
  EXPECT_EQ(Problems(source),
            (std::vector<std::string>{
                "w.lua:8: state 'a': event 'task.reviews.done': no task 'reviews' is created in "
                "this workflow (did you mean 'review'?)"}));
}

TEST(Validator, ReportsCriteriaProblems) {
  EXPECT_EQ(Problems("return rules {\n  name = 'r',\n  criteria = {\n"
                     "    criterion { id = 'a', check = function() return true end },\n"
                     "    criterion { title = 'no id', check = function() return true end },\n"
                     "    criterion { id = 'a', weigth = 1 },\n"
                     "  },\n}\n"),
            (std::vector<std::string>{
                "w.lua:5: criterion 2: missing 'id'",
                "w.lua:6: criterion 'a': duplicate id (first on line 4)",
                "w.lua:6: criterion 'a': missing 'check'",
                "w.lua:6: criterion 'a': unknown key 'weigth' (did you mean 'weight'?)"}));
}

TEST(Validator, ReadsDecideAnyAndReportsOtherValues) {
  auto loaded = Load(
      "return rules {\n  name = 'r', decide = 'any',\n  criteria = {\n"
      "    criterion { id = 'a', check = function() return true end },\n  },\n}\n");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE(loaded->rule_set->decide_any);
  EXPECT_EQ(Problems("return rules {\n  name = 'r',\n  decide = 'some',\n  criteria = {\n"
                     "    criterion { id = 'a', check = function() return true end },\n  },\n}\n"),
            (std::vector<std::string>{"w.lua:3: rules: must be \"all\" or \"any\", not 'some'"}));
}

TEST(Validator, AcceptsPauseAndResumeOfATimerOrATask) {
  EXPECT_TRUE(
      Load(WorkflowSource("      enter = { pause { timer = 't' }, resume { task = 'x' } },")).ok());
}

TEST(Validator, ReportsAPauseNamingBothATimerAndATask) {
  EXPECT_EQ(Problems(WorkflowSource("      enter = pause { timer = 't', task = 'x' },")),
            (std::vector<std::string>{
                "w.lua:7: state 'a': enter: pause: expected exactly one of 'timer' or 'task'"}));
}

// A workflow declaring `events` (spliced before `states`), with states a -> b.
std::string DeclaringSource(const std::string& events) {
  return "return workflow {\n"
         "  name = 'w', initial = 'a',\n"
         "  events = {\n" +
         events +
         "\n  },\n"
         "  states = {\n"
         "    a = { on = { go_b = { go = 'b' } } },\n"
         "    b = { final = true },\n"
         "  },\n"
         "}\n";
}

TEST(Validator, ReportsADeclaredEventNoStateAccepts) {
  EXPECT_EQ(Problems(DeclaringSource("    stray = { title = 'T', by = { 'coordinator' } },")),
            (std::vector<std::string>{
                "w.lua:4: event 'stray': declared in 'events' but no state accepts it"}));
}

TEST(Validator, AReopeningStepNeedsNoStateThatAcceptsIt) {
  auto loaded = Load(DeclaringSource(
      "    ['case.reopened'] = { title = 'T', by = { 'coordinator' }, reopens = { 'w' } },"));
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->workflow->FindEvent("case.reopened")->reopens, std::vector<std::string>{"w"});
}

}  // namespace
}  // namespace souhra

namespace souhra {
namespace {

// Working out case.today and case.dates once cost a sixth of the writer's instructions on every
// script call (callgrind, bench --cases 3000); only a workflow that names them pays for them.
TEST(DefinitionLoader, OnlyAWorkflowThatNamesTodayOrDatesGetsThem) {
  Result<LoadedDefinition> plain = Load(WorkflowSource(""));
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  EXPECT_FALSE(plain->workflow->script_dates);
  Result<LoadedDefinition> dated = Load(WorkflowSource("      -- case.dates.grace"));
  ASSERT_TRUE(dated.ok()) << dated.status().ToString();
  EXPECT_TRUE(dated->workflow->script_dates);
}

// A reminder to actors once read "…dne , místo: ." because its notify carried no meeting.
TEST(DefinitionLoader, ATemplateWithAPlaceholderNothingFillsWhereItIsSentIsRefused) {
  std::string meeting_without =
      WorkflowSource("      enter = notify { to = 'head', template = 'hello' },");
  meeting_without.replace(meeting_without.find("body = 'B'"), 10, "body = 'Dne {when}, {place}.'");
  std::vector<std::string> problems = Problems(meeting_without);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("template 'hello' uses {when}, {place}, which a notify without "
                             "'calendar' or 'meeting' cannot fill"),
            std::string::npos)
      << problems[0];

  std::string reminder = WorkflowSource(
      "      enter = task { key = 'r', title = 'R', assignee = 'head', due = 'grace',\n"
      "                     remind = { { after = 'grace', template = 'hello' } } },");
  reminder.replace(reminder.find("body = 'B'"), 10, "body = 'Úkol {task}: {reason}'");
  problems = Problems(reminder);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(
      problems[0].find("rung 1: template 'hello' uses {reason}, which a reminder cannot fill"),
      std::string::npos)
      << problems[0];
}

// Nothing a script sets reaches an invitation: its place and link come from `place` and `link`
// form fields, so a calendar in a workflow whose steps ask for neither can only be a mistake.
TEST(DefinitionLoader, ACalendarWithoutAPlaceOrLinkFieldIsRefused) {
  std::vector<std::string> problems = Problems(WorkflowSource(
      "      enter = notify { to = 'actor:a', template = 'hello', calendar = 'x' },"));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("calendar: a meeting's place and link come only from form "
                             "fields of type 'place' and 'link'"),
            std::string::npos)
      << problems[0];
}

TEST(DefinitionLoader, TheMeetingRecordBelongsToTheEngine) {
  std::string source = WorkflowSource("");
  source.replace(source.find("owns = { 'x' }"), 14, "owns = { 'x', 'meeting_record' }");
  std::vector<std::string> problems = Problems(source);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("'meeting_record' is kept by the engine"), std::string::npos)
      << problems[0];
}

}  // namespace
}  // namespace souhra
