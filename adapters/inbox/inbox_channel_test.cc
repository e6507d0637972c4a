// The in-app inbox: delivered through the dispatcher, idempotent on the delivery key, unread
// first, counted and marked read per user.
#include "adapters/inbox/inbox_channel.h"

#include <gtest/gtest.h>

#include <memory>

#include "adapters/sqlite/sqlite_store.h"
#include "engine/notify/outbox_dispatcher.h"
#include "engine/time/working_calendar.h"
#include "tests/fakes/fake_clock.h"
#include "tests/fakes/temp_dir.h"
#include "tests/outbox_workflows.h"

namespace souhra {
namespace {

const Instant kStart = FromMillis(1775116800000);

class InboxChannelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    calendar_ = std::move(WorkingCalendar::Create().value());
    SqliteOptions options;
    options.path = dir_.File("souhra.db");
    store_ = std::move(OpenSqliteStore(options).value());
    engine_ = std::make_unique<Engine>(*store_, clock_, *calendar_);
    testing::InstallOutboxWorkflows(*engine_);
    inbox_ = std::make_unique<InboxChannel>(*engine_);
    Result<Applied> created =
        engine_->CreateCase({"demo", "K-7", "notifying", testing::PeopleData()});
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    case_id_ = created->case_id;
  }

  Delivery ToNovak(const std::string& key) {
    Delivery d;
    d.key = key;
    d.tenant = "demo";
    d.case_id = case_id_;
    d.login = "novak";
    d.template_name = "poked";
    d.payload = {{"case_code", "K-7"}};
    return d;
  }

  Status MarkRead(const std::string& login, int64_t id) {
    return engine_->Write(
        [&](WriteTxn& txn, Instant now) { return txn.MarkInboxRead("demo", login, id, now); });
  }

  std::vector<InboxMessage> InboxOf(const std::string& login) {
    return *store_->ListInbox("demo", login, 50);
  }

  testing::TempDir dir_;
  FakeClock clock_{kStart};
  std::unique_ptr<WorkingCalendar> calendar_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<InboxChannel> inbox_;
  CaseId case_id_ = 0;
};

TEST_F(InboxChannelTest, ADispatchedMessageReachesTheRoleHolderLinkedToCaseAndTask) {
  OutboxDispatcher dispatcher(*store_, *engine_, clock_, {inbox_.get()}, "inbox");
  EventRequest overdue;
  overdue.case_id = case_id_;
  overdue.type = "task.review.overdue";
  ASSERT_TRUE(engine_->Submit(overdue).ok());
  ASSERT_EQ(*dispatcher.DeliverDue(), 1);

  std::vector<InboxMessage> inbox = InboxOf("novak");
  ASSERT_EQ(inbox.size(), 1u);
  EXPECT_EQ(inbox[0].case_id, case_id_);
  EXPECT_EQ(inbox[0].task_key, "review");
  EXPECT_EQ(inbox[0].template_name, "poked");
  EXPECT_EQ(inbox[0].payload["event"], "task.review.overdue");
  EXPECT_EQ(inbox[0].delivery_key,
            "outbox-" + std::to_string(store_->ListOutbox(case_id_)->at(0).id));
  EXPECT_EQ(inbox[0].created, kStart);
  EXPECT_FALSE(inbox[0].read.has_value());
  EXPECT_TRUE(InboxOf("dvorak").empty());
}

TEST_F(InboxChannelTest, RedeliveryOfTheSameKeyAddsNothing) {
  ASSERT_TRUE(inbox_->Deliver(ToNovak("outbox-1")).ok());
  ASSERT_TRUE(inbox_->Deliver(ToNovak("outbox-1")).ok());
  EXPECT_EQ(InboxOf("novak").size(), 1u);
  EXPECT_EQ(*store_->CountUnreadInbox("demo", "novak"), 1);
}

TEST_F(InboxChannelTest, ADeliveryWhoseRecordWasLostIsNotDuplicated) {
  EventRequest poke;
  poke.case_id = case_id_;
  poke.type = "poke";
  ASSERT_TRUE(engine_->Submit(poke).ok());
  const int64_t outbox_id = store_->ListOutbox(case_id_)->at(0).id;
  // An earlier process delivered the message and died before recording the attempt.
  Delivery earlier = ToNovak("outbox-" + std::to_string(outbox_id));
  earlier.login = "dvorak";
  ASSERT_TRUE(inbox_->Deliver(earlier).ok());

  OutboxDispatcher dispatcher(*store_, *engine_, clock_, {inbox_.get()}, "inbox");
  ASSERT_EQ(*dispatcher.DeliverDue(), 1);
  EXPECT_EQ(InboxOf("dvorak").size(), 1u);
  EXPECT_EQ(store_->ListOutbox(case_id_)->at(0).status, OutboxStatus::kDelivered);
}

TEST_F(InboxChannelTest, UnreadComeFirstAndMarkingReadCountsDown) {
  for (const char* key : {"outbox-1", "outbox-2", "outbox-3"}) {
    ASSERT_TRUE(inbox_->Deliver(ToNovak(key)).ok());
  }
  EXPECT_EQ(*store_->CountUnreadInbox("demo", "novak"), 3);
  const int64_t second = InboxOf("novak")[1].id;
  clock_.Advance(std::chrono::minutes(5));
  ASSERT_TRUE(MarkRead("novak", second).ok());
  EXPECT_EQ(*store_->CountUnreadInbox("demo", "novak"), 2);

  std::vector<InboxMessage> inbox = InboxOf("novak");
  ASSERT_EQ(inbox.size(), 3u);
  EXPECT_EQ(inbox[0].delivery_key, "outbox-3");
  EXPECT_EQ(inbox[1].delivery_key, "outbox-1");
  EXPECT_EQ(inbox[2].delivery_key, "outbox-2");
  EXPECT_EQ(inbox[2].read, kStart + std::chrono::minutes(5));

  clock_.Advance(std::chrono::minutes(5));
  ASSERT_TRUE(MarkRead("novak", second).ok());
  EXPECT_EQ(InboxOf("novak")[2].read, kStart + std::chrono::minutes(5));
}

TEST_F(InboxChannelTest, NobodyMarksAnotherUsersMessageRead) {
  ASSERT_TRUE(inbox_->Deliver(ToNovak("outbox-1")).ok());
  const int64_t id = InboxOf("novak")[0].id;
  EXPECT_EQ(MarkRead("dvorak", id).code(), StatusCode::kNotFound);
  EXPECT_EQ(*store_->CountUnreadInbox("demo", "novak"), 1);
}

}  // namespace
}  // namespace souhra
