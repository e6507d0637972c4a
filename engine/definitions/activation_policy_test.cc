#include "engine/definitions/activation_policy.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace souhra {
namespace {

LoadedDefinition Load(const std::string& source) {
  Result<LoadedDefinition> loaded =
      LoadDefinition("d.lua", source, SandboxLimits{}, ValidationContext{});
  EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
  return loaded.ok() ? *loaded : LoadedDefinition{};
}

LoadedDefinition Shipped(const std::string& relative) {
  std::ifstream in(std::string(SOUHRA_SOURCE_DIR) + "/" + relative);
  std::ostringstream text;
  text << in.rdbuf();
  Result<LoadedDefinition> loaded =
      LoadDefinition(relative, text.str(), SandboxLimits{}, ValidationContext{});
  EXPECT_TRUE(loaded.ok()) << relative << ": " << loaded.status().ToString();
  return loaded.ok() ? *loaded : LoadedDefinition{};
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

TEST(ActivationPolicy, TheInformationRulesNeedTheHead) {
  EXPECT_EQ(ApproverFor(Load(Rules("information_sharing", "")), false), Approver::kHead);
  // Grounds for sharing under another name are information rules too.
  EXPECT_EQ(ApproverFor(Load(Rules("sdileni", "decide = 'any',")), false), Approver::kHead);
  EXPECT_EQ(ApproverFor(Shipped("rules/information_sharing.lua"), false), Approver::kHead);
}

TEST(ActivationPolicy, WorkflowsThatReachActorsOrOwnConsentNeedTheHead) {
  for (const std::string& source : {
           Workflow("", "notify { to = 'actor:charita', template = 't' }"),
           Workflow("", "notify { to = 'coordinator', template = 't', calendar = 'x' }"),
           Workflow("owns = { 'consent' },"),
           Workflow("owns = { 'emergency' },"),
           Workflow("notifies_actors = true,"),
       }) {
    EXPECT_EQ(ApproverFor(Load(source), false), Approver::kHead) << source;
  }
  EXPECT_EQ(ApproverFor(Shipped("workflows/case_conference.lua"), false), Approver::kHead);
  EXPECT_EQ(ApproverFor(Shipped("workflows/consent.lua"), false), Approver::kHead);
}

TEST(ActivationPolicy, OtherDefinitionsNeedASecondPersonOnlyWhenTheTenantAsks) {
  const LoadedDefinition plain =
      Load(Workflow("", "notify { to = 'coordinator', template = 't' }"));
  EXPECT_EQ(ApproverFor(plain, false), Approver::kNone);
  // Naming an actor in a form sends nothing: only a notify does (the engine holds it to that).
  const LoadedDefinition names_actor =
      Load(Workflow("events = { go = { title = 'G', by = { 'coordinator' }, form = {"
                    " { name = 'who', type = 'actor', label = 'Aktér' } } } },"));
  EXPECT_EQ(ApproverFor(names_actor, false), Approver::kNone);
  EXPECT_EQ(ApproverFor(plain, true), Approver::kSecondPerson);
  EXPECT_EQ(ApproverFor(Shipped("workflows/plan_review.lua"), false), Approver::kNone);
  EXPECT_EQ(ApproverFor(Shipped("rules/cm_eligibility.lua"), true), Approver::kSecondPerson);
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
