#include "engine/definitions/activation_policy.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/fakes/build_paths.h"

namespace souhra {
namespace {

// Who must approve `source` (the test fails when it does not load).
Approver ApproverOf(const std::string& file, const std::string& source, bool all) {
  Result<LoadedDefinition> loaded =
      LoadDefinition(file, source, SandboxLimits{}, ValidationContext{});
  if (!loaded.ok()) {
    ADD_FAILURE() << loaded.status().ToString();
    return Approver::kNone;
  }
  return ApproverFor(*loaded, all);
}

Approver Of(const std::string& source, bool all = false) {
  return ApproverOf("d.lua", source, all);
}

Approver Shipped(const std::string& relative, bool all = false) {
  std::ifstream in(testing::SourceDir() + "/" + relative);
  std::ostringstream text;
  text << in.rdbuf();
  return ApproverOf(relative, text.str(), all);
}

// A workflow with `head` spliced into its top level and `effects` into its one step.
std::string Workflow(const std::string& head, const std::string& effects = "") {
  return "return workflow {\n  name = 'w', initial = 'a', " + head +
         "\n  templates = { t = { title = 'T', body = 'B' } },\n"
         "  states = {\n    a = { on = { go = { go = 'b', run = { " +
         effects + " } } } },\n    b = { final = true },\n  },\n}\n";
}

std::string Rules(const std::string& name, const std::string& decide) {
  return "return rules { name = '" + name + "', " + decide +
         " criteria = { criterion { id = 'c', title = 'C', check = function() return true end } } "
         "}";
}

const char kPlaceStep[] =
    "events = { go = { title = 'G', by = { 'coordinator' }, form = {"
    " { name = 'where', type = 'place', label = 'Místo' } } } },";

TEST(ActivationPolicy, TheInformationRulesNeedTheHead) {
  EXPECT_EQ(Of(Rules("information_sharing", "")), Approver::kHead);
  // Grounds for sharing under another name are information rules too.
  EXPECT_EQ(Of(Rules("sdileni", "decide = 'any',")), Approver::kHead);
  EXPECT_EQ(Shipped("rules/information_sharing.lua"), Approver::kHead);
}

TEST(ActivationPolicy, WorkflowsThatReachActorsOrOwnConsentNeedTheHead) {
  for (const std::string& source : {
           Workflow("", "notify { to = 'actor:charita', template = 't' }"),
           Workflow(kPlaceStep, "notify { to = 'coordinator', template = 't', calendar = 'x' }"),
           Workflow("owns = { 'consent' },"),
           Workflow("owns = { 'emergency' },"),
           Workflow("notifies_actors = true,"),
       }) {
    EXPECT_EQ(Of(source), Approver::kHead) << source;
  }
  EXPECT_EQ(Shipped("workflows/case_conference.lua"), Approver::kHead);
  EXPECT_EQ(Shipped("workflows/consent.lua"), Approver::kHead);
}

TEST(ActivationPolicy, OtherDefinitionsNeedASecondPersonOnlyWhenTheTenantAsks) {
  const std::string plain = Workflow("", "notify { to = 'coordinator', template = 't' }");
  EXPECT_EQ(Of(plain), Approver::kNone);
  EXPECT_EQ(Of(plain, true), Approver::kSecondPerson);
  // Naming an actor in a form sends nothing: only a notify does (the engine holds it to that).
  EXPECT_EQ(Of(Workflow("events = { go = { title = 'G', by = { 'coordinator' }, form = {"
                        " { name = 'who', type = 'actor', label = 'Aktér' } } } },")),
            Approver::kNone);
  EXPECT_EQ(Shipped("workflows/plan_review.lua"), Approver::kNone);
  EXPECT_EQ(Shipped("rules/cm_eligibility.lua", true), Approver::kSecondPerson);
}

TEST(ActivationPolicy, TheTenantSettingFailsTowardsFourEyes) {
  EXPECT_FALSE(FourEyesForAll(Json::object()));
  EXPECT_FALSE(FourEyesForAll(Json{{"four_eyes", "disclosure"}}));
  EXPECT_TRUE(FourEyesForAll(Json{{"four_eyes", "all"}}));
  EXPECT_TRUE(FourEyesForAll(Json{{"four_eyes", "al"}}));
  EXPECT_TRUE(FourEyesForAll(Json{{"four_eyes", true}}));
}

}  // namespace
}  // namespace souhra
