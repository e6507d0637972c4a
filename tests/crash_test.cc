// Kill -9 at random moments: tests/crash_child.cc applies tests/crash_scenario.h through the
// engine and a SQLite file while this test kills it with SIGKILL after a random number of
// acknowledgements, restarts it (it continues with the same idempotency keys), and after every
// run checks the database: every acknowledged case and event is there exactly once with the
// result it was acknowledged with, and every logged event has all of its effects and nothing
// else. The kill points come from a seeded PRNG; the seed is printed and SOUHRA_TEST_SEED
// replays it (tests/fakes/test_seed.h).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "adapters/sqlite/sqlite_store.h"
#include "engine/event_outcome.h"
#include "tests/crash_scenario.h"
#include "tests/fakes/build_paths.h"
#include "tests/fakes/child_process.h"
#include "tests/fakes/table_rows.h"
#include "tests/fakes/temp_dir.h"
#include "tests/fakes/test_seed.h"

namespace souhra::crash {
namespace {

using souhra::testing::ChildProcess;
using souhra::testing::Query;
using souhra::testing::Rows;

constexpr int kCases = 100;
constexpr int kThreads = 6;
constexpr int kKilledRounds = 12;
constexpr int kLinesPerRun = kCases * kLinesPerCase;
// Only against a hung child: a run takes well under a second.
constexpr std::chrono::seconds kRunLimit(15);

class CrashTest : public ::testing::Test {
 protected:
  // Runs the child once; with kill_after > 0, kills it after that many lines. Returns how many
  // lines it printed, -1 if it hung.
  int RunChild(int kill_after, int* wait_status) {
    ChildProcess child(
        {testing::CrashChildBinary(), db_, std::to_string(kCases), std::to_string(kThreads)});
    EXPECT_TRUE(child.running());
    const auto deadline = std::chrono::steady_clock::now() + kRunLimit;
    int lines = 0;
    while (std::optional<std::string> line = child.ReadLine(deadline)) {
      Record(*line);
      if (++lines == kill_after) child.Kill();
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      child.Kill();
      lines = -1;
    }
    *wait_status = child.Wait();
    return lines;
  }

  // Keeps what an acknowledgement says; a repeat must say what the first one said.
  void Record(const std::string& line) {
    std::istringstream in(line);
    std::string kind, name;
    CaseId id = 0;
    int64_t seq = 0;
    in >> kind >> name >> id;
    if (kind == "case") {
      EXPECT_EQ(cases_.emplace(name, id).first->second, id) << "case " << name << " has two ids";
      return;
    }
    in.clear();
    in.str(line);
    in >> kind >> id >> name >> seq;
    ASSERT_EQ(kind, "ack") << line;
    EXPECT_EQ(events_.emplace(name, seq).first->second, seq)
        << "event " << name << " acknowledged with two results";
  }

  void CheckDatabase(bool complete);

  souhra::testing::TempDir dir_;
  std::string db_ = dir_.File("crash.db");
  std::map<std::string, CaseId> cases_;    // acknowledged cases by code
  std::map<std::string, int64_t> events_;  // acknowledged events: seq by key
};

int CaseIndex(const std::string& code) { return std::stoi(code.substr(2)); }

// One case against its event log: the log holds a prefix of the scenario, each event moved the
// instance once, and the instance, its tasks, timers and notifications are exactly what those
// events left. With `complete`, the whole scenario must be there.
void CheckCase(Store& store, const std::string& code, CaseId id, bool complete) {
  SCOPED_TRACE("case " + code + " (id " + std::to_string(id) + ")");
  std::vector<EventRecord> events = *store.ListEvents(id);
  std::vector<InstanceRecord> instances = *store.ListInstances(id);
  ASSERT_EQ(instances.size(), 1u);
  const InstanceRecord& instance = instances[0];
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].type, "case.created");
  int into_open = 0, advances = 0;
  InstanceTransition last;
  for (size_t n = 0; n < events.size(); ++n) {
    if (n > 0) {
      EXPECT_EQ(events[n].idempotency_key, EventKey(CaseIndex(code), n - 1));
      EXPECT_EQ(events[n].type, kCrashEvents[n - 1]);
      advances += events[n].type == "advance";
    }
    const std::vector<InstanceTransition> transitions =
        events[n].outcome.get<EventOutcome>().transitions;
    ASSERT_EQ(transitions.size(), 1u) << "event " << events[n].seq;
    EXPECT_EQ(transitions[0].instance, instance.id);
    last = transitions[0];
    into_open += last.to == "open";
  }
  if (complete) {
    EXPECT_EQ(events.size(), 1 + kCrashEvents.size());
  }
  EXPECT_EQ(instance.steps, static_cast<int64_t>(events.size()));
  EXPECT_EQ(instance.state, last.to);
  EXPECT_EQ(instance.active, !last.completed);

