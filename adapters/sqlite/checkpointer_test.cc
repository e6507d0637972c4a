#include "adapters/sqlite/checkpointer.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "adapters/sqlite/pragmas.h"
#include "tests/fakes/temp_dir.h"

namespace souhra::sqlite {
namespace {

constexpr int kThresholdPages = 10;

class CheckpointerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_.path = dir_.File("c.db");
    writer_ = std::move(Connection::Open(options_.path, "", true).value());
    ASSERT_TRUE(ConfigureWriter(*writer_, options_).ok());
    ASSERT_TRUE(writer_->Exec("CREATE TABLE t (x TEXT)", "create").ok());
    checkpointer_ = std::move(StartCheckpointer(*writer_, options_, kThresholdPages).value());
  }

  // Only checkpoints write the database file itself; commits go to the WAL.
  uintmax_t DatabaseFileBytes() { return std::filesystem::file_size(options_.path); }

  testing::TempDir dir_;
  SqliteOptions options_;
  std::unique_ptr<Connection> writer_;
  std::unique_ptr<Checkpointer> checkpointer_;
};

TEST_F(CheckpointerTest, CopiesTheWalInTheBackgroundOnceItPassesTheThreshold) {
  // Each commit adds about five 4 KiB pages.
  for (int i = 0; i < 4; ++i) {
    Status inserted = writer_->Exec("INSERT INTO t SELECT hex(randomblob(10000))", "insert");
    ASSERT_TRUE(inserted.ok()) << inserted.ToString();
  }
  ASSERT_TRUE(checkpointer_->AwaitCheckpoints(1, std::chrono::seconds(30)));
  EXPECT_GE(DatabaseFileBytes(), 10u * 4096);
}

TEST_F(CheckpointerTest, LeavesASmallWalAlone) {
  ASSERT_TRUE(writer_->Exec("INSERT INTO t VALUES ('a')", "insert").ok());
  EXPECT_FALSE(checkpointer_->AwaitCheckpoints(1, std::chrono::milliseconds(0)));
  EXPECT_LT(DatabaseFileBytes(), 10u * 4096);
}

}  // namespace
}  // namespace souhra::sqlite
