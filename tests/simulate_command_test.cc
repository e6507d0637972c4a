// Runs `souhra simulate` as a methodologist would: a passing scenario, one failing on purpose.
#include <gtest/gtest.h>

#include <string>

#include "tests/fakes/build_paths.h"
#include "tests/fakes/run_souhra.h"

namespace souhra {
namespace {

using testing::RunSouhra;

std::string Path(const std::string& relative) { return testing::SourceDir() + "/" + relative; }

TEST(SimulateCommand, PrintsTheTimelineInCzechAndSucceeds) {
  auto result = RunSouhra("simulate " + Path("tests/scenarios/plan_review_escalation.lua"));
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("čt 2. 4. 2026 10:00  případ K-2026-0002 založen: plan_review → "
                               "waiting\n"),
            std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("út 7. 7. 2026 10:00  oznámení head: plan_review_escalated\n"),
            std::string::npos)
      << result.output;
}

TEST(SimulateCommand, AFailingExpectationExitsWithOneNamingItsLine) {
  const std::string file = Path("tests/data/failing_scenario.lua");
  auto result = RunSouhra("simulate " + file);
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find(file + ":11: expected state 'escalated', found 'waiting'\n"),
            std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("CHYBA: expected state 'escalated', found 'waiting'"),
            std::string::npos)
      << result.output;
  EXPECT_EQ(result.output.find("OK: stav waiting"), std::string::npos) << result.output;
}

TEST(SimulateCommand, UsageAndLoadErrorsExitWithTwo) {
  EXPECT_EQ(RunSouhra("simulate").exit_code, 2);
  EXPECT_EQ(RunSouhra("simulate no/such/scenario.lua").exit_code, 2);
  EXPECT_EQ(RunSouhra("simulate --root /nonexistent " + Path("tests/data/failing_scenario.lua"))
                .exit_code,
            2);
}

}  // namespace
}  // namespace souhra
