// `souhra definitions` and `souhra diagram` run as an operator runs them, on a database prepared
// through the engine.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/definitions/version_diff.h"
#include "tests/fakes/engine_harness.h"
#include "tests/fakes/run_souhra.h"
#include "tests/fakes/small_intake.h"
#include "tests/fakes/temp_dir.h"

namespace souhra {
namespace {

using testing::RunSouhra;
using testing::SmallIntake;

class DefinitionsCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::EngineHarness harness(db_, FromMillis(1775116800000));
    Result<DefinitionChange> v1 =
        harness.engine.SaveDraft("demo", "intake.lua", SmallIntake(), "user:metodik");
    ASSERT_TRUE(v1.ok()) << v1.status().ToString();
    v1_ = v1->version;
    ASSERT_TRUE(harness.engine.Activate("demo", "intake", v1_).ok());
    NewCase request;
    request.tenant = "demo";
    request.code = "K-1";
    request.workflow = "intake";
    ASSERT_TRUE(harness.engine.CreateCase(request).ok());
    Result<DefinitionChange> v2 =
        harness.engine.SaveDraft("demo", "intake.lua", SmallIntake("Vyřízeno"), "user:metodik");
    ASSERT_TRUE(v2.ok());
    v2_ = v2->version;
  }

  // The hash of the diff from v1 to v2, as the API shows it to a reviewer (version_diff.h).
  std::string DiffHash() const {
    DefinitionSource v1;
    v1.content_hash = v1_;
    v1.source = SmallIntake();
    DefinitionSource v2;
    v2.content_hash = v2_;
    v2.source = SmallIntake("Vyřízeno");
    return DiffVersions("intake", &v1, v2).sha256;
  }

  std::string Run(const std::string& args) {
    testing::CommandOutput out = RunSouhra("definitions --db " + db_ + " " + args);
    exit_code_ = out.exit_code;
    return out.output;
  }

  testing::TempDir dir_;
  std::string db_ = dir_.File("souhra.db");
  std::string v1_, v2_;
  int exit_code_ = -1;
};

TEST_F(DefinitionsCommandTest, ListsVersionsWithStateAuthorAndInstances) {
  std::string list = Run("list");
  EXPECT_EQ(exit_code_, 0) << list;
  EXPECT_EQ(list, "intake  active #1 " + v1_.substr(0, 12) + "  2 versions\n");
  std::string versions = Run("versions intake");
  EXPECT_EQ(exit_code_, 0) << versions;
  EXPECT_NE(versions.find("#1  " + v1_ + "  active  saved 2026-04-02"), std::string::npos)
      << versions;
  EXPECT_NE(versions.find("by user:metodik  active instances 1\n"), std::string::npos);
  EXPECT_NE(versions.find("#2  " + v2_ + "  draft"), std::string::npos);
}

TEST_F(DefinitionsCommandTest, DiffsAndActivates) {
  std::string diff = Run("diff " + v1_.substr(0, 8) + " " + v2_.substr(0, 8));
  EXPECT_EQ(exit_code_, 0) << diff;
  EXPECT_NE(diff.find("-    done = { title = \"Hotovo\", final = true },\n"
                      "+    done = { title = \"Vyřízeno\", final = true },\n"),
            std::string::npos)
      << diff;
  // Three lines of context before the change on line 7; the text ends two lines after it.
  EXPECT_NE(diff.find("@@ -4,6 +4,6 @@\n"), std::string::npos) << diff;

  std::string activated = Run("activate intake " + v2_.substr(0, 10));
  EXPECT_EQ(exit_code_, 0) << activated;
  EXPECT_EQ(activated, "activated intake " + v2_ + "; retired " + v1_ + "\n" +
                           "audited as cli, diff sha256 " + DiffHash() + "\n");
  std::string versions = Run("versions intake");
  EXPECT_NE(versions.find(v1_ + "  retired"), std::string::npos) << versions;
  std::string again = Run("activate intake " + v2_);
  EXPECT_EQ(again, "intake " + v2_ + " is already active\n");
}

