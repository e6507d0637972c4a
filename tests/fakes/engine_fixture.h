// A test fixture with a real Engine: a SQLite file in a temporary directory, the working
// calendar (Europe/Prague, Czech holidays) and a virtual clock that starts at `start`.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "adapters/sqlite/sqlite_store.h"
#include "engine/runtime/engine.h"
#include "engine/time/working_calendar.h"
#include "tests/fakes/fake_clock.h"
#include "tests/fakes/temp_dir.h"

namespace souhra::testing {

class EngineFixture : public ::testing::Test {
 protected:
  explicit EngineFixture(Instant start) : clock_(start) {}

  void SetUp() override {
    Result<std::unique_ptr<WorkingCalendar>> calendar = WorkingCalendar::Create();
    ASSERT_TRUE(calendar.ok()) << calendar.status().ToString();
    calendar_ = std::move(calendar).value();
    SqliteOptions options;
    options.path = dir_.File("souhra.db");
    Result<std::unique_ptr<Store>> store = OpenSqliteStore(options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    engine_ = std::make_unique<Engine>(*store_, clock_, *calendar_);
  }

  // Installs a definition for tenant "demo"; the test fails if it is not valid.
  void Install(const std::string& file, const std::string& source) {
    Result<DefinitionChange> installed = engine_->Install("demo", file, source);
    ASSERT_TRUE(installed.ok()) << installed.status().ToString();
  }

  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<WorkingCalendar> calendar_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Engine> engine_;  // declared last: stops before the store goes
};

}  // namespace souhra::testing
