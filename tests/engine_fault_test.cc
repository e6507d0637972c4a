// The engine over a SQLite store whose file system fails (tests/fakes/faulty_vfs.h): a request
// that meets a storage failure is refused with kUnavailable naming it, none of its rows remain,
// and once the failure is gone the engine applies new events again. Database contents are
// compared table by table with what a fault-free run leaves.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <future>
#include <memory>
#include <string>
#include <vector>

#include "adapters/sqlite/sqlite_store.h"
#include "engine/runtime/engine.h"
#include "engine/time/working_calendar.h"
#include "tests/crash_scenario.h"
#include "tests/fakes/fake_clock.h"
#include "tests/fakes/faulty_vfs.h"
#include "tests/fakes/table_rows.h"
#include "tests/fakes/temp_dir.h"

namespace souhra {
namespace {

namespace fault = souhra::testing;
using Tables = std::map<std::string, fault::Rows>;

const Instant kStart = FromMillis(1775116800000);  // Thursday 2 April 2026, 10:00 in Prague

// A database with the crash scenario's workflow installed, served by an engine.
class Deployment {
 public:
  explicit Deployment(const std::string& path) : path_(path) {
    SqliteOptions options;
    options.path = path;
    options.vfs = fault::RegisterFaultyVfs();
    options.busy_timeout_ms = 0;  // an injected busy lock fails at once instead of waiting
    Result<std::unique_ptr<WorkingCalendar>> calendar = WorkingCalendar::Create();
    Result<std::unique_ptr<Store>> store = OpenSqliteStore(options);
    EXPECT_TRUE(calendar.ok()) << calendar.status().ToString();
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    if (!calendar.ok() || !store.ok()) return;
    calendar_ = std::move(calendar).value();
    store_ = std::move(store).value();
    engine_ = std::make_unique<Engine>(*store_, clock_, *calendar_);
    Result<DefinitionChange> installed =
        engine_->Install(crash::kTenant, crash::kWorkflowFile, crash::kWorkflow);
    EXPECT_TRUE(installed.ok()) << installed.status().ToString();
  }
  ~Deployment() { fault::ClearFaults(); }

  Engine& engine() { return *engine_; }
  Tables tables() const { return fault::AllTables(path_); }

  Result<Applied> NewCase(int index) {
    return engine_->CreateCase({crash::kTenant, crash::CaseCode(index), crash::kWorkflowName});
  }
  std::future<Result<Applied>> Send(CaseId id, int index, size_t nth) {
    EventRequest request;
    request.case_id = id;
    request.type = crash::kCrashEvents[nth];
    request.idempotency_key = crash::EventKey(index, nth);
    return engine_->SubmitAsync(request);
  }

 private:
  std::string path_;
  FakeClock clock_{kStart};
  std::unique_ptr<WorkingCalendar> calendar_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Engine> engine_;  // declared last: stops before the store goes
};

// Injects a fault, sends the first event of three cases at once, and checks that each is
// refused with kUnavailable whose message contains `failure`, that no table changed, and that
// the same events apply once the fault is cleared.
void ExpectRefusedWholeThenGoesOn(void (*inject)(), const std::string& failure) {
  fault::TempDir dir;
  Deployment d(dir.File("souhra.db"));
  std::vector<CaseId> ids;
  for (int i = 0; i < 3; ++i) {
    Result<Applied> created = d.NewCase(i);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    ids.push_back(created->case_id);
  }
  const Tables before = d.tables();

  inject();
  std::vector<std::future<Result<Applied>>> replies;
  for (int i = 0; i < 3; ++i) replies.push_back(d.Send(ids[i], i, 0));
  for (auto& reply : replies) {
    Result<Applied> refused = reply.get();
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.status().code(), StatusCode::kUnavailable);
    EXPECT_NE(refused.status().message().find(failure), std::string::npos)
        << refused.status().message();
  }
  EXPECT_GT(fault::GetFaultyVfsCounters().injected, 0);
  fault::ClearFaults();
  EXPECT_EQ(d.tables(), before);

