// What a workflow declares about the steps people take (events, referral, task forms) and the case
// data it owns, checked when it is loaded, with the line of each problem.
#include "engine/definitions/step_reader.h"

#include <gtest/gtest.h>

#include "engine/definitions/definition_loader.h"

namespace souhra {
namespace {

// The diagnostics of `source`, one "file:line: message" per entry; empty when it loads.
std::vector<std::string> Problems(const std::string& source) {
  std::vector<Diagnostic> diagnostics;
  Result<LoadedDefinition> loaded =
      LoadDefinition("w.lua", source, SandboxLimits{}, ValidationContext{}, &diagnostics);
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics) lines.push_back(d.ToString());
  if (lines.empty() && !loaded.ok()) lines.push_back(loaded.status().ToString());
  return lines;
}

// A workflow with `declarations` before its states; state `a` accepts `go` and `note`.
std::string Workflow(const std::string& declarations, const std::string& note_run = "nil") {
  return "return workflow {\n"
         "  name = 'w', initial = 'a',\n" +
         declarations +
         "\n  states = {\n"
         "    a = { on = { go = { go = 'b' }, note = { run = " +
         note_run +
         " } } },\n"
         "    b = { final = true },\n"
         "  },\n"
         "}\n";
}

TEST(StepDeclarations, AValidDeclarationIsRead) {
  Result<LoadedDefinition> loaded = LoadDefinition(
      "w.lua",
      Workflow(
          "  owns = { 'note' },\n"
          "  events = { go = { title = 'Dál', by = { 'coordinator', 'head' },\n"
          "                    form = { { name = 'why', type = 'text', label = 'Proč' } } } },",
          "set { ['note.text'] = 'x' }"),
      SandboxLimits{}, ValidationContext{});
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const StepDeclaration* go = loaded->workflow->FindEvent("go");
  ASSERT_NE(go, nullptr);
  EXPECT_EQ(go->title, "Dál");
  EXPECT_EQ(go->by, (std::vector<std::string>{"coordinator", "head"}));
  ASSERT_TRUE(go->form.has_value());
  EXPECT_EQ(go->form->fields.at(0).name, "why");
  EXPECT_EQ(loaded->workflow->owns, (std::set<std::string>{"note"}));
}

TEST(StepDeclarations, AnUnknownRoleIsReportedWithASuggestion) {
  EXPECT_EQ(Problems(Workflow("  events = { go = { title = 'Dál', by = { 'coordinater' } } },")),
            (std::vector<std::string>{"w.lua:3: event 'go': unknown role 'coordinater' (did you "
                                      "mean 'coordinator'?)"}));
}

TEST(StepDeclarations, AStepNeedsATitleAndWhoTakesIt) {
  EXPECT_EQ(Problems(Workflow("  events = { go = { } },")),
            (std::vector<std::string>{"w.lua:3: event 'go': missing 'by': who may take this step",
                                      "w.lua:3: event 'go': missing 'title'"}));
}

TEST(StepDeclarations, AnEventNoStateAcceptsOrTheEnginesOwnCannotBeDeclared) {
  EXPECT_EQ(Problems(Workflow("  events = { gone = { title = 'Pryč', by = { 'head' } },\n"
                              "             ['timer.x'] = { title = 'X', by = { 'head' } } },")),
            (std::vector<std::string>{
                "w.lua:3: event 'gone': declared in 'events' but no state accepts it",
                "w.lua:4: event 'timer.x': the engine's own event cannot be declared as a person's "
                "step"}));
}

TEST(StepDeclarations, ASetOnCaseDataTheWorkflowDoesNotOwnIsReportedOnItsLine) {
  EXPECT_EQ(Problems(Workflow("  owns = { 'note' },", "set { consent = 'given' }")),
            (std::vector<std::string>{
                "w.lua:5: set 'consent': the workflow does not own 'consent' (add it to 'owns' "
                "if no other workflow owns it)"}));
  EXPECT_EQ(Problems(Workflow("  owns = { 'people.head' },")),
            (std::vector<std::string>{"w.lua:3: workflow: owns names top-level fields of case "
                                      "data, not 'people.head'"}));
}

TEST(StepDeclarations, ATaskFormAndWhoMayCompleteItAreChecked) {
  EXPECT_EQ(Problems(Workflow("",
                              "task { key = 't', title = 'T', assignee = 'case_manager',\n"
                              "  done_by = { 'hed' }, form = { { name = 'x' } } }")),
            (std::vector<std::string>{
                "w.lua:6: state 'a': event 'note': run: task 't': form: field 'x': missing "
                "'label'",
                "w.lua:6: state 'a': event 'note': run: task 't': form: field 'x': missing "
                "'type'",
                "w.lua:6: state 'a': event 'note': run: task 't': unknown role 'hed' (did you "
                "mean 'head'?)"}));
}

}  // namespace
}  // namespace souhra
