#include "engine/definitions/lua_script_host.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

const Json kCase = Json::parse(
    R"({"id":1,"code":"K-1","tenant":"demo","state":"a","data":{"urgent":true,"age":70}})");
const Json kEvent = Json::parse(R"({"type":"go","payload":{"n":2},"at":"2026-01-05T08:00:00Z"})");

std::shared_ptr<const Workflow> LoadWorkflow(const std::string& transition) {
  std::string source =
      "return workflow {\n"
      "  name = 'w', initial = 'a',\n"
      "  templates = { hello = { title = 'T', body = 'B' } },\n"
      "  states = {\n"
      "    a = { on = { go = " +
      transition +
      " } },\n"
      "    b = { final = true },\n"
      "  },\n"
      "}\n";
  SandboxLimits limits;
  limits.instructions = 10'000;
  auto loaded = LoadDefinition("w.lua", source, limits, {});
  EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
  return loaded.ok() ? loaded->workflow : nullptr;
}

const Transition& Go(const Workflow& w) { return w.FindState("a")->on.at("go").front(); }

TEST(LuaScriptHost, GuardSeesCaseAndEvent) {
  auto w = LoadWorkflow(
      "{ go = 'b', when = function(case, event)\n"
      "  return case.data.urgent and event.payload.n == 2 end }");
  auto passed = w->scripts->Guard(Go(*w).when, kCase, kEvent);
  ASSERT_TRUE(passed.ok()) << passed.status().ToString();
  EXPECT_TRUE(*passed);
  Json calm = kCase;
  calm["data"]["urgent"] = false;
  EXPECT_FALSE(*w->scripts->Guard(Go(*w).when, calm, kEvent));
}

TEST(LuaScriptHost, ActionReturnsEffects) {
  auto w = LoadWorkflow(
      "{ go = 'b', run = function(case, event)\n"
      "  return { set { ['data.seen'] = case.code },\n"
      "           notify { to = 'coordinator', template = 'hello' } } end }");
  ASSERT_EQ(Go(*w).run.size(), 1u);
  EXPECT_EQ(Go(*w).run[0].kind, EffectKind::kRun);
  auto effects = w->scripts->Action(Go(*w).run[0].function, kCase, kEvent);
  ASSERT_TRUE(effects.ok()) << effects.status().ToString();
  ASSERT_EQ(effects->size(), 2u);
  EXPECT_EQ((*effects)[0].kind, EffectKind::kSet);
  EXPECT_EQ((*effects)[0].args, Json::parse(R"({"data.seen":"K-1"})"));
  EXPECT_EQ((*effects)[1].kind, EffectKind::kNotify);
  EXPECT_EQ((*effects)[1].pos.ToString(), "w.lua:7");
}

TEST(LuaScriptHost, ActionReturningNilHasNoEffects) {
  auto w = LoadWorkflow("{ go = 'b', run = function() end }");
  auto effects = w->scripts->Action(Go(*w).run[0].function, kCase, kEvent);
  ASSERT_TRUE(effects.ok());
  EXPECT_TRUE(effects->empty());
}

TEST(LuaScriptHost, ActionEffectsAreChecked) {
  auto w = LoadWorkflow(
      "{ go = 'b', run = function()\n  return notify { to = 'nobody', template = 'hello' }"
      " end }");
  auto effects = w->scripts->Action(Go(*w).run[0].function, kCase, kEvent);
  EXPECT_EQ(effects.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(effects.status().message(), "w.lua:6: action: notify: unknown role 'nobody'");
}

TEST(LuaScriptHost, GuardOverBudgetNamesFileAndLine) {
  auto w = LoadWorkflow("{ go = 'b', when = function()\n  while true do end end }");
  auto passed = w->scripts->Guard(Go(*w).when, kCase, kEvent);
  EXPECT_EQ(passed.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(passed.status().message(), "w.lua:6: instruction budget of 10000 exceeded");
}

TEST(LuaScriptHost, CheckReturnsExplanation) {
  auto loaded = LoadDefinition(
      "r.lua",
      "return rules { name = 'r', criteria = { criterion { id = 'old',\n"
      "  check = function(case, params) return case.data.age >= params.min, 'age ' .. "
      "case.data.age end } } }",
      SandboxLimits{}, {});
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const RuleSet& rules = *loaded->rule_set;
  auto result = rules.scripts->Check(rules.criteria[0].check, kCase, Json{{"min", 55}});
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_TRUE(result->passed);
  EXPECT_EQ(result->explanation, "age 70");
}

TEST(LuaScriptHost, CheckMustReturnABoolean) {
  auto loaded = LoadDefinition("r.lua",
                               "return rules { name = 'r', criteria = { criterion { id = 'x',\n"
                               "  check = function() return 'yes' end } } }",
                               SandboxLimits{}, {});
  ASSERT_TRUE(loaded.ok());
  auto result = loaded->rule_set->scripts->Check(loaded->rule_set->criteria[0].check, kCase, {});
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(result.status().message(), "r.lua:2: check must return true or false, not a string");
}

}  // namespace
}  // namespace souhra
