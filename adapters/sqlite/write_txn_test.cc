// The SQLite write transaction: durability, foreign keys, the append-only log, the size of a
// case, ":memory:". What every store's WriteTxn does is its contract (tests/contracts/).
#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_test_fixture.h"

namespace souhra::sqlite {
namespace {

using WriteTxnTest = SqliteStoreTest;

TEST_F(WriteTxnTest, EventForAMissingCaseIsRefused) {
  auto txn = Begin();
  auto seq = txn->AppendEvent(SampleEvent(case_id_ + 100, "case.note"));
  EXPECT_EQ(seq.status().code(), StatusCode::kInternal);
}

TEST_F(WriteTxnTest, CommittedWritesSurviveReopening) {
  auto txn = Begin();
  ASSERT_TRUE(txn->AppendEvent(SampleEvent(case_id_, "kept")).ok());
  ASSERT_TRUE(txn->Commit().ok());
  Reopen();
  EXPECT_EQ(store_->ListEvents(case_id_)->size(), 1u);
  EXPECT_TRUE(store_->GetCase(case_id_)->has_value());
}

TEST_F(WriteTxnTest, EventsCannotBeUpdated) {
  auto txn = Begin();
  ASSERT_TRUE(txn->AppendEvent(SampleEvent(case_id_, "fixed")).ok());
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(RawQuery(dir_.File("souhra.db"), "UPDATE events SET type = 'forged'"),
            "error: the event log is append-only");
}

TEST_F(WriteTxnTest, EventsCannotBeDeleted) {
  auto txn = Begin();
  ASSERT_TRUE(txn->AppendEvent(SampleEvent(case_id_, "fixed")).ok());
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(RawQuery(dir_.File("souhra.db"), "DELETE FROM events"),
            "error: the event log is append-only");
  EXPECT_EQ(store_->ListEvents(case_id_)->size(), 1u);
}

TEST_F(WriteTxnTest, ACaseWithItsEventsTasksAndTimerStaysCompact) {
  auto txn = Begin();
  for (int i = 0; i < 200; ++i) {
    auto id = txn->InsertCase(SampleCase());
    ASSERT_TRUE(id.ok());
    auto instance = txn->InsertInstance(SampleInstance(*id));
    ASSERT_TRUE(instance.ok());
    for (int e = 0; e < 4; ++e)
      ASSERT_TRUE(txn->AppendEvent(SampleEvent(*id, "task.review.done")).ok());
    TaskRecord task;
    task.case_id = *id;
    task.instance_id = *instance;
    task.key = "review";
    task.title = "Přehodnotit individuální plán";
    task.assignee = "case_manager";
    task.due = At(3600);
    task.scope_state = "waiting";
    ASSERT_TRUE(txn->InsertTask(task).ok());
    ASSERT_TRUE(txn->InsertTask(task).ok());
    ASSERT_TRUE(txn->PutTimer({*instance, *id, "second_level", At(i), "escalated", false}).ok());
  }
  ASSERT_TRUE(txn->Commit().ok());
  // The web's sign-in and audit tables (migrations 6, 9, 10 and 11) hold nothing per case: their
  // empty pages are not a case's size.
  std::string bytes = RawQuery(dir_.File("souhra.db"),
                               "SELECT sum(pgsize) FROM dbstat WHERE name NOT LIKE 'sqlite_%'"
                               " AND name NOT IN ('sessions', 'sessions_by_user', 'api_tokens',"
                               " 'audit', 'audit_by_tenant', 'audit_by_target', 'api_tokens_by_id',"
                               " 'sign_in_failures', 'sign_in_failures_by_key',"
                               " 'sign_in_failures_by_time',"
                               " 'activation_requests', 'activation_requests_by_tenant')");
  if (bytes.rfind("error", 0) == 0) GTEST_SKIP() << "dbstat unavailable: " << bytes;
  EXPECT_LT(std::stoll(bytes) / 200, 2048) << bytes;
}

class MemoryStoreTest : public SqliteStoreTest {
 protected:
  SqliteOptions Options() override {
    SqliteOptions options;
    options.path = ":memory:";
    return options;
  }
};

TEST_F(MemoryStoreTest, InMemoryStoreRoundTripsAndRollsBack) {
  auto txn = Begin();
  ASSERT_TRUE(txn->AppendEvent(SampleEvent(case_id_, "kept")).ok());
  ASSERT_TRUE(txn->Commit().ok());
  txn = Begin();
  ASSERT_TRUE(txn->AppendEvent(SampleEvent(case_id_, "dropped")).ok());
  txn.reset();
  auto events = store_->ListEvents(case_id_);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].type, "kept");
  EXPECT_TRUE(store_->GetCase(case_id_)->has_value());
}

}  // namespace
}  // namespace souhra::sqlite
