// Inbox (engine/store.h) with the writes that fill it: idempotent delivery, unread first,
// marking read.
#include <string>
#include <vector>

#include "tests/contracts/store_contract.h"

namespace souhra::contracts {
namespace {

InboxMessage Message(CaseId case_id, const std::string& key) {
  InboxMessage m;
  m.delivery_key = key;
  m.tenant = "orp-kolin";
  m.login = "novak";
  m.case_id = case_id;
  m.task_key = "review";
  m.template_name = "task_assigned";
  m.payload = Json{{"title", "Přehodnotit plán"}};
  m.created = At(10);
  return m;
}

std::vector<std::string> Keys(Store& store, int limit) {
  std::vector<std::string> keys;
  Result<std::vector<InboxMessage>> inbox = store.ListInbox("orp-kolin", "novak", limit);
  EXPECT_TRUE(inbox.ok()) << inbox.status().ToString();
  if (inbox.ok()) {
    for (const InboxMessage& m : *inbox) keys.push_back(m.delivery_key);
  }
  return keys;
}

TEST_P(InboxContract, ARepeatedDeliveryAddsNothing) {
  InboxMessage m;
  m.delivery_key = "outbox-1";
  m.tenant = "orp-kolin";
  m.login = "novak";
  m.case_id = case_id_;
  m.template_name = "task_assigned";
  m.payload = Json{{"title", "první"}};
  m.created = At(10);
  InboxMessage again = m;
  again.payload = Json{{"title", "druhá"}};
  InboxMessage colleague = m;
  colleague.login = "svoboda";
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.InsertInboxMessage(m).ok());
    ASSERT_TRUE(txn.InsertInboxMessage(again).ok());
    ASSERT_TRUE(txn.InsertInboxMessage(colleague).ok());
  });
  Write([&](WriteTxn& txn) { ASSERT_TRUE(txn.InsertInboxMessage(again).ok()); });
  Result<std::vector<InboxMessage>> inbox = store_->ListInbox("orp-kolin", "novak", 100);
  ASSERT_TRUE(inbox.ok());
  ASSERT_EQ(inbox->size(), 1u);
  const InboxMessage& got = (*inbox)[0];
  EXPECT_GT(got.id, 0);
  EXPECT_EQ(got.delivery_key, "outbox-1");
  EXPECT_EQ(got.case_id, case_id_);
  EXPECT_EQ(got.template_name, "task_assigned");
  EXPECT_EQ(got.payload, m.payload);
  EXPECT_EQ(got.created, At(10));
  EXPECT_FALSE(got.read.has_value());
  EXPECT_EQ(store_->ListInbox("orp-kolin", "svoboda", 100)->size(), 1u);
}

TEST_P(InboxContract, UnreadComeFirstThenNewestFirstUpToTheLimit) {
  std::vector<int64_t> ids;
  Write([&](WriteTxn& txn) {
    for (const char* key : {"a", "b", "c", "d"}) {
      ASSERT_TRUE(txn.InsertInboxMessage(Message(case_id_, key)).ok());
    }
  });
  Result<std::vector<InboxMessage>> all = store_->ListInbox("orp-kolin", "novak", 100);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 4u);
  for (const InboxMessage& m : *all) ids.push_back(m.id);  // d, c, b, a
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.MarkInboxRead("orp-kolin", "novak", ids[0], At(20)).ok());  // d
    ASSERT_TRUE(txn.MarkInboxRead("orp-kolin", "novak", ids[3], At(20)).ok());  // a
  });
  EXPECT_EQ(Keys(*store_, 100), (std::vector<std::string>{"c", "b", "d", "a"}));
  EXPECT_EQ(Keys(*store_, 3), (std::vector<std::string>{"c", "b", "d"}));
  EXPECT_EQ(*store_->CountUnreadInbox("orp-kolin", "novak"), 2);
  EXPECT_EQ(*store_->CountUnreadInbox("orp-kolin", "nobody"), 0);
  EXPECT_EQ(*store_->CountUnreadInbox("orp-beroun", "novak"), 0);
}

TEST_P(InboxContract, MarkingReadKeepsTheFirstTimeAndOnlyForItsOwner) {
  Write([&](WriteTxn& txn) { ASSERT_TRUE(txn.InsertInboxMessage(Message(case_id_, "a")).ok()); });
  const int64_t id = store_->ListInbox("orp-kolin", "novak", 1)->at(0).id;
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.MarkInboxRead("orp-kolin", "novak", id, At(20)).ok());
    ASSERT_TRUE(txn.MarkInboxRead("orp-kolin", "novak", id, At(30)).ok());
    EXPECT_EQ(txn.MarkInboxRead("orp-kolin", "svoboda", id, At(30)).code(), StatusCode::kNotFound);
    EXPECT_EQ(txn.MarkInboxRead("orp-beroun", "novak", id, At(30)).code(), StatusCode::kNotFound);
    EXPECT_EQ(txn.MarkInboxRead("orp-kolin", "novak", id + 100, At(30)).code(),
              StatusCode::kNotFound);
  });
  EXPECT_EQ(store_->ListInbox("orp-kolin", "novak", 1)->at(0).read, At(20));
}

}  // namespace
}  // namespace souhra::contracts
