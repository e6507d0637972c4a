// Backups of a real database file while the engine commits to it, and restores of them.
#include "adapters/sqlite/backup.h"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "adapters/sqlite/schema.h"
#include "adapters/sqlite/sqlite_test_fixture.h"
#include "tests/crash_scenario.h"
#include "tests/fakes/engine_harness.h"

namespace souhra::sqlite {
namespace {

constexpr int64_t kStart = 1775116800000;

// Creates cases and sends each its events through the engine until stopped, and keeps the
// sequence number of every acknowledged event.
class Load {
 public:
  explicit Load(Engine& engine) : engine_(engine), thread_([this] { Run(); }) {}
  ~Load() { Stop(); }

  // Blocks until at least `n` events were acknowledged.
  void WaitFor(size_t n) {
    std::unique_lock lock(mu_);
    grew_.wait(lock, [&] { return acked_.size() >= n || failed_; });
  }
  std::vector<int64_t> Acknowledged() {
    std::lock_guard lock(mu_);
    return acked_;
  }
  void Stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  bool failed() {
    std::lock_guard lock(mu_);
    return failed_;
  }

 private:
  void Run() {
    for (int i = 0; !stop_; ++i) {
      NewCase request;
      request.tenant = crash::kTenant;
      request.code = crash::CaseCode(i);
      request.workflow = crash::kWorkflowName;
      Result<Applied> created = engine_.CreateCase(request);
      if (!Record(created)) return;
      for (size_t nth = 0; nth < crash::kCrashEvents.size() && !stop_; ++nth) {
        EventRequest event;
        event.case_id = created->case_id;
        event.type = crash::kCrashEvents[nth];
        event.idempotency_key = crash::EventKey(i, nth);
        if (!Record(engine_.Submit(event))) return;
      }
    }
  }

  bool Record(const Result<Applied>& applied) {
    std::lock_guard lock(mu_);
    if (!applied.ok()) {
      ADD_FAILURE() << applied.status().ToString();
      failed_ = true;
    } else {
      acked_.push_back(applied->seq);
    }
    grew_.notify_all();
    return applied.ok();
  }

