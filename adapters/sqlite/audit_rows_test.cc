// The audit chain in SQLite: each appended row links to the last one, migration 10 hashes the rows
// kept before it, and a walk stops at the first row that does not hold.
#include "adapters/sqlite/audit_rows.h"

#include <gtest/gtest.h>

#include "adapters/sqlite/schema.h"
#include "adapters/sqlite/sqlite_test_fixture.h"
#include "engine/audit_chain.h"

namespace souhra::sqlite {
namespace {

class AuditRowsTest : public ::testing::Test {
 protected:
  std::unique_ptr<Connection> Open() {
    auto db = Connection::Open(path_, "", /*create=*/true);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(db).value() : nullptr;
  }
  std::string Query(const char* sql) { return RawQuery(path_, sql); }

  static AuditRecord Row(const std::string& target) {
    AuditRecord row;
    row.tenant = "demo";
    row.actor = "user:novakova";
    row.at = FromMillis(1775030400000);
    row.action = "GET /api/v1/cases/{id}";
    row.target = target;
    row.outcome = "ok";
    row.client = "10.0.0.7";
    return row;
  }

  souhra::testing::TempDir dir_;
  std::string path_ = dir_.File("audit.db");
};

TEST_F(AuditRowsTest, EachRowChainsToTheOneBeforeFromTheGenesis) {
  auto db = Open();
  ASSERT_TRUE(Migrate(*db, SchemaMigrations()).ok());
  ASSERT_TRUE(AppendChainedAudit(*db, Row("case:1")).ok());
  Result<int64_t> second = AppendChainedAudit(*db, Row("case:2"));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*second, 2);

  AuditRecord first = Row("case:1");
  first.id = 1;
  const std::string first_hash = AuditChainHash(kAuditGenesis, first);
  AuditRecord next = Row("case:2");
  next.id = 2;
  EXPECT_EQ(Query("SELECT hash FROM audit ORDER BY id"),
            first_hash + "\n" + AuditChainHash(first_hash, next) + "\n");
  Result<AuditChainCheck> check = CheckAuditChain(*db);
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check->rows, 2);
  EXPECT_FALSE(check->broken);
  EXPECT_EQ(check->head_hash, AuditChainHash(first_hash, next));
}

TEST_F(AuditRowsTest, MigrationElevenHashesTheRowsKeptBeforeItAndThenFreezesThem) {
  auto db = Open();
  std::vector<Migration> before_chain;
  for (const Migration& step : SchemaMigrations()) {
    if (step.version < 10) before_chain.push_back(step);
  }
  ASSERT_TRUE(Migrate(*db, before_chain).ok());
  ASSERT_TRUE(db->Exec("INSERT INTO audit (tenant, actor, at, action, target, outcome, client)"
                       " VALUES ('demo', 'anonymous', 0, 'POST /api/v1/session', 'login:x',"
                       " 'invalid_credentials', '10.0.0.7'),"
                       " ('demo', 'user:cerna', 60000, 'POST /api/v1/session', 'login:cerna',"
                       " 'ok', '10.0.0.7')",
                       "seed")
                  .ok());
  ASSERT_TRUE(Migrate(*db, SchemaMigrations()).ok());
  ASSERT_TRUE(AppendChainedAudit(*db, Row("case:1")).ok());

  Result<AuditChainCheck> check = CheckAuditChain(*db);
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check->rows, 3);
  EXPECT_FALSE(check->broken);
  EXPECT_NE(db->Exec("UPDATE audit SET outcome = 'ok' WHERE id = 1", "forge")
                .message()
                .find("append-only"),
            std::string::npos);
}

TEST_F(AuditRowsTest, TheWalkStopsAtTheFirstEditedRow) {
  auto db = Open();
  ASSERT_TRUE(Migrate(*db, SchemaMigrations()).ok());
  for (const char* target : {"case:1", "case:2", "case:3"}) {
    ASSERT_TRUE(AppendChainedAudit(*db, Row(target)).ok());
  }
  ASSERT_TRUE(db->Exec("DROP TRIGGER audit_no_update;"
                       "UPDATE audit SET target = 'case:9' WHERE id = 2",
                       "tamper")
                  .ok());
  Result<AuditChainCheck> check = CheckAuditChain(*db);
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check->rows, 1);
  ASSERT_TRUE(check->broken);
  EXPECT_EQ(check->broken->id, 2);
  EXPECT_EQ(check->broken->target, "case:9");
  EXPECT_EQ(check->missing_id, 0);
}

}  // namespace
}  // namespace souhra::sqlite
