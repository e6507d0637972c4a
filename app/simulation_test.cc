#include "app/simulation.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "app/text_file.h"
#include "tests/fakes/build_paths.h"

namespace souhra {
namespace {

// Definitions from memory, as the web editor will pass a tenant's drafts.
DefinitionSourceReader InMemory(std::map<std::string, std::string> files) {
  return [files](const std::string& path) -> Result<std::string> {
    auto it = files.find(path);
    if (it == files.end()) return NotFound("no file " + path);
    return it->second;
  };
}

constexpr char kTimers[] = R"(return workflow {
  name = "timers",
  templates = { note = { title = "t", body = "b" } },
  initial = "running",
  states = {
    running = {
      enter = { timer { key = "late", after = "3 days" }, timer { key = "early", after = "1 day" } },
      on = {
        ["timer.early"] = { run = timer { key = "chained", after = "1 hours" } },
        ["timer.chained"] = { run = notify { to = "coordinator", template = "note" } },
        ["timer.late"] = { go = "done" },
      },
    },
    done = { final = true },
  },
})";

std::string Header() {
  return "scenario { name = \"t\", start = \"2026-04-02T10:00:00+02:00\",\n"
         "           definitions = { \"timers.lua\" } }\n"
         "case { code = \"K-1\", workflow = \"timers\" }\n";
}

Result<ScenarioRun> Simulate(const std::string& steps) {
  return SimulateScenario("t.lua", Header() + steps, InMemory({{"timers.lua", kTimers}}));
}

// The entries of `run` whose text starts with `prefix`, as "UTC time text".
std::vector<std::string> Entries(const ScenarioRun& run, const std::string& prefix) {
  std::vector<std::string> found;
  for (const TimelineEntry& e : run.timeline) {
    if (e.text.starts_with(prefix)) found.push_back(FormatUtc(e.at) + " " + e.text);
  }
  return found;
}

TEST(Simulation, AdvanceFiresTimersInDueOrderEachAtItsOwnTime) {
  auto run = Simulate("advance \"1 week\"\nexpect { state = \"done\" }\n");
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_TRUE(run->passed()) << run->FailureMessage();
  EXPECT_EQ(Entries(*run, "časovač"),
            (std::vector<std::string>{
                "2026-04-02T08:00:00.000Z časovač early nastaven na pá 3. 4. 2026 10:00",
                "2026-04-02T08:00:00.000Z časovač late nastaven na ne 5. 4. 2026 10:00",
                "2026-04-03T08:00:00.000Z časovač early: timers running → running",
                "2026-04-03T08:00:00.000Z časovač chained nastaven na pá 3. 4. 2026 11:00",
                "2026-04-03T09:00:00.000Z časovač chained: timers running → running",
                "2026-04-05T08:00:00.000Z časovač late: timers running → done",
            }));
  EXPECT_EQ(Entries(*run, "oznámení"),
            std::vector<std::string>{"2026-04-03T09:00:00.000Z oznámení coordinator: note"});
}

TEST(Simulation, AdvanceStopsAtItsTargetAndLeavesLaterTimersPending) {
  auto run = Simulate("advance \"1 day\"\nexpect { state = \"running\" }\n");
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_TRUE(run->passed()) << run->FailureMessage();
  EXPECT_EQ(Entries(*run, "časovač chained:"), std::vector<std::string>{});
  EXPECT_EQ(run->timeline.back().when, "pá 3. 4. 2026 10:00");
}

TEST(Simulation, AFailedExpectationStopsTheRunAtItsLine) {
  auto run = Simulate("expect { state = \"done\" }\nadvance \"1 week\"\n");
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_FALSE(run->passed());
  EXPECT_EQ(run->FailureMessage(), "t.lua:4: expected state 'done', found 'running'");
  EXPECT_EQ(run->timeline.back().text, "CHYBA: expected state 'done', found 'running'");
  EXPECT_TRUE(Entries(*run, "posun času").empty());
}

TEST(Simulation, AnUnexpectedRefusalFailsAtTheSend) {
  auto run = Simulate("send { \"case.closed\" }\nadvance \"1 day\"\n");
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_TRUE(run->FailureMessage().starts_with("t.lua:4: event 'case.closed' was refused: "))
      << run->FailureMessage();
}

