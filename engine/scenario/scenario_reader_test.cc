#include "engine/scenario/scenario_reader.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

constexpr char kHeader[] =
    "scenario { name = \"s\", start = \"2026-04-02T10:00:00+02:00\",\n"
    "           definitions = { \"workflows/plan_review.lua\" } }\n";

Result<Scenario> Read(const std::string& steps) {
  return ReadScenario("s.lua", kHeader + steps, SandboxLimits{});
}

TEST(ScenarioReader, ReadsTheHeaderAndEveryStepWithItsLine) {
  auto scenario = Read(
      "case { code = \"K-1\", workflow = \"plan_review\" }\n"
      "send { \"task.review.done\", payload = { note = \"ok\" } }\n"
      "advance \"6 working days\"\n"
      "expect { state = \"escalated\", case = \"K-1\" }\n");
  ASSERT_TRUE(scenario.ok()) << scenario.status().ToString();
  EXPECT_EQ(scenario->name, "s");
  EXPECT_EQ(scenario->tenant, "demo");
  EXPECT_EQ(FormatUtc(scenario->start), "2026-04-02T08:00:00.000Z");
  EXPECT_EQ(scenario->definitions, std::vector<std::string>{"workflows/plan_review.lua"});
  ASSERT_EQ(scenario->steps.size(), 4u);
  EXPECT_EQ(scenario->steps[0].line, 3);
  EXPECT_EQ(std::get<CaseStep>(scenario->steps[0].action).code, "K-1");
  const auto& send = std::get<SendStep>(scenario->steps[1].action);
  EXPECT_EQ(send.type, "task.review.done");
  EXPECT_EQ(send.payload, Json({{"note", "ok"}}));
  EXPECT_EQ(std::get<AdvanceStep>(scenario->steps[2].action).duration.working_days, 6);
  EXPECT_EQ(scenario->steps[3].line, 6);
  EXPECT_EQ(scenario->steps[3].case_code, "K-1");
  const auto& expectation = std::get<Expectation>(scenario->steps[3].action);
  EXPECT_EQ(std::get<ExpectState>(expectation).state, "escalated");
}

TEST(ScenarioReader, ReadsWhoEachStepActsAs) {
  auto scenario = Read(
      "case { code = \"K-1\", workflow = \"plan_review\", as = \"case_manager\" }\n"
      "send { \"x\", actor = \"user:benes\", roles = { \"case_manager\", \"head\" } }\n"
      "send { \"y\" }\n");
  ASSERT_TRUE(scenario.ok()) << scenario.status().ToString();
  EXPECT_EQ(std::get<CaseStep>(scenario->steps[0].action).by.as, "case_manager");
  const ScenarioActor& benes = std::get<SendStep>(scenario->steps[1].action).by;
  EXPECT_EQ(benes.actor, "user:benes");
  EXPECT_EQ(benes.roles, (std::vector<std::string>{"case_manager", "head"}));
  const ScenarioActor& system = std::get<SendStep>(scenario->steps[2].action).by;
  EXPECT_TRUE(system.as.empty() && system.actor.empty());
}

TEST(ScenarioReader, ReadsTheDirectoryActorsAndWhetherAMessageWasShared) {
  auto scenario = ReadScenario(
      "s.lua",
      "scenario { name = \"s\", start = \"2026-04-02T10:00:00+02:00\",\n"
      "           definitions = { \"w.lua\" },\n"
      "           actors = { charita = { kind = \"social_services\", name = \"Charita\" } } }\n"
      "expect { notification = { to = \"actor:charita\", shared = false }, count = 1 }\n",
      SandboxLimits{});
  ASSERT_TRUE(scenario.ok()) << scenario.status().ToString();
  ASSERT_EQ(scenario->actors.size(), 1u);
  EXPECT_EQ(scenario->actors.at("charita").kind, "social_services");
  EXPECT_EQ(scenario->actors.at("charita").name, "Charita");
  const auto& note = std::get<ExpectNotification>(std::get<Expectation>(scenario->steps[0].action));
  EXPECT_EQ(note.shared, std::optional<bool>(false));
}

TEST(ScenarioReader, ReportsAnActorWithoutAKind) {
  auto scenario = ReadScenario("s.lua",
                               "scenario { name = \"s\", start = \"2026-04-02T10:00:00+02:00\",\n"
                               "           definitions = { \"w.lua\" },\n"
                               "           actors = { charita = { name = \"Charita\" } } }\n",
                               SandboxLimits{});
  ASSERT_EQ(scenario.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(scenario.status().message().find("kind"), std::string::npos)
      << scenario.status().message();
}

TEST(ScenarioReader, ReportsUnknownRolesOfAnActor) {
  auto scenario = Read("send { \"x\", actor = \"user:benes\", roles = { \"case_manger\" } }\n");
  ASSERT_EQ(scenario.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(scenario.status().message().find(
                "s.lua:3: send: unknown role 'case_manger' (did you mean 'case_manager'?)"),
            std::string::npos)
      << scenario.status().message();
}

TEST(ScenarioReader, ReportsEveryProblemWithItsLine) {
  auto scenario = Read(
      "expect { stat = \"waiting\" }\n"
      "expect { task = \"review\", opne = true }\n"
      "advance \"6 workdays\"\n"
      "send { payload = {} }\n");
  ASSERT_EQ(scenario.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(scenario.status().message(),
            "s.lua:3: expect: expect needs exactly one of state, task, notification, decision, "
            "refused, data\n"
            "s.lua:4: expect: unknown key 'opne' (did you mean 'open'?)\n"
            "s.lua:5: advance: bad duration '6 workdays' (expected e.g. \"3 working days\", "
            "\"24 hours\" or \"P3D\")\n"
            "s.lua:6: send: send needs an event type: send { \"task.review.done\" }");
}

TEST(ScenarioReader, NeedsTheScenarioHeaderFirst) {
  auto scenario = ReadScenario("s.lua", "advance \"1 day\"\n", SandboxLimits{});
  EXPECT_EQ(scenario.status().message(),
            "s.lua:1: advance: the file must start with scenario { name = …, start = …, "
            "definitions = … }");
}

TEST(ScenarioReader, RunsInTheSandbox) {
  auto scenario = Read("io.open(\"/etc/passwd\")\n");
  EXPECT_EQ(scenario.status().code(), StatusCode::kScriptError);
  EXPECT_EQ(scenario.status().message(), "s.lua:3: unknown global 'io'");
}

}  // namespace
}  // namespace souhra