  for (int i = 0; i < 3; ++i) {
    Result<Applied> applied = d.Send(ids[i], i, 0).get();
    ASSERT_TRUE(applied.ok()) << applied.status().ToString();
    EXPECT_FALSE(applied->repeated);
  }
  EXPECT_EQ(fault::Query(dir.File("souhra.db"), "PRAGMA integrity_check"), fault::Rows{{"ok"}});
}

TEST(EngineFault, FailedCommitSyncRefusesTheBatchAndLeavesNoRows) {
  ExpectRefusedWholeThenGoesOn([] { fault::FailSync(1, SQLITE_IOERR_FSYNC); },
                               "commit failed: disk I/O error");
}

TEST(EngineFault, BusyDatabaseRefusesTheEventsAndLeavesNoRows) {
  ExpectRefusedWholeThenGoesOn([] { fault::SetBusy(true); }, "database is locked");
}

TEST(EngineFault, FullDiskRefusesTheBatchAndLeavesNoRows) {
  ExpectRefusedWholeThenGoesOn([] { fault::FailWrite(1, SQLITE_FULL); },
                               "database or disk is full");
}

// Two cases, each created and moved twice, one request at a time.
constexpr int kSteps = 6;

// Runs the scenario's steps from `first` on; returns how many succeeded before the first failure
// and records the tables after each successful step when `after_step` is given.
int RunSteps(Deployment& d, int first, std::vector<CaseId>& ids, std::vector<Tables>* after_step) {
  for (int step = first; step < kSteps; ++step) {
    const int index = step / 3;
    Result<Applied> result =
        step % 3 == 0 ? d.NewCase(index) : d.Send(ids[index], index, step % 3 - 1).get();
    if (!result.ok()) {
      EXPECT_EQ(result.status().code(), StatusCode::kUnavailable) << result.status().ToString();
      return step;
    }
    if (step % 3 == 0) ids[index] = result->case_id;
    if (after_step != nullptr) after_step->push_back(d.tables());
  }
  return kSteps;
}

// SQLite-style: the scenario with the fault at the 1st, 2nd, ... call until no fault fires.
// After each run the database equals the fault-free run's after the steps that succeeded (the
// failed one left nothing), and with the fault cleared the rest of the scenario completes to
// the same database as the fault-free run. `calls` counts the kind of call the fault hits: the
// fault must have fired at each of the fault-free run's calls, and at no later position.
void ExpectAllOrNothingAtEveryPosition(void (*arm)(int nth),
                                       int64_t fault::FaultyVfsCounters::*calls, const char* what) {
  std::vector<Tables> reference;
  int64_t scenario_calls = 0;
  {
    fault::TempDir dir;
    Deployment d(dir.File("souhra.db"));
    reference.push_back(d.tables());
    std::vector<CaseId> ids(2);
    const int64_t before = fault::GetFaultyVfsCounters().*calls;
    ASSERT_EQ(RunSteps(d, 0, ids, &reference), kSteps);
    scenario_calls = fault::GetFaultyVfsCounters().*calls - before;
  }
  // Each step commits, and each commit writes and syncs the WAL at least once.
  ASSERT_GE(scenario_calls, kSteps) << what << " calls of the fault-free run";
  int positions = 0;  // positions at which the fault fired
  for (int nth = 1;; ++nth) {
    SCOPED_TRACE(std::string("fault at ") + what + " " + std::to_string(nth));
    fault::TempDir dir;
    Deployment d(dir.File("souhra.db"));
    const int64_t injected = fault::GetFaultyVfsCounters().injected;
    arm(nth);
    std::vector<CaseId> ids(2);
    const int done = RunSteps(d, 0, ids, nullptr);
    fault::ClearFaults();
    if (fault::GetFaultyVfsCounters().injected == injected) break;  // the fault never fired
    ++positions;
    EXPECT_LT(done, kSteps) << "the fault fired but every step succeeded";
    EXPECT_EQ(d.tables(), reference[done]) << "after " << done << " steps";
    EXPECT_EQ(RunSteps(d, done, ids, nullptr), kSteps);
    EXPECT_EQ(d.tables(), reference[kSteps]);
    ASSERT_LT(nth, 1000) << "the fault kept firing";
  }
  EXPECT_EQ(positions, scenario_calls) << "positions at which the " << what << " fault fired";
}

TEST(EngineFault, WriteErrorAtEveryPositionLeavesEachEventWholeOrAbsent) {
  ExpectAllOrNothingAtEveryPosition([](int nth) { fault::FailWrite(nth, SQLITE_IOERR_WRITE); },
                                    &fault::FaultyVfsCounters::writes, "write");
}

TEST(EngineFault, SyncErrorAtEveryPositionLeavesEachEventWholeOrAbsent) {
  ExpectAllOrNothingAtEveryPosition([](int nth) { fault::FailSync(nth, SQLITE_IOERR_FSYNC); },
                                    &fault::FaultyVfsCounters::syncs, "sync");
}

}  // namespace
}  // namespace souhra