  Engine& engine_;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::condition_variable grew_;
  std::vector<int64_t> acked_;
  bool failed_ = false;
  std::thread thread_;
};

TEST(Backup, UnderLoadHoldsEveryEventAcknowledgedBeforeItStarted) {
  testing::TempDir dir;
  const std::string db = dir.File("souhra.db");
  const std::string backup = dir.File("zaloha.db");
  std::vector<int64_t> before;
  size_t after = 0;
  {
    testing::EngineHarness harness(db, FromMillis(kStart));
    ASSERT_TRUE(
        harness.engine.Install(crash::kTenant, crash::kWorkflowFile, crash::kWorkflow).ok());
    Load load(harness.engine);
    load.WaitFor(200);
    before = load.Acknowledged();
    Result<BackupSummary> taken = BackUpDatabase(db, backup);
    ASSERT_TRUE(taken.ok()) << taken.status().ToString();
    EXPECT_GE(taken->events, static_cast<int64_t>(before.size()));
    EXPECT_GT(taken->bytes, 0);
    load.WaitFor(before.size() + 50);  // the engine kept committing around the backup
    load.Stop();
    ASSERT_FALSE(load.failed());
    after = load.Acknowledged().size();
  }
  ASSERT_GE(before.size(), 200u);
  ASSERT_GT(after, before.size());

  testing::TempDir fresh;
  const std::string restored = fresh.File("obnova/souhra.db");
  std::filesystem::create_directories(fresh.File("obnova"));
  Result<BackupSummary> summary = RestoreDatabase(backup, restored, false);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(RawQuery(restored, "PRAGMA integrity_check"), "ok\n");
  const std::string seqs = RawQuery(restored, "SELECT seq FROM events ORDER BY seq");
  std::set<int64_t> present;
  std::istringstream lines(seqs);
  for (std::string line; std::getline(lines, line);) present.insert(std::stoll(line));
  for (int64_t seq : before) EXPECT_TRUE(present.count(seq)) << "event " << seq << " is missing";
  EXPECT_EQ(summary->events, static_cast<int64_t>(present.size()));
}

TEST(Backup, RefusesAnExistingTargetAndWritesNothing) {
  testing::TempDir dir;
  const std::string db = dir.File("souhra.db");
  { testing::EngineHarness harness(db, FromMillis(kStart)); }
  std::ofstream(dir.File("zaloha.db")) << "stará záloha";
  Result<BackupSummary> taken = BackUpDatabase(db, dir.File("zaloha.db"));
  ASSERT_EQ(taken.status().code(), StatusCode::kConflict);
  EXPECT_NE(taken.status().message().find("už existuje"), std::string::npos);
  std::ifstream kept(dir.File("zaloha.db"));
  std::string text((std::istreambuf_iterator<char>(kept)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "stará záloha");
}

class Restore : public ::testing::Test {
 protected:
  void SetUp() override {
    { testing::EngineHarness harness(db_, FromMillis(kStart)); }
    ASSERT_TRUE(BackUpDatabase(db_, backup_).ok());
  }
  testing::TempDir dir_;
  std::string db_ = dir_.File("souhra.db");
  std::string backup_ = dir_.File("zaloha.db");
};

TEST_F(Restore, RefusesAnExistingDatabaseWithoutForce) {
  Result<BackupSummary> refused = RestoreDatabase(backup_, db_, false);
  ASSERT_EQ(refused.status().code(), StatusCode::kConflict);
  EXPECT_EQ(refused.status().message(),
            "Databáze " + db_ +
                " už existuje a obnova by ji přepsala. Zvolte jinou cestu, nebo zastavte souhra "
                "serve a přidejte --force.");
  EXPECT_TRUE(RestoreDatabase(backup_, db_, true).ok());
}

TEST_F(Restore, RefusesACorruptBackupAndLeavesTheTargetAlone) {
  // Overwrite the middle of the file: the header stays, the pages do not.
  const auto size = std::filesystem::file_size(backup_);
  {
    std::fstream file(backup_, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(size / 2));
    file << std::string(4096, '\xff');
  }
  const std::string target = dir_.File("nova.db");
  Result<BackupSummary> refused = RestoreDatabase(backup_, target, false);
  ASSERT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("není neporušená databáze Souhry"), std::string::npos)
      << refused.status().message();
  EXPECT_NE(refused.status().message().find("Použijte jinou zálohu."), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(target));
  EXPECT_FALSE(std::filesystem::exists(target + ".restoring"));
}

TEST_F(Restore, RefusesAFileThatIsNoDatabase) {
  std::ofstream(dir_.File("text.db")) << "toto není databáze, jen text\n";
  Result<BackupSummary> refused =
      RestoreDatabase(dir_.File("text.db"), dir_.File("nova.db"), false);
  ASSERT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("není neporušená databáze Souhry"), std::string::npos)
      << refused.status().message();
}

TEST_F(Restore, RefusesASchemaNewerThanThisSouhra) {
  const int newer = SchemaMigrations().back().version + 1;
  EXPECT_EQ(RawQuery(backup_, ("PRAGMA user_version = " + std::to_string(newer)).c_str()), "");
  Result<BackupSummary> refused = RestoreDatabase(backup_, dir_.File("nova.db"), false);
  ASSERT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("má schéma verze " + std::to_string(newer)),
            std::string::npos)
      << refused.status().message();
}

// A backup an older Souhra took: its schema stops at version 11.
TEST(RestoreOlder, MigratesAnOlderBackupToTheCurrentSchema) {
  testing::TempDir dir;
  const std::string old = dir.File("stara.db");
  {
    Result<std::unique_ptr<Connection>> db = Connection::Open(old, "", true);
    ASSERT_TRUE(db.ok());
    const std::vector<Migration> up_to_11(SchemaMigrations().begin(),
                                          SchemaMigrations().begin() + 11);
    ASSERT_TRUE(Migrate(**db, up_to_11).ok());
  }
  ASSERT_EQ(RawQuery(old, "PRAGMA user_version"), "11\n");
  Result<BackupSummary> restored = RestoreDatabase(old, dir.File("nova.db"), false);
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  EXPECT_EQ(restored->schema_version, SchemaMigrations().back().version);
  EXPECT_EQ(RawQuery(dir.File("nova.db"), "SELECT count(*) FROM activation_requests"), "0\n");
}

}  // namespace
}  // namespace souhra::sqlite
