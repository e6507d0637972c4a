// A test fixture with a real Engine: an in-memory store (tests/fakes/memory_store.h), the working
// calendar (Europe/Prague, Czech holidays) and a virtual clock that starts at `start`. A fixture
// that needs a database file (the web's, whose access and directory stores share it) overrides
// OpenStore.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engine/runtime/engine.h"
#include "engine/time/working_calendar.h"
#include "tests/fakes/fake_clock.h"
#include "tests/fakes/memory_store.h"
#include "tests/fakes/temp_dir.h"

namespace souhra::testing {

class EngineFixture : public ::testing::Test {
 protected:
  explicit EngineFixture(Instant start) : clock_(start) {}

  void SetUp() override {
    Result<std::unique_ptr<WorkingCalendar>> calendar = WorkingCalendar::Create();
    ASSERT_TRUE(calendar.ok()) << calendar.status().ToString();
    calendar_ = std::move(calendar).value();
    Result<std::unique_ptr<Store>> store = OpenStore();
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    engine_ = std::make_unique<Engine>(*store_, clock_, *calendar_);
  }

  // The store the engine runs on; sets memory_ when it is the in-memory one.
  virtual Result<std::unique_ptr<Store>> OpenStore() {
    auto memory = std::make_unique<MemoryStore>();
    memory_ = memory.get();
    return std::unique_ptr<Store>(std::move(memory));
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
  MemoryStore* memory_ = nullptr;   // store_, unless OpenStore was overridden
  std::unique_ptr<Engine> engine_;  // declared last: stops before the store goes
};

}  // namespace souhra::testing
