// The process tests/timer_crash_test.cc kills while it fires timers.
//
//   souhra_timer_crash_child <database> <cases>
//
// Creates <cases> cases (by code, so a restart finds them) whose one timer fell due long ago,
// then fires due timers in small batches until none is left, printing "fired <n>" after each
// batch. Started again on the same database it goes on where the last run stopped.

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "adapters/clock/system_clock.h"
#include "adapters/sqlite/sqlite_store.h"
#include "engine/runtime/engine.h"
#include "engine/time/working_calendar.h"
#include "tests/fakes/child_report.h"

namespace souhra {
namespace {

using ::souhra::testing::PrintChildError;
using ::souhra::testing::ReportLine;

constexpr char kAlarm[] = R"lua(
return workflow {
  name = "alarm",
  templates = { rang = { title = "Termín uplynul", body = "Termín uplynul." } },
  initial = "armed",
  states = {
    armed = {
      enter = timer { key = "ring", at = "2026-01-01T00:00:00+01:00" },
      on = { ["timer.ring"] = { go = "rung", run = notify { to = "coordinator", template = "rang" } } },
    },
    rung = { final = true },
  },
}
)lua";

int Fail(const char* what, const Status& status) {
  PrintChildError("timer crash child", what, status);
  return 1;
}

int Run(const std::string& path, int cases) {
  SqliteOptions options;
  options.path = path;
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(options);
  if (!store.ok()) return Fail("open", store.status());
  Result<std::unique_ptr<WorkingCalendar>> calendar = WorkingCalendar::Create();
  if (!calendar.ok()) return Fail("calendar", calendar.status());
  SystemClock clock;
  Engine engine(**store, clock, **calendar);
  if (Result<DefinitionChange> r = engine.Install("demo", "alarm.lua", kAlarm); !r.ok()) {
    return Fail("install", r.status());
  }
  for (int i = 0; i < cases; ++i) {
    Result<Applied> r = engine.CreateCase({"demo", "A-" + std::to_string(i), "alarm", {}});
    if (!r.ok()) return Fail("create", r.status());
  }
  ReportLine("created");
  while (true) {
    Result<int> fired = engine.FireDueTimers(7);
    if (!fired.ok()) return Fail("fire", fired.status());
    if (*fired == 0) break;
    ReportLine("fired " + std::to_string(*fired));
  }
  return 0;
}

}  // namespace
}  // namespace souhra

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: souhra_timer_crash_child <database> <cases>\n");
    return 2;
  }
  return souhra::Run(argv[1], std::atoi(argv[2]));
}
