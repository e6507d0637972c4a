// The in-memory store keeps every role's contract (tests/contracts/store_contract.h), and its
// queries are safe from other threads while the writer works.
#include "tests/fakes/memory_store.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>

#include "engine/audit_chain.h"
#include "tests/contracts/store_contract.h"

namespace souhra::contracts {
namespace {

Result<std::unique_ptr<Store>> OpenMemoryStore(const std::string&) {
  return std::unique_ptr<Store>(new testing::MemoryStore());
}

SOUHRA_STORE_CONTRACTS(Memory, (StoreImplementation{"memory", OpenMemoryStore}));

}  // namespace
}  // namespace souhra::contracts

namespace souhra::testing {
namespace {

TEST(MemoryStore, QueriesFromAnotherThreadSeeWholeCommits) {
  MemoryStore store;
  constexpr int kCases = 200;
  std::thread reader([&store] {
    size_t seen = 0;
    while (seen < static_cast<size_t>(kCases)) {
      CaseQuery query;
      query.tenant = "orp-kolin";
      query.limit = kCases;
      Result<std::vector<CaseRecord>> cases = store.ListCases(query);
      ASSERT_TRUE(cases.ok());
      ASSERT_GE(cases->size(), seen);    // commits only add
      ASSERT_EQ(cases->size() % 2, 0u);  // both cases of a commit, or neither
      seen = cases->size();
    }
  });
  for (int i = 0; i < kCases / 2; ++i) {
    Result<std::unique_ptr<WriteTxn>> txn = store.BeginWrite();
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE((*txn)->InsertCase(contracts::SampleCase()).ok());
    ASSERT_TRUE((*txn)->InsertCase(contracts::SampleCase()).ok());
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  reader.join();
}

TEST(MemoryStore, KeepsPausedDeadlinesAndTheAuditLogForTests) {
  MemoryStore store;
  Result<std::unique_ptr<WriteTxn>> txn = store.BeginWrite();
  ASSERT_TRUE(txn.ok());
  Result<CaseId> case_id = (*txn)->InsertCase(contracts::SampleCase());
  ASSERT_TRUE(case_id.ok());
  PausedDeadline paused;
  paused.instance_id = 1;
  paused.case_id = *case_id;
  paused.kind = "task";
  paused.key = "review";
  ASSERT_TRUE((*txn)->PutPausedDeadline(paused).ok());
  AuditRecord audit;
  audit.action = "POST /api/v1/cases";
  Result<int64_t> audit_id = (*txn)->AppendAudit(audit);
  ASSERT_TRUE(audit_id.ok());
  EXPECT_EQ(*audit_id, 1);
  EXPECT_TRUE(store.PausedDeadlines(*case_id).empty());  // not yet committed
  ASSERT_TRUE((*txn)->Commit().ok());
  ASSERT_EQ(store.PausedDeadlines(*case_id).size(), 1u);
  EXPECT_EQ(store.PausedDeadlines(*case_id)[0].key, "review");
  ASSERT_EQ(store.AuditLog().size(), 1u);
  EXPECT_EQ(store.AuditLog()[0].action, "POST /api/v1/cases");
  // Chained like the SQLite store's rows, so that tests of either see the same row.
  EXPECT_EQ(store.AuditLog()[0].hash, AuditChainHash(kAuditGenesis, store.AuditLog()[0]));
}

}  // namespace
}  // namespace souhra::testing
