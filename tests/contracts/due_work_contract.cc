// DueWork (engine/store.h): what the scheduler and the dispatcher find due.
#include <string>
#include <vector>

#include "tests/contracts/store_contract.h"

namespace souhra::contracts {
namespace {

std::vector<std::string> Keys(const std::vector<TimerRecord>& timers) {
  std::vector<std::string> keys;
  for (const TimerRecord& t : timers) keys.push_back(t.key);
  return keys;
}

TEST_P(DueWorkContract, DueTimersAreEarliestFirstUpToNowAndLimit) {
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.PutTimer(Timer("c", 30, "waiting")).ok());
    ASSERT_TRUE(txn.PutTimer(Timer("a", 10, "waiting")).ok());
    ASSERT_TRUE(txn.PutTimer(Timer("later", 1000, "waiting")).ok());
    ASSERT_TRUE(txn.PutTimer(Timer("b", 20, "waiting")).ok());
  });
  Result<std::vector<TimerRecord>> due = store_->DueTimers(At(30), 10);
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(Keys(*due), (std::vector<std::string>{"a", "b", "c"}));
  Result<std::vector<TimerRecord>> first_two = store_->DueTimers(At(1000), 2);
  ASSERT_TRUE(first_two.ok());
  EXPECT_EQ(Keys(*first_two), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(store_->DueTimers(At(9), 10)->empty());
}

TEST_P(DueWorkContract, DueTimersAtTheSameTimeComeByInstanceThenKey) {
  Write([&](WriteTxn& txn) {
    Result<InstanceId> second = txn.InsertInstance(SampleInstance(case_id_));
    ASSERT_TRUE(second.ok());
    TimerRecord first_of_second = Timer("a", 10, "waiting");
    first_of_second.instance_id = *second;
    ASSERT_TRUE(txn.PutTimer(first_of_second).ok());
    ASSERT_TRUE(txn.PutTimer(Timer("z", 10, "waiting")).ok());
    ASSERT_TRUE(txn.PutTimer(Timer("y", 10, "waiting")).ok());
  });
  Result<std::vector<TimerRecord>> due = store_->DueTimers(At(10), 10);
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(Keys(*due), (std::vector<std::string>{"y", "z", "a"}));
}

TEST_P(DueWorkContract, DueOutboxIsPendingMessagesByNextAttemptUpToNowAndLimit) {
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.InsertOutbox(SampleMessage(case_id_, instance_id_, At(30))).ok());
    ASSERT_TRUE(txn.InsertOutbox(SampleMessage(case_id_, instance_id_, At(10))).ok());
    ASSERT_TRUE(txn.InsertOutbox(SampleMessage(case_id_, instance_id_, At(10))).ok());
    ASSERT_TRUE(txn.InsertOutbox(SampleMessage(case_id_, instance_id_, At(500))).ok());
  });
  std::vector<OutboxRecord> all = *store_->ListOutbox(case_id_);
  ASSERT_EQ(all.size(), 4u);
  // The first one is sent and the second waits for a retry: neither is due at 30 any more.
  OutboxRecord sent = all[0];
  sent.status = OutboxStatus::kDelivered;
  OutboxRecord retry = all[1];
  retry.attempts = 1;
  retry.next_attempt = At(400);
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.RecordDeliveryAttempt({sent.id, "email", At(31), true, ""}, sent).ok());
    ASSERT_TRUE(txn.RecordDeliveryAttempt({retry.id, "email", At(31), false, "x"}, retry).ok());
  });
  Result<std::vector<OutboxRecord>> due = store_->DueOutbox(At(30), 10);
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].id, all[2].id);
  Result<std::vector<OutboxRecord>> later = store_->DueOutbox(At(1000), 10);
  ASSERT_TRUE(later.ok());
  ASSERT_EQ(later->size(), 3u);
  EXPECT_EQ((*later)[0].id, all[2].id);
  EXPECT_EQ((*later)[1].id, all[1].id);
  EXPECT_EQ((*later)[2].id, all[3].id);
  EXPECT_EQ(store_->DueOutbox(At(1000), 2)->size(), 2u);
}

}  // namespace
}  // namespace souhra::contracts
