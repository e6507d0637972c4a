// Runs `souhra bench timers` end to end at a tiny size and checks that its report adds up.
// No timing assertions: only counts.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/fakes/run_souhra.h"
#include "tests/fakes/temp_dir.h"

namespace souhra {
namespace {

TEST(TimerBench, TinyRunFiresEveryTimerAndReportsLag) {
  testing::TempDir dir;
  const testing::CommandOutput out = testing::RunSouhra(
      "bench timers --pending 2000 --burst 50 --rate 100 --seconds 1 --batch 16 --json --db " +
      dir.File("timers.db") + " 2>/dev/null");
  ASSERT_EQ(out.exit_code, 0) << out.output;
  const nlohmann::json report = nlohmann::json::parse(out.output);
  EXPECT_EQ(report["pending"], 2000);
  EXPECT_EQ(report["burst"]["fired"], 50);
  EXPECT_EQ(report["steady"]["timers"], 100);
  EXPECT_EQ(report["steady"]["fired"], 100);
  EXPECT_LE(report["steady"]["lag_ms"]["p50"].get<double>(),
            report["steady"]["lag_ms"]["p99"].get<double>());
  EXPECT_GT(report["mean_group_commit"].get<double>(), 0);
}

TEST(TimerBench, RefusesARateAboveOnePerMillisecond) {
  const testing::CommandOutput out = testing::RunSouhra("bench timers --rate 5000");
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_NE(out.output.find("--rate 1–1000"), std::string::npos) << out.output;
}

}  // namespace
}  // namespace souhra