TEST(Simulation, AnExpectedRefusalPasses) {
  auto run = Simulate("send { \"case.closed\" }\nexpect { refused = true }\n");
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_TRUE(run->passed()) << run->FailureMessage();
}

TEST(Simulation, ADefinitionThatDoesNotInstallIsAnError) {
  auto run = SimulateScenario("t.lua", Header(), InMemory({{"timers.lua", "return 1"}}));
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), StatusCode::kInvalidArgument) << run.status().ToString();
  EXPECT_NE(run.status().message().find(
                "timers.lua:1: the file must return workflow { ... } or rules { ... }"),
            std::string::npos)
      << run.status().message();
}

constexpr char kInvite[] = R"(return workflow {
  name = "invite",
  templates = { invitation = { title = "Pozvánka {case}", body = "Zveme vás." } },
  initial = "open",
  states = {
    open = { on = { invite = { run = notify { to = "actor:charita", template = "invitation",
                                             purpose = "conference" } } } },
  },
})";

// A scenario that sends Charita an invitation; `definitions` and `actors` as given.
Result<ScenarioRun> Invite(const std::string& definitions, const std::string& actors,
                           const std::string& expectations = "") {
  const std::string source =
      "scenario { name = \"t\", start = \"2026-04-02T10:00:00+02:00\",\n"
      "           definitions = { " +
      definitions + " },\n           actors = { " + actors +
      " } }\n"
      "case { code = \"K-1\", workflow = \"invite\" }\n"
      "send { \"invite\" }\n" +
      expectations;
  DefinitionSourceReader files = FilesUnder(testing::SourceDir());
  return SimulateScenario("t.lua", source, [files](const std::string& path) {
    return path == "invite.lua" ? Result<std::string>(std::string(kInvite)) : files(path);
  });
}

constexpr char kCharita[] = "charita = { kind = \"social_services\", name = \"Charita\" }";

TEST(Simulation, AMessageToAnActorFailsTheRunWithoutTheInformationRules) {
  auto run = Invite("\"invite.lua\"", kCharita);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_FALSE(run->passed());
  EXPECT_NE(run->FailureMessage().find("t.lua:5: a message to 'actor:charita', but the scenario "
                                       "installs no information rules"),
            std::string::npos)
      << run->FailureMessage();
}

TEST(Simulation, AMessageToAnActorTheScenarioDoesNotDeclareFailsTheRun) {
  auto run = Invite("\"rules/information_sharing.lua\", \"invite.lua\"", "");
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_NE(run->FailureMessage().find("an actor the scenario does not declare"), std::string::npos)
      << run->FailureMessage();
}

TEST(Simulation, TheInformationRulesDecideWhatGoesToAnActorAndTheTimelineSaysWhy) {
  auto run = Invite("\"rules/information_sharing.lua\", \"invite.lua\"", kCharita,
                    "expect { notification = { to = \"actor:charita\", shared = false }, "
                    "count = 1 }\n");
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_TRUE(run->passed()) << run->FailureMessage();
  const std::vector<std::string> refused = Entries(*run, "sdílení odmítnuto");
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_NE(refused[0].find("Klient nedal souhlas"), std::string::npos) << refused[0];
}

TEST(ScenarioFiles, EveryScenarioInTestsScenariosPasses) {
  const std::filesystem::path dir = std::filesystem::path(testing::SourceDir()) / "tests/scenarios";
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".lua") continue;
    ++count;
    const std::string file = "tests/scenarios/" + entry.path().filename().string();
    SCOPED_TRACE(file);
    auto source = ReadTextFile(entry.path().string());
    ASSERT_TRUE(source.ok()) << source.status().ToString();
    auto run = SimulateScenario(file, *source, FilesUnder(testing::SourceDir()));
    ASSERT_TRUE(run.ok()) << run.status().ToString();
    EXPECT_TRUE(run->passed()) << run->FailureMessage();
  }
  EXPECT_GE(count, 3);
}

}  // namespace
}  // namespace souhra
