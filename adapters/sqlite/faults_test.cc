// I/O faults injected through the faulty VFS: each operation fails with kUnavailable, leaves
// nothing behind, and the store works again once the fault is gone.
#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_test_fixture.h"
#include "tests/fakes/faulty_vfs.h"

namespace souhra::sqlite {
namespace {

class FaultsTest : public SqliteStoreTest {
 protected:
  SqliteOptions Options() override {
    SqliteOptions options = SqliteStoreTest::Options();
    options.vfs = souhra::testing::RegisterFaultyVfs();
    return options;
  }
  void TearDown() override { souhra::testing::ClearFaults(); }

  // A transaction that writes one event and commits.
  Status WriteEvent(const std::string& type) {
    auto txn = store_->BeginWrite();
    if (!txn.ok()) return txn.status();
    auto seq = (*txn)->AppendEvent(SampleEvent(case_id_, type));
    if (!seq.ok()) return seq.status();
    return (*txn)->Commit();
  }

  std::vector<std::string> EventTypes() {
    std::vector<std::string> types;
    auto events = store_->ListEvents(case_id_);
    EXPECT_TRUE(events.ok()) << events.status().ToString();
    if (events.ok()) {
      for (const EventRecord& e : *events) types.push_back(e.type);
    }
    return types;
  }
};

TEST_F(FaultsTest, AFailedSyncFailsTheCommitAndLeavesNoRows) {
  souhra::testing::FailSync(1, SQLITE_IOERR_FSYNC);
  Status status = WriteEvent("unsynced");
  EXPECT_EQ(status.code(), StatusCode::kUnavailable);
  EXPECT_EQ(status.message().rfind("commit failed: ", 0), 0u) << status.message();
  EXPECT_GT(souhra::testing::GetFaultyVfsCounters().injected, 0);
  souhra::testing::ClearFaults();
  EXPECT_TRUE(EventTypes().empty());
  ASSERT_TRUE(WriteEvent("after").ok());
  EXPECT_EQ(EventTypes(), std::vector<std::string>{"after"});
}

TEST_F(FaultsTest, AFullDiskFailsTheWriteAndLeavesNoRows) {
  souhra::testing::FailWrite(1, SQLITE_FULL);
  Status status = WriteEvent("too_big");
  EXPECT_EQ(status.code(), StatusCode::kUnavailable);
  EXPECT_NE(status.message().find("database or disk is full"), std::string::npos)
      << status.message();
  souhra::testing::ClearFaults();
  EXPECT_TRUE(EventTypes().empty());
  ASSERT_TRUE(WriteEvent("after").ok());
  EXPECT_EQ(EventTypes(), std::vector<std::string>{"after"});
}

TEST_F(FaultsTest, AWriteErrorFailsWithUnavailable) {
  souhra::testing::FailWrite(1, SQLITE_IOERR_WRITE);
  EXPECT_EQ(WriteEvent("lost").code(), StatusCode::kUnavailable);
  souhra::testing::ClearFaults();
  EXPECT_TRUE(EventTypes().empty());
  EXPECT_TRUE(WriteEvent("after").ok());
}

TEST_F(FaultsTest, ABusyDatabaseRefusesToBeginAWrite) {
  souhra::testing::SetBusy(true);
  auto txn = store_->BeginWrite();
  EXPECT_EQ(txn.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(txn.status().message().find("begin write failed"), std::string::npos)
      << txn.status().ToString();
  EXPECT_TRUE(store_->GetCase(case_id_)->has_value());  // reads go on
  souhra::testing::ClearFaults();
  EXPECT_TRUE(WriteEvent("after").ok());
}

TEST_F(FaultsTest, AFaultMidTransactionEndsItWithoutPartialRows) {
  auto txn = Begin();
  ASSERT_TRUE(txn->Savepoint().ok());
  ASSERT_TRUE(txn->AppendEvent(SampleEvent(case_id_, "first")).ok());
  ASSERT_TRUE(txn->ReleaseSavepoint().ok());
  souhra::testing::FailWrite(1, SQLITE_FULL);
  EXPECT_EQ(txn->Commit().code(), StatusCode::kUnavailable);
  EXPECT_EQ(txn->AppendEvent(SampleEvent(case_id_, "second")).status().code(),
            StatusCode::kUnavailable);
  txn.reset();
  souhra::testing::ClearFaults();
  EXPECT_TRUE(EventTypes().empty());
  EXPECT_TRUE(WriteEvent("after").ok());
}

// Runs the same write with a sync fault at every position until one runs clean; after each,
// either the whole transaction is there or none of it. The fault must have fired at each of the
// clean run's syncs (a commit syncs the WAL at least once).
TEST_F(FaultsTest, EverySyncFaultPositionLeavesAllOrNothing) {
  int positions = 0;  // positions at which the fault fired
  for (int nth = 1;; ++nth) {
    const souhra::testing::FaultyVfsCounters before = souhra::testing::GetFaultyVfsCounters();
    souhra::testing::FailSync(nth, SQLITE_IOERR_FSYNC);
    auto txn = store_->BeginWrite();
    Status status = txn.status();
    if (txn.ok()) {
      std::string type = "event_" + std::to_string(nth);
      status = (*txn)->AppendEvent(SampleEvent(case_id_, type)).status();
      if (status.ok())
        status = (*txn)->PutTimer({instance_id_, case_id_, type, At(nth), "", false});
      if (status.ok()) status = (*txn)->Commit();
    }
    souhra::testing::ClearFaults();
    auto events = store_->ListEvents(case_id_);
    auto timers = store_->ListTimers(case_id_);
    ASSERT_TRUE(events.ok()) << events.status().ToString();
    ASSERT_TRUE(timers.ok()) << timers.status().ToString();
    ASSERT_EQ(events->size(), timers->size()) << "fault at sync " << nth;
    const souhra::testing::FaultyVfsCounters after = souhra::testing::GetFaultyVfsCounters();
    if (after.injected == before.injected) {
      ASSERT_TRUE(status.ok()) << status.ToString();
      const int64_t clean_syncs = after.syncs - before.syncs;
      EXPECT_GE(clean_syncs, 1);
      EXPECT_EQ(positions, clean_syncs);
      break;
    }
    ++positions;
    EXPECT_EQ(status.code(), StatusCode::kUnavailable) << status.ToString();
    ASSERT_LT(nth, 20) << "a sync fault never stopped firing";
  }
}

}  // namespace
}  // namespace souhra::sqlite
