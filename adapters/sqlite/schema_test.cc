// Versioned migrations: applied once, in order, atomically; newer databases refused.
#include "adapters/sqlite/schema.h"

#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_test_fixture.h"

namespace souhra::sqlite {
namespace {

class SchemaTest : public ::testing::Test {
 protected:
  std::unique_ptr<Connection> Open() {
    auto db = Connection::Open(path_, "", /*create=*/true);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(db).value() : nullptr;
  }
  std::string Query(const char* sql) { return RawQuery(path_, sql); }

  souhra::testing::TempDir dir_;
  std::string path_ = dir_.File("schema.db");
};

const std::vector<Migration> kCounting = {
    {1, "CREATE TABLE applied (step INTEGER)"},
    {2, "INSERT INTO applied VALUES (2)"},
};

TEST_F(SchemaTest, MigratesFromVersionZeroToTheLatest) {
  auto db = Open();
  ASSERT_TRUE(Migrate(*db, SchemaMigrations()).ok());
  EXPECT_EQ(Query("PRAGMA user_version"), std::to_string(SchemaMigrations().back().version) + "\n");
  EXPECT_EQ(Query("SELECT count(*) FROM sqlite_schema WHERE name = 'events_no_update'"), "1\n");
}

TEST_F(SchemaTest, VersionTwoFillsInThePeopleOfExistingCases) {
  auto db = Open();
  ASSERT_TRUE(Migrate(*db, {SchemaMigrations()[0]}).ok());
  ASSERT_TRUE(db->Exec("INSERT INTO cases (tenant, code, data, created, closed) VALUES"
                       " ('demo', 'K-1', '{\"people\":{\"case_manager\":\"user:novak\","
                       "\"guardian\":\"actor:charita\"}}', 0, 0),"
                       " ('demo', 'K-2', '{\"people\":[\"user:novak\"]}', 0, 0)",
                       "seed")
                  .ok());
  ASSERT_TRUE(Migrate(*db, SchemaMigrations()).ok());
  EXPECT_EQ(
      Query("SELECT case_id || '|' || role || '|' || tenant || '|' || login FROM case_people"),
      "1|case_manager|demo|novak\n");
}

TEST_F(SchemaTest, MigratingAgainAppliesNothing) {
  auto db = Open();
  ASSERT_TRUE(Migrate(*db, kCounting).ok());
  ASSERT_TRUE(Migrate(*db, kCounting).ok());
  db = Open();
  ASSERT_TRUE(Migrate(*db, kCounting).ok());
  EXPECT_EQ(Query("SELECT count(*) FROM applied"), "1\n");
  EXPECT_EQ(Query("PRAGMA user_version"), "2\n");
}

TEST_F(SchemaTest, OnlyNewerStepsApply) {
  auto db = Open();
  ASSERT_TRUE(Migrate(*db, {kCounting[0]}).ok());
  EXPECT_EQ(Query("SELECT count(*) FROM applied"), "0\n");
  ASSERT_TRUE(Migrate(*db, kCounting).ok());
  EXPECT_EQ(Query("SELECT count(*) FROM applied"), "1\n");
}

TEST_F(SchemaTest, AFailingStepLeavesThePreviousVersion) {
  auto db = Open();
  std::vector<Migration> broken = {
      kCounting[0], kCounting[1], {3, "INSERT INTO applied VALUES (3); SELECT * FROM nowhere"}};
  Status status = Migrate(*db, broken);
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_NE(status.message().find("schema migration 3"), std::string::npos) << status.message();
  EXPECT_EQ(Query("PRAGMA user_version"), "2\n");
  EXPECT_EQ(Query("SELECT count(*) FROM applied"), "1\n");
}

TEST_F(SchemaTest, Version4QueuesTheOutboxRowsOfAnOlderDatabaseAsPending) {
  auto db = Open();
  ASSERT_TRUE(Migrate(*db, {SchemaMigrations()[0]}).ok());
  ASSERT_TRUE(db->Exec("INSERT INTO cases VALUES (1, 'demo', 'K-1', '{}', 5, 0);"
                       "INSERT INTO outbox VALUES (1, 1, 0, 'coordinator', 'late', '', '{}', 700)",
                       "seed version 1")
                  .ok());
  ASSERT_TRUE(Migrate(*db, SchemaMigrations()).ok());
  EXPECT_EQ(Query("SELECT status || ' ' || attempts || ' ' || next_attempt FROM outbox"),
            "0 0 700\n");
  EXPECT_EQ(Query("SELECT count(*) FROM inbox"), "0\n");
}

TEST_F(SchemaTest, Version8GivesOlderTasksNoDoneByOrFormAndOlderCasesNoClosingTime) {
  auto db = Open();
  std::vector<Migration> up_to_7(SchemaMigrations().begin(), SchemaMigrations().begin() + 7);
  ASSERT_EQ(up_to_7.back().version, 7);
  ASSERT_TRUE(Migrate(*db, up_to_7).ok());
  ASSERT_TRUE(db->Exec("INSERT INTO cases VALUES (1, 'demo', 'K-1', '{}', 5, 1);"
                       "INSERT INTO tasks (case_id, instance_id, key, title, assignee, remind,"
                       " scope_state, keep, status) VALUES (1, 1, 'call', 'Zavolat', 'head', '[]',"
                       " 'waiting', 0, 0)",
                       "seed version 7")
                  .ok());
  ASSERT_TRUE(Migrate(*db, SchemaMigrations()).ok());
  EXPECT_EQ(Query("SELECT done_by || ' ' || typeof(form) FROM tasks"), "[] null\n");
  EXPECT_EQ(Query("SELECT closed || ' ' || typeof(closed_at) FROM cases"), "1 null\n");
}

TEST_F(SchemaTest, Version11GivesOlderTokensTheirOwnIdsAndNinetyDaysFromCreation) {
  auto db = Open();
  std::vector<Migration> before;
  for (const Migration& m : SchemaMigrations()) {
    if (m.version < 11) before.push_back(m);
  }
  ASSERT_TRUE(Migrate(*db, before).ok());
  ASSERT_TRUE(
      db->Exec("INSERT INTO api_tokens VALUES ('h1', 'demo', 'svoboda', 'a', 1000, 'cli', 0);"
               "INSERT INTO api_tokens VALUES ('h2', 'demo', 'svoboda', 'b', 2000, 'cli', 0)",
               "seed tokens")
          .ok());
  ASSERT_TRUE(Migrate(*db, SchemaMigrations()).ok());
  EXPECT_EQ(Query("SELECT count(DISTINCT id) FROM api_tokens WHERE length(id) = 16"), "2\n");
  EXPECT_EQ(Query("SELECT count(*) FROM api_tokens WHERE instr(token_hash, id) > 0"), "0\n");
  EXPECT_EQ(Query("SELECT expires FROM api_tokens ORDER BY created"), "7776001000\n7776002000\n");
  EXPECT_EQ(Query("SELECT count(*) FROM users WHERE integration"), "0\n");
}

TEST_F(SchemaTest, ADatabaseFromANewerSouhraIsRefused) {
  ASSERT_EQ(Query("PRAGMA user_version = 99"), "");
  SqliteOptions options;
  options.path = path_;
  auto store = OpenSqliteStore(options);
  EXPECT_EQ(store.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(store.status().message().find("99"), std::string::npos);
}

TEST_F(SchemaTest, AStoreReopensItsOwnDatabase) {
  SqliteOptions options;
  options.path = path_;
  ASSERT_TRUE(OpenSqliteStore(options).ok());
  auto again = OpenSqliteStore(options);
  EXPECT_TRUE(again.ok()) << again.status().ToString();
}

TEST_F(SchemaTest, AnUnopenablePathIsUnavailable) {
  SqliteOptions options;
  options.path = dir_.File("missing/dir/souhra.db");
  EXPECT_EQ(OpenSqliteStore(options).status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace souhra::sqlite
