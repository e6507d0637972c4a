// Rows the store did not write as it writes them: a read fails naming the column rather than
// returning a record with a silently emptied field.
#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_test_fixture.h"

namespace souhra::sqlite {
namespace {

using RowMappingTest = SqliteStoreTest;

TEST_F(RowMappingTest, ATaskWhoseDoneByIsNotAListOfRolesFailsTheReadNamingTheColumn) {
  auto txn = Begin();
  ASSERT_TRUE(txn->InsertTask(souhra::testing::SampleTask(case_id_, instance_id_, "call")).ok());
  ASSERT_TRUE(txn->Commit().ok());
  for (const char* done_by : {"'{\"head\":1}'", "'[\"head\", 7]'", "'[\"head\"'"}) {
    std::string sql = std::string("UPDATE tasks SET done_by = ") + done_by;
    ASSERT_EQ(RawQuery(dir_.File("souhra.db"), sql.c_str()), "");
    auto tasks = store_->ListTasks(case_id_);
    EXPECT_EQ(tasks.status().code(), StatusCode::kInternal) << done_by;
    EXPECT_NE(tasks.status().message().find("'done_by'"), std::string::npos)
        << tasks.status().message();
  }
}

TEST_F(RowMappingTest, CaseDataNestedDeeperThanTheStoreWritesIsACorruptRowNotACrash) {
  const std::string deep = std::string(50'000, '[') + std::string(50'000, ']');
  const std::string sql = "UPDATE cases SET data = '{\"x\": " + deep + "}'";
  ASSERT_EQ(RawQuery(dir_.File("souhra.db"), sql.c_str()), "");
  auto c = store_->GetCase(case_id_);
  EXPECT_EQ(c.status().code(), StatusCode::kInternal);
  EXPECT_NE(c.status().message().find("'data'"), std::string::npos) << c.status().message();
}

}  // namespace
}  // namespace souhra::sqlite