  std::vector<TaskRecord> tasks = *store.ListTasks(id);
  EXPECT_EQ(static_cast<int>(tasks.size()), into_open);
  int open_tasks = 0;
  for (const TaskRecord& task : tasks) open_tasks += task.status == TaskStatus::kOpen;
  EXPECT_EQ(open_tasks, instance.state == "open" ? 1 : 0);
  std::set<std::string> timers;
  std::vector<TimerRecord> pending = *store.ListTimers(id);  // a copy: the Result is a temporary
  for (const TimerRecord& timer : pending) timers.insert(timer.key);
  const std::map<std::string, std::set<std::string>> expected_timers = {
      {"open", {"remind", "task:check:overdue"}}, {"working", {"due"}}, {"closed", {}}};
  EXPECT_EQ(timers, expected_timers.at(instance.state));
  EXPECT_EQ(static_cast<int>(store.ListOutbox(id)->size()), advances);
}

void CrashTest::CheckDatabase(bool complete) {
  EXPECT_EQ(Query(db_, "PRAGMA integrity_check"), Rows{{"ok"}});
  EXPECT_EQ(Query(db_, "SELECT code FROM cases GROUP BY tenant, code HAVING COUNT(*) > 1"), Rows{});
  EXPECT_EQ(Query(db_,
                  "SELECT case_id FROM (SELECT case_id FROM instances UNION ALL"
                  " SELECT case_id FROM tasks UNION ALL SELECT case_id FROM timers UNION ALL"
                  " SELECT case_id FROM outbox UNION ALL SELECT case_id FROM events)"
                  " WHERE case_id NOT IN (SELECT id FROM cases)"),
            Rows{})
      << "rows of a case that does not exist";
  Rows cases = Query(db_, "SELECT code, id FROM cases ORDER BY id");
  if (complete) {
    EXPECT_EQ(static_cast<int>(cases.size()), kCases);
  }
  std::map<std::string, int64_t> logged;  // seq by key
  for (const std::vector<std::string>& row :
       Query(db_, "SELECT idempotency_key, seq FROM events WHERE type <> 'case.created'")) {
    if (!row[0].empty()) {
      EXPECT_TRUE(logged.emplace(row[0], std::stoll(row[1])).second) << row[0];
    }
  }
  for (const auto& [key, seq] : events_) {
    auto found = logged.find(key);
    if (found == logged.end()) {
      ADD_FAILURE() << "acknowledged event " << key << " (seq " << seq << ") is not in the log";
      continue;
    }
    EXPECT_EQ(found->second, seq) << "acknowledged event " << key << " is logged with another seq";
  }
  std::map<std::string, CaseId> stored;
  for (const std::vector<std::string>& row : cases) stored[row[0]] = std::stoll(row[1]);
  for (const auto& [code, id] : cases_) EXPECT_EQ(stored[code], id) << "acknowledged case " << code;

  SqliteOptions options;
  options.path = db_;
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(options);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  for (const auto& [code, id] : stored) CheckCase(**store, code, id, complete);
}

TEST_F(CrashTest, AcknowledgedEventsSurviveKillNineExactlyOnceAndWhole) {
  const uint64_t seed = testing::TestSeed(testing::FreshSeed());
  std::mt19937_64 random(seed);
  for (int round = 1; round <= kKilledRounds; ++round) {
    const int kill_after = std::uniform_int_distribution<int>(1, kLinesPerRun - 1)(random);
    SCOPED_TRACE("round " + std::to_string(round) + ", killed after " + std::to_string(kill_after) +
                 " lines, seed " + std::to_string(seed));
    int status = 0;
    ASSERT_GE(RunChild(kill_after, &status), kill_after) << "the child stopped early or hung";
    ASSERT_TRUE(WIFSIGNALED(status)) << "wait status " << status;
    EXPECT_EQ(WTERMSIG(status), SIGKILL);
    CheckDatabase(/*complete=*/false);
  }
  SCOPED_TRACE("final run, seed " + std::to_string(seed));
  int status = 0;
  EXPECT_EQ(RunChild(/*kill_after=*/0, &status), kLinesPerRun);
  ASSERT_TRUE(WIFEXITED(status)) << "wait status " << status;
  EXPECT_EQ(WEXITSTATUS(status), 0);
  CheckDatabase(/*complete=*/true);
  EXPECT_EQ(static_cast<int>(events_.size()), kCases * static_cast<int>(kCrashEvents.size()));
}

}  // namespace
}  // namespace souhra::crash
