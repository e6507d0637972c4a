// The shipped pack over restarts: a real SQLite file, closed and opened again as `souhra serve`
// does on every start.
#include "app/shipped_pack.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/demo_seed.h"
#include "tests/fakes/engine_harness.h"
#include "tests/fakes/small_intake.h"
#include "tests/fakes/temp_dir.h"

namespace souhra {
namespace {

using testing::SmallIntake;

class ShippedPackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(Root() + "/rules");
    Write("workflows/intake.lua", SmallIntake());
  }

  std::string Root() const { return dir_.File("pack"); }

  void Write(const std::string& file, const std::string& text) {
    const std::filesystem::path path = std::filesystem::path(Root()) / file;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }

  // One start of the server: opens the database, brings the pack to every tenant, closes.
  std::vector<PackArrival> Start() {
    testing::EngineHarness harness(db_, FromMillis(1775116800000));
    Result<std::vector<PackArrival>> arrivals =
        BringShippedPacks(harness.engine, *harness.store, SeededTenants(Root()), Root());
    EXPECT_TRUE(arrivals.ok()) << arrivals.status().ToString();
    return arrivals.ok() ? *arrivals : std::vector<PackArrival>{};
  }

  std::vector<DefinitionSource> Versions(const std::string& tenant) {
    testing::EngineHarness harness(db_, FromMillis(1775116800000));
    return harness.store->ListDefinitionVersions(tenant, "intake").value();
  }

  std::string ActiveText(const std::string& tenant) {
    for (const DefinitionSource& v : Versions(tenant)) {
      if (v.active) return v.source;
    }
    return "";
  }

  testing::TempDir dir_;
  std::string db_ = dir_.File("souhra.db");
};

TEST_F(ShippedPackTest, FirstStartInstallsThePackActive) {
  std::vector<PackArrival> first = Start();
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].tenant, "demo");
  EXPECT_EQ(first[0].installed, std::vector<std::string>{"workflows/intake.lua"});
  EXPECT_TRUE(first[0].drafts.empty());
  EXPECT_EQ(ActiveText("demo"), SmallIntake());
}

TEST_F(ShippedPackTest, AVersionTheMethodologistActivatedSurvivesARestart) {
  Start();
  {
    testing::EngineHarness harness(db_, FromMillis(1775116800000));
    Result<DefinitionChange> own =
        harness.engine.SaveDraft("demo", "intake.lua", SmallIntake("Vyřízeno"), "user:metodik");
    ASSERT_TRUE(own.ok()) << own.status().ToString();
    ASSERT_TRUE(harness.engine.Activate("demo", "intake", own->version).ok());
  }
  std::vector<PackArrival> restart = Start();
  EXPECT_TRUE(restart[0].installed.empty());
  EXPECT_TRUE(restart[0].drafts.empty());
  EXPECT_EQ(ActiveText("demo"), SmallIntake("Vyřízeno"));
}

TEST_F(ShippedPackTest, AChangedShippedFileArrivesAsAnInactiveDraft) {
  Start();
  Write("workflows/intake.lua", SmallIntake("Uzavřeno"));  // a newer Souhra's pack
  std::vector<PackArrival> upgrade = Start();
  ASSERT_EQ(upgrade[0].drafts.size(), 1u);
  EXPECT_EQ(upgrade[0].drafts[0].name, "intake");
  EXPECT_EQ(upgrade[0].drafts[0].file, "workflows/intake.lua");
  EXPECT_EQ(ActiveText("demo"), SmallIntake());
  const std::vector<DefinitionSource> versions = Versions("demo");
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[1].state(), DefinitionState::kDraft);
  EXPECT_EQ(versions[1].content_hash, upgrade[0].drafts[0].version);
  EXPECT_EQ(versions[1].saved_by, "system");
}

TEST_F(ShippedPackTest, AnUnchangedPackAddsNothing) {
  Start();
  std::vector<PackArrival> again = Start();
  EXPECT_TRUE(again[0].installed.empty());
  EXPECT_TRUE(again[0].drafts.empty());
  EXPECT_EQ(Versions("demo").size(), 1u);
}

TEST_F(ShippedPackTest, ANewTenantDirectoryGetsItsPackActive) {
  Start();
  Write("workflows/tenants/dolni_brod/intake.lua", SmallIntake("Předáno"));
  std::vector<PackArrival> restart = Start();
  ASSERT_EQ(restart.size(), 2u);
  EXPECT_TRUE(restart[0].drafts.empty());  // demo's pack is unchanged
  EXPECT_EQ(restart[1].tenant, "dolni_brod");
  EXPECT_EQ(restart[1].installed,
            (std::vector<std::string>{"workflows/intake.lua",
                                      "workflows/tenants/dolni_brod/intake.lua"}));
  EXPECT_EQ(ActiveText("dolni_brod"), SmallIntake("Předáno"));
  EXPECT_EQ(CountDrafts(restart), 0u);
}

}  // namespace
}  // namespace souhra