// The operator's activation is not under four eyes (whoever runs it can write the database file
// too), but it leaves an audit row naming the command line, the versions and the diff's hash.
TEST_F(DefinitionsCommandTest, ActivationIsAuditedAsCliWithTheDiffHash) {
  Run("activate intake " + v2_);
  ASSERT_EQ(exit_code_, 0);
  Result<SqliteDatabase> db = OpenSqliteDatabase(testing::EngineHarness::OptionsFor(db_));
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  Result<std::vector<AuditRecord>> audit = db->access->ListAudit("demo", 0, 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  const AuditRecord& row = audit->front();
  EXPECT_EQ(row.actor, "cli");
  EXPECT_EQ(row.action, "souhra definitions activate");
  EXPECT_EQ(row.outcome, "ok");
  EXPECT_EQ(row.target,
            "definition:intake@" + v2_ + " previous:" + v1_ + " diff_sha256:" + DiffHash());
}

TEST_F(DefinitionsCommandTest, RefusalsAndUsage) {
  std::string missing = Run("activate intake ffff");
  EXPECT_EQ(exit_code_, 1);
  EXPECT_NE(missing.find("Definice „intake“ takovou verzi nemá"), std::string::npos) << missing;
  Run("versions");
  EXPECT_EQ(exit_code_, 2);
  Run("frobnicate x");
  EXPECT_EQ(exit_code_, 2);
}

// A newer shipped pack: intake's text changed (v3), so it arrives as a draft; v1 stays active.
TEST_F(DefinitionsCommandTest, UpgradeSavesANewShippedTextAsADraftAndKeepsTheActiveVersion) {
  std::filesystem::create_directories(dir_.File("pack/rules"));
  std::filesystem::create_directories(dir_.File("pack/workflows"));
  std::string v3 = SmallIntake("Vyřízeno");
  const std::string title = "Příjem";
  v3.replace(v3.find(title), title.size(), "Příjem nový");
  std::ofstream(dir_.File("pack/workflows/intake.lua")) << v3;
  std::string unknown = Run("upgrade --definitions " + dir_.File("pack"));
  EXPECT_EQ(exit_code_, 1) << unknown;
  EXPECT_NE(unknown.find("Obec 'demo' v databázi není. Založte ji nejdřív."), std::string::npos)
      << unknown;
  {
    Result<SqliteDatabase> db = OpenSqliteDatabase(testing::EngineHarness::OptionsFor(db_));
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(
        db->directory->PutTenant(TenantRecord{"demo", "Ukázková obec", Json::object()}).ok());
  }
  EXPECT_NE(Run("--tenant demo_ upgrade --definitions " + dir_.File("pack"))
                .find("Obec 'demo_' v databázi není; jsou tam: demo. Opravte --tenant."),
            std::string::npos);
  std::string upgrade = Run("upgrade --definitions " + dir_.File("pack"));
  EXPECT_EQ(exit_code_, 0) << upgrade;
  EXPECT_NE(upgrade.find("Obec 'demo': nové verze dodaných definic jako koncepty: 1"),
            std::string::npos)
      << upgrade;
  EXPECT_NE(upgrade.find("  intake  "), std::string::npos) << upgrade;
  EXPECT_NE(upgrade.find("ze souboru workflows/intake.lua"), std::string::npos) << upgrade;
  std::string versions = Run("versions intake");
  EXPECT_NE(versions.find("#1  " + v1_ + "  active"), std::string::npos) << versions;
  EXPECT_NE(versions.find("#3  "), std::string::npos) << versions;
  EXPECT_NE(versions.find("by system"), std::string::npos) << versions;

  std::string again = Run("upgrade --definitions " + dir_.File("pack"));
  EXPECT_EQ(exit_code_, 0) << again;
  EXPECT_NE(again.find("nepřinesly nic nového"), std::string::npos) << again;
}

TEST_F(DefinitionsCommandTest, DiagramShowsStatesAndCountsOfThisVersion) {
  std::string file = dir_.File("intake.lua");
  std::ofstream(file) << SmallIntake();
  std::string svg_file = dir_.File("intake.svg");
  testing::CommandOutput out = RunSouhra("diagram " + file + " --out " + svg_file + " --db " + db_);
  ASSERT_EQ(out.exit_code, 0) << out.output;
  std::stringstream svg;
  svg << std::ifstream(svg_file).rdbuf();
  EXPECT_NE(svg.str().find(">Nový<"), std::string::npos) << svg.str();
  EXPECT_NE(svg.str().find(">1 instance<"), std::string::npos);
  EXPECT_NE(svg.str().find(">next<"), std::string::npos);

  std::ofstream(file) << "return workflow {\n  nme = 1 }";
  out = RunSouhra("diagram " + file);
  EXPECT_EQ(out.exit_code, 1);
  EXPECT_NE(out.output.find(":2:"), std::string::npos) << out.output;
}

}  // namespace
}  // namespace souhra
