// The process tests/crash_test.cc kills: applies tests/crash_scenario.h to a SQLite database
// through the real engine, from several submitter threads, and reports what was acknowledged.
//
//   souhra_crash_child <database> <cases> <threads>
//
// Prints "case <code> <case_id>" once a case exists and "ack <case_id> <key> <seq>" once an
// event's future returned OK (a repeat of an already applied key included). Each line is one
// write(2) of less than PIPE_BUF bytes, so a kill never leaves half a line. Started again on the
// same database it continues: existing cases are found by code, events resubmitted with their
// keys. Exits 0 once the whole scenario is applied, 1 on any refused request.
#include <sqlite3.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "adapters/clock/system_clock.h"
#include "adapters/sqlite/sqlite_store.h"
#include "engine/runtime/engine.h"
#include "engine/time/working_calendar.h"
#include "tests/crash_scenario.h"
#include "tests/fakes/child_report.h"

namespace souhra::crash {
namespace {

using ::souhra::testing::PrintChildError;
using ::souhra::testing::ReportLine;

// Reports a refused request; returns false to stop.
bool Fail(const std::string& what, const Status& status) {
  PrintChildError("crash child", what, status);
  return false;
}

// The cases a previous run created, by code. The engine has no lookup by code, so ask SQLite.
std::map<std::string, CaseId> ExistingCases(const std::string& path) {
  std::map<std::string, CaseId> found;
  sqlite3* db = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
      sqlite3_prepare_v2(db, "SELECT code, id FROM cases WHERE tenant = ?", -1, &stmt, nullptr) ==
          SQLITE_OK) {
    sqlite3_bind_text(stmt, 1, kTenant, -1, SQLITE_STATIC);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      found[reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))] =
          sqlite3_column_int64(stmt, 1);
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return found;
}

// Creates the case unless a previous run did, then sends its events in order.
bool RunCase(Engine& engine, int index, std::optional<CaseId> existing) {
  CaseId id = existing.value_or(0);
  if (!existing) {
    Result<Applied> created = engine.CreateCase({kTenant, CaseCode(index), kWorkflowName});
    if (!created.ok()) return Fail("create " + CaseCode(index), created.status());
    id = created->case_id;
  }
  ReportLine("case " + CaseCode(index) + " " + std::to_string(id));
  for (size_t nth = 0; nth < kCrashEvents.size(); ++nth) {
    EventRequest request;
    request.case_id = id;
    request.type = kCrashEvents[nth];
    request.idempotency_key = EventKey(index, nth);
    Result<Applied> applied = engine.Submit(request);
    if (!applied.ok()) return Fail(request.idempotency_key, applied.status());
    ReportLine("ack " + std::to_string(id) + " " + request.idempotency_key + " " +
               std::to_string(applied->seq));
  }
  return true;
}

// Opens the store and the engine and installs the workflow unless a previous run did.
bool Start(const std::string& path, std::unique_ptr<Store>* store,
           std::unique_ptr<WorkingCalendar>* calendar, const Clock& clock,
           std::unique_ptr<Engine>* engine) {
  Result<std::unique_ptr<WorkingCalendar>> made = WorkingCalendar::Create();
  if (!made.ok()) return Fail("calendar", made.status());
  *calendar = std::move(made).value();
  SqliteOptions options;
  options.path = path;
  Result<std::unique_ptr<Store>> opened = OpenSqliteStore(options);
  if (!opened.ok()) return Fail("open " + path, opened.status());
  *store = std::move(opened).value();
  *engine = std::make_unique<Engine>(**store, clock, **calendar);
  Result<std::optional<DefinitionSource>> installed =
      (*store)->GetActiveDefinition(kTenant, kWorkflowName);
  if (!installed.ok()) return Fail("find workflow", installed.status());
  if (*installed) return true;
  Result<DefinitionChange> install = (*engine)->Install(kTenant, kWorkflowFile, kWorkflow);
  return install.ok() || Fail("install", install.status());
}

int Run(const std::string& path, int cases, int threads) {
  SystemClock clock;
  std::unique_ptr<Store> store;
  std::unique_ptr<WorkingCalendar> calendar;
  std::unique_ptr<Engine> engine;
  if (!Start(path, &store, &calendar, clock, &engine)) return 1;
  const std::map<std::string, CaseId> existing = ExistingCases(path);
  std::atomic<bool> ok = true;
  std::vector<std::thread> submitters;
  for (int t = 0; t < threads; ++t) {
    submitters.emplace_back([&, t] {
      for (int i = t; i < cases && ok; i += threads) {
        auto found = existing.find(CaseCode(i));
        std::optional<CaseId> id;
        if (found != existing.end()) id = found->second;
        if (!RunCase(*engine, i, id)) ok = false;
      }
    });
  }
  for (std::thread& submitter : submitters) submitter.join();
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace souhra::crash

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s <database> <cases> <threads>\n", argv[0]);
    return 2;
  }
  return souhra::crash::Run(argv[1], std::atoi(argv[2]), std::atoi(argv[3]));
}
