// Kill -9 while timers fire: tests/timer_crash_child.cc fires due timers in small batches while
// this test kills it after a random number of batches and starts it again. In the end every
// timer has fired exactly once: one event-log row, one notification and one transition per case,
// and no timer left pending. The kill points come from a seeded PRNG (SOUHRA_TEST_SEED replays).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <string>

#include "tests/fakes/build_paths.h"
#include "tests/fakes/child_process.h"
#include "tests/fakes/table_rows.h"
#include "tests/fakes/temp_dir.h"
#include "tests/fakes/test_seed.h"

namespace souhra {
namespace {

using souhra::testing::ChildProcess;
using souhra::testing::Query;
using souhra::testing::Rows;

constexpr int kCases = 300;
constexpr int kKilledRounds = 8;
constexpr std::chrono::seconds kRunLimit(60);  // only against a hung child

// Runs the child; with kill_after > 0, kills it after that many "fired" lines. Returns whether
// it ran to its end by itself.
bool RunChild(const std::string& db, int kill_after) {
  ChildProcess child({testing::TimerCrashChildBinary(), db, std::to_string(kCases)});
  EXPECT_TRUE(child.running());
  const auto deadline = std::chrono::steady_clock::now() + kRunLimit;
  int fired_lines = 0;
  while (std::optional<std::string> line = child.ReadLine(deadline)) {
    if (line->rfind("fired", 0) == 0 && ++fired_lines == kill_after) child.Kill();
  }
  const int status = child.Wait();
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

TEST(TimerCrashTest, EveryTimerFiresExactlyOnceAcrossKills) {
  testing::TempDir dir;
  const std::string db = dir.File("timers.db");
  const uint64_t seed = testing::TestSeed(testing::FreshSeed());
  std::mt19937_64 random(seed);
  for (int round = 0; round < kKilledRounds; ++round) {
    RunChild(db, std::uniform_int_distribution<int>(1, 6)(random));
  }
  ASSERT_TRUE(RunChild(db, 0)) << "the final run did not finish, seed " << seed;

  EXPECT_EQ(Query(db, "PRAGMA integrity_check"), Rows{{"ok"}});
  EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM cases"), Rows{{std::to_string(kCases)}});
  EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM timers"), Rows{{"0"}});
  EXPECT_EQ(Query(db,
                  "SELECT case_id FROM events WHERE type = 'timer.ring'"
                  " GROUP BY case_id HAVING COUNT(*) <> 1"),
            Rows{})
      << "a timer fired twice, seed " << seed;
  EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM events WHERE type = 'timer.ring'"),
            Rows{{std::to_string(kCases)}});
  EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM outbox"), Rows{{std::to_string(kCases)}});
  EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM instances WHERE state = 'rung' AND active = 0"),
            Rows{{std::to_string(kCases)}});
  EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM events WHERE type = 'timer.ring' AND due IS NULL"),
            Rows{{"0"}})
      << "each firing keeps when it was due";
}

}  // namespace
}  // namespace souhra
