#include "adapters/simulation/scenario_simulation.h"

#include <gtest/gtest.h>

#include "tests/fakes/engine_fixture.h"

namespace souhra {
namespace {

constexpr char kIntake[] = R"lua(
return workflow {
  name = "intake",
  initial = "new",
  states = {
    new = { title = "Nový",
            on = { next = { go = "open", run = { start { workflow = "follow_up" } } } } },
    open = { title = "Otevřený", final = true },
  },
}
)lua";

constexpr char kFollowUp[] = R"lua(
return workflow {
  name = "follow_up",
  initial = "waiting",
  states = { waiting = { title = "Čeká" } },
}
)lua";

std::string Scenario(const std::string& expected_state) {
  return "scenario { name = \"příjem\", tenant = \"demo\", start = \"2026-04-02T10:00:00+02:00\",\n"
         "  definitions = { \"workflows/follow_up.lua\", \"workflows/intake.lua\" } }\n"
         "case { code = \"K-1\", workflow = \"intake\" }\n"
         "send { \"next\" }\n"
         "expect { state = \"" +
         expected_state + "\" }\n";
}

class SimulateDraftTest : public testing::EngineFixture {
 protected:
  SimulateDraftTest() : EngineFixture(FromMillis(1775116800000)) {}
};

TEST_F(SimulateDraftTest, RunsScenariosOnADraftWithTheTenantsActiveDefinitions) {
  Install("workflows/follow_up.lua", kFollowUp);
  Result<DefinitionChange> draft =
      engine_->SaveDraft("demo", "workflows/intake.lua", kIntake, "user:m");
  ASSERT_TRUE(draft.ok()) << draft.status().ToString();
  std::string version = draft->version;

  Result<std::vector<ScenarioRun>> runs =
      SimulateDraft(*store_, "demo", "intake", version.substr(0, 10),
                    {{"ok.lua", Scenario("open")}, {"wrong.lua", Scenario("new")}});
  ASSERT_TRUE(runs.ok()) << runs.status().ToString();
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_TRUE((*runs)[0].passed()) << (*runs)[0].FailureMessage();
  EXPECT_FALSE((*runs)[0].timeline.empty());
  EXPECT_FALSE((*runs)[1].passed());
  EXPECT_NE((*runs)[1].FailureMessage().find("wrong.lua:5:"), std::string::npos)
      << (*runs)[1].FailureMessage();
  // Simulating installed nothing into the tenant.
  EXPECT_FALSE(store_->GetActiveDefinition("demo", "intake")->has_value());
}

TEST_F(SimulateDraftTest, ADefinitionTheTenantLacksOrAMissingVersionIsAnError) {
  Result<DefinitionChange> draft =
      engine_->SaveDraft("demo", "workflows/intake.lua", kIntake, "user:m");
  ASSERT_TRUE(draft.ok()) << draft.status().ToString();
  Result<std::vector<ScenarioRun>> runs =
      SimulateDraft(*store_, "demo", "intake", draft->version, {{"s.lua", Scenario("open")}});
  EXPECT_EQ(runs.status().code(), StatusCode::kNotFound);
  EXPECT_NE(runs.status().message().find("workflows/follow_up.lua"), std::string::npos)
      << runs.status().message();
  EXPECT_EQ(SimulateDraft(*store_, "demo", "intake", "ffff", {}).status().code(),
            StatusCode::kNotFound);
}

TEST(SimulateScenarioTest, ARunOverItsTimeBudgetFailsAtTheStepItReached) {
  DefinitionSourceReader read = [](const std::string& path) -> Result<std::string> {
    return std::string(path == "workflows/intake.lua" ? kIntake : kFollowUp);
  };
  Result<ScenarioRun> unlimited = SimulateScenario("s.lua", Scenario("open"), read);
  ASSERT_TRUE(unlimited.ok()) << unlimited.status().ToString();
  EXPECT_TRUE(unlimited->passed()) << unlimited->FailureMessage();

  SimulationOptions options;
  options.time_budget = std::chrono::nanoseconds(0);
  Result<ScenarioRun> run = SimulateScenario("s.lua", Scenario("open"), read, options);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  ASSERT_FALSE(run->passed());
  EXPECT_EQ(run->FailureMessage(),
            "s.lua:3: the run took longer than its limit of 0 s: shorten the scenario or its "
            "advances of time");
}

}  // namespace
}  // namespace souhra
