// A real Engine with the working calendar and a virtual clock, outside a gtest fixture: over a
// SQLite file for tests that prepare a database (e.g. before running a souhra command on it), or
// over the in-memory store. engine_fixture.h is the gtest fixture form of the same set-up.
#pragma once

#include <memory>
#include <string>

#include "adapters/sqlite/sqlite_store.h"
#include "engine/runtime/engine.h"
#include "engine/time/working_calendar.h"
#include "tests/fakes/fake_clock.h"
#include "tests/fakes/memory_store.h"

namespace souhra::testing {

struct EngineHarness {
  static SqliteOptions OptionsFor(const std::string& path) {
    SqliteOptions options;
    options.path = path;
    return options;
  }

  // Opens (creating) the database at `path`; the clock starts at `start`.
  EngineHarness(const std::string& path, Instant start)
      : EngineHarness(std::move(OpenSqliteStore(OptionsFor(path)).value()), start) {}
  // In memory; the clock starts at `start`.
  explicit EngineHarness(Instant start) : EngineHarness(std::make_unique<MemoryStore>(), start) {}

  EngineHarness(std::unique_ptr<Store> opened, Instant start)
      : clock(start),
        calendar(std::move(WorkingCalendar::Create().value())),
        store(std::move(opened)),
        engine(*store, clock, *calendar) {}

  FakeClock clock;
  std::unique_ptr<WorkingCalendar> calendar;
  std::unique_ptr<Store> store;
  Engine engine;  // declared last: stops before the store goes
};

}  // namespace souhra::testing
