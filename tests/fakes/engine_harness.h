// A real Engine over a SQLite file, with the working calendar and a virtual clock, for tests
// that prepare a database outside a fixture (e.g. before running a souhra command on it).
// engine_fixture.h is the gtest fixture form of the same set-up.
#pragma once

#include <memory>
#include <string>

#include "adapters/sqlite/sqlite_store.h"
#include "engine/runtime/engine.h"
#include "engine/time/working_calendar.h"
#include "tests/fakes/fake_clock.h"

namespace souhra::testing {

struct EngineHarness {
  static SqliteOptions OptionsFor(const std::string& path) {
    SqliteOptions options;
    options.path = path;
    return options;
  }

  // Opens (creating) the database at `path`; the clock starts at `start`.
  EngineHarness(const std::string& path, Instant start)
      : clock(start),
        calendar(std::move(WorkingCalendar::Create().value())),
        store(std::move(OpenSqliteStore(OptionsFor(path)).value())),
        engine(*store, clock, *calendar) {}

  FakeClock clock;
  std::unique_ptr<WorkingCalendar> calendar;
  std::unique_ptr<Store> store;
  Engine engine;  // declared last: stops before the store goes
};

}  // namespace souhra::testing
