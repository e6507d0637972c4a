#include "tests/contracts/audit_log_contract.h"

#include "engine/audit_chain.h"

namespace souhra::contracts {
namespace {

AuditRecord Row(const std::string& tenant, const std::string& action, const std::string& target,
                int64_t at_seconds) {
  AuditRecord row;
  row.tenant = tenant;
  row.actor = "user:novakova";
  row.at = FromMillis(1775030400000 + at_seconds * 1000);
  row.action = action;
  row.target = target;
  row.outcome = "ok";
  row.client = "10.0.0.7";
  return row;
}

constexpr char kRead[] = "GET /api/v1/cases/{id}";
constexpr char kEvent[] = "POST /api/v1/cases/{id}/events";

TEST_P(AuditLogContract, RowsAreChainedByHashFromTheGenesisWithConsecutiveIds) {
  Result<std::unique_ptr<WriteTxn>> txn = parts_.store->BeginWrite();
  ASSERT_TRUE(txn.ok());
  for (int i = 0; i < 3; ++i) {
    Result<int64_t> id = (*txn)->AppendAudit(Row("demo", kRead, "case:1", i));
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    EXPECT_EQ(*id, i + 1);
  }
  ASSERT_TRUE((*txn)->Commit().ok());
  Result<std::vector<AuditRecord>> rows = parts_.access->ListAudit("demo", 0, 10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  std::string previous = kAuditGenesis;
  for (auto row = rows->rbegin(); row != rows->rend(); ++row) {
    EXPECT_EQ(row->hash, AuditChainHash(previous, *row)) << "row " << row->id;
    previous = row->hash;
  }
}

TEST_P(AuditLogContract, ARowRolledBackWithItsSavepointLeavesNoGapInTheChain) {
  Result<std::unique_ptr<WriteTxn>> txn = parts_.store->BeginWrite();
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE((*txn)->AppendAudit(Row("demo", kEvent, "case:1", 0)).ok());
  ASSERT_TRUE((*txn)->Savepoint().ok());
  ASSERT_TRUE((*txn)->AppendAudit(Row("demo", kEvent, "case:2", 1)).ok());
  ASSERT_TRUE((*txn)->RollbackToSavepoint().ok());
  Result<int64_t> after = (*txn)->AppendAudit(Row("demo", kEvent, "case:3", 2));
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*after, 2);
  ASSERT_TRUE((*txn)->Commit().ok());
  Result<std::vector<AuditRecord>> rows = parts_.access->ListAudit("demo", 0, 10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].target, "case:3");
  EXPECT_EQ((*rows)[0].hash, AuditChainHash((*rows)[1].hash, (*rows)[0]));
}

TEST_P(AuditLogContract, TheChainSpansTenantsAndTransactions) {
  for (const char* tenant : {"demo", "jina", "", "demo"}) {
    Result<std::unique_ptr<WriteTxn>> txn = parts_.store->BeginWrite();
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE((*txn)->AppendAudit(Row(tenant, kEvent, "case:1", 0)).ok());
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  Result<std::vector<AuditRecord>> demo = parts_.access->ListAudit("demo", 0, 10);
  Result<std::vector<AuditRecord>> none = parts_.access->ListAudit("", 0, 10);
  ASSERT_TRUE(demo.ok());
  ASSERT_TRUE(none.ok());
  ASSERT_EQ(demo->size(), 2u);
  ASSERT_EQ(none->size(), 1u);
  EXPECT_EQ((*demo)[0].id, 4);
  EXPECT_EQ((*none)[0].id, 3);
  EXPECT_EQ((*demo)[0].hash, AuditChainHash((*none)[0].hash, (*demo)[0]));
}

TEST_P(AuditLogContract, ListAuditOfFindsOneActionOnOneTargetOfTheTenantNewestFirst) {
  Result<std::unique_ptr<WriteTxn>> txn = parts_.store->BeginWrite();
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE((*txn)->AppendAudit(Row("demo", kRead, "case:1", 0)).ok());
  ASSERT_TRUE((*txn)->AppendAudit(Row("demo", kRead, "case:12", 1)).ok());
  ASSERT_TRUE((*txn)->AppendAudit(Row("demo", kEvent, "case:1", 2)).ok());
  ASSERT_TRUE((*txn)->AppendAudit(Row("jina", kRead, "case:1", 3)).ok());
  ASSERT_TRUE((*txn)->AppendAudit(Row("demo", kRead, "case:1", 4)).ok());
  ASSERT_TRUE((*txn)->AppendAudit(Row("demo", kRead, "case:1", 5)).ok());
  ASSERT_TRUE((*txn)->Commit().ok());
  Result<std::vector<AuditRecord>> reads = parts_.access->ListAuditOf("demo", kRead, "case:1", 10);
  ASSERT_TRUE(reads.ok()) << reads.status().ToString();
  ASSERT_EQ(reads->size(), 3u);
  EXPECT_EQ((*reads)[0].id, 6);
  EXPECT_EQ((*reads)[1].id, 5);
  EXPECT_EQ((*reads)[2].id, 1);
  Result<std::vector<AuditRecord>> newest = parts_.access->ListAuditOf("demo", kRead, "case:1", 2);
  ASSERT_TRUE(newest.ok());
  EXPECT_EQ(newest->size(), 2u);
  Result<std::vector<AuditRecord>> none = parts_.access->ListAuditOf("demo", kRead, "case:7", 10);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace souhra::contracts
