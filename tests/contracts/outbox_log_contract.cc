// OutboxLog (engine/store.h) with the writes that fill it: delivery attempts, failed and
// refused messages, and the requeue of failed ones only.
#include <string>
#include <vector>

#include "tests/contracts/store_contract.h"

namespace souhra::contracts {
namespace {

// Queues `count` messages and returns them as stored, by id; empty if that fails.
std::vector<OutboxRecord> Queue(Store& store, CaseId case_id, InstanceId instance_id, int count) {
  Result<std::unique_ptr<WriteTxn>> txn = store.BeginWrite();
  if (!txn.ok()) return {};
  for (int i = 0; i < count; ++i) {
    if (!(*txn)->InsertOutbox(SampleMessage(case_id, instance_id, At(10 + i))).ok()) return {};
  }
  if (!(*txn)->Commit().ok()) return {};
  Result<std::vector<OutboxRecord>> queued = store.ListOutbox(case_id);
  return queued.ok() ? *queued : std::vector<OutboxRecord>();
}

TEST_P(OutboxLogContract, AttemptsAreKeptOldestFirstAndSetTheMessagesState) {
  std::vector<OutboxRecord> queued = Queue(*store_, case_id_, instance_id_, 2);
  ASSERT_EQ(queued.size(), 2u);
  OutboxRecord after = queued[0];
  after.attempts = 1;
  after.next_attempt = At(70);
  after.last_error = "unavailable: smtp down";
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(
        txn.RecordDeliveryAttempt({after.id, "email", At(10), false, after.last_error}, after)
            .ok());
  });
  after.status = OutboxStatus::kDelivered;
  after.attempts = 2;
  after.last_error = "";
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.RecordDeliveryAttempt({after.id, "email", At(70), true, ""}, after).ok());
  });
  Result<std::vector<DeliveryAttempt>> attempts = store_->ListDeliveryAttempts(after.id);
  ASSERT_TRUE(attempts.ok());
  ASSERT_EQ(attempts->size(), 2u);
  EXPECT_EQ((*attempts)[0].outbox_id, after.id);
  EXPECT_EQ((*attempts)[0].channel, "email");
  EXPECT_EQ((*attempts)[0].at, At(10));
  EXPECT_FALSE((*attempts)[0].ok);
  EXPECT_EQ((*attempts)[0].error, "unavailable: smtp down");
  EXPECT_TRUE((*attempts)[1].ok);
  EXPECT_TRUE(store_->ListDeliveryAttempts(queued[1].id)->empty());
  OutboxRecord stored = store_->ListOutbox(case_id_)->at(0);
  EXPECT_EQ(stored.status, OutboxStatus::kDelivered);
  EXPECT_EQ(stored.attempts, 2);
  EXPECT_EQ(stored.next_attempt, At(70));
  EXPECT_EQ(stored.last_error, "");
}

TEST_P(OutboxLogContract, AnAttemptOnAMissingMessageIsNotFound) {
  OutboxRecord ghost = SampleMessage(case_id_, instance_id_, At(1));
  ghost.id = 99;
  std::unique_ptr<WriteTxn> txn = Begin();
  EXPECT_EQ(txn->RecordDeliveryAttempt({99, "email", At(1), true, ""}, ghost).code(),
            StatusCode::kNotFound);
}

TEST_P(OutboxLogContract, FailedAndRefusedMessagesListById) {
  std::vector<OutboxRecord> queued = Queue(*store_, case_id_, instance_id_, 4);
  ASSERT_EQ(queued.size(), 4u);
  queued[0].status = OutboxStatus::kRefused;
  queued[1].status = OutboxStatus::kDelivered;
  queued[2].status = OutboxStatus::kFailed;
  Write([&](WriteTxn& txn) {
    for (int i : {2, 1, 0}) {
      ASSERT_TRUE(
          txn.RecordDeliveryAttempt({queued[i].id, "email", At(20), false, "x"}, queued[i]).ok());
    }
  });
  Result<std::vector<OutboxRecord>> failed = store_->ListFailedOutbox();
  ASSERT_TRUE(failed.ok());
  ASSERT_EQ(failed->size(), 2u);
  EXPECT_EQ((*failed)[0].id, queued[0].id);
  EXPECT_EQ((*failed)[0].status, OutboxStatus::kRefused);
  EXPECT_EQ((*failed)[1].id, queued[2].id);
  EXPECT_EQ((*failed)[1].status, OutboxStatus::kFailed);
}

TEST_P(OutboxLogContract, OnlyAFailedMessageIsQueuedAgain) {
  std::vector<OutboxRecord> queued = Queue(*store_, case_id_, instance_id_, 3);
  ASSERT_EQ(queued.size(), 3u);
  OutboxRecord failed = queued[0];
  failed.status = OutboxStatus::kFailed;
  failed.attempts = 8;
  failed.last_error = "unavailable: smtp down";
  OutboxRecord refused = queued[1];
  refused.status = OutboxStatus::kRefused;
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.RecordDeliveryAttempt({failed.id, "email", At(20), false, "x"}, failed).ok());
    ASSERT_TRUE(txn.RecordDeliveryAttempt({refused.id, "", At(20), false, "x"}, refused).ok());
  });
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.RequeueFailedOutbox(failed.id, At(500)).ok());
    EXPECT_EQ(txn.RequeueFailedOutbox(refused.id, At(500)).code(), StatusCode::kNotFound);
    EXPECT_EQ(txn.RequeueFailedOutbox(queued[2].id, At(500)).code(), StatusCode::kNotFound);
    EXPECT_EQ(txn.RequeueFailedOutbox(99, At(500)).code(), StatusCode::kNotFound);
  });
  OutboxRecord requeued = store_->ListOutbox(case_id_)->at(0);
  EXPECT_EQ(requeued.status, OutboxStatus::kPending);
  EXPECT_EQ(requeued.attempts, 0);
  EXPECT_EQ(requeued.next_attempt, At(500));
  Result<std::vector<OutboxRecord>> still_failed = store_->ListFailedOutbox();
  ASSERT_TRUE(still_failed.ok());
  ASSERT_EQ(still_failed->size(), 1u);
  EXPECT_EQ((*still_failed)[0].id, refused.id);
  Result<std::vector<OutboxRecord>> due = store_->DueOutbox(At(500), 10);
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 2u);
  EXPECT_EQ((*due)[0].id, queued[2].id);
  EXPECT_EQ((*due)[1].id, failed.id);
}

}  // namespace
}  // namespace souhra::contracts
