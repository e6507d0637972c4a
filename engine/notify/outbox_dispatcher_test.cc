// The outbox dispatcher against a real SQLite file and a virtual clock: delivered once with a
// stable key, retried with backoff, failed and requeued, nothing for a rolled-back event.
#include "engine/notify/outbox_dispatcher.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engine/time/working_calendar.h"
#include "tests/fakes/fake_clock.h"
#include "tests/fakes/memory_store.h"
#include "tests/fakes/recording_notifier.h"
#include "tests/outbox_workflows.h"

namespace souhra {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;

const Instant kStart = FromMillis(1775116800000);  // Thursday 2 April 2026, 10:00 in Prague

class OutboxDispatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    calendar_ = std::move(WorkingCalendar::Create().value());
    store_ = std::make_unique<testing::MemoryStore>();
    engine_ = std::make_unique<Engine>(*store_, clock_, *calendar_);
    testing::InstallOutboxWorkflows(*engine_);
    Use(DispatchOptions{});
  }

  void Use(DispatchOptions options) {
    dispatcher_ = std::make_unique<OutboxDispatcher>(
        *store_, *engine_, clock_, std::vector<Notifier*>{&channel_}, "inbox", options);
  }

  CaseId NewCase(const Json& data) {
    Result<Applied> created =
        engine_->CreateCase({"demo", "K-" + std::to_string(++cases_), "notifying", data});
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? created->case_id : 0;
  }

  Result<Applied> Poke(CaseId id) {
    EventRequest poke;
    poke.case_id = id;
    poke.type = "poke";
    return engine_->Submit(poke);
  }

  int DeliverDue() {
    Result<int> sent = dispatcher_->DeliverDue();
    EXPECT_TRUE(sent.ok()) << sent.status().ToString();
    return sent.ok() ? *sent : -1;
  }

  OutboxRecord OnlyMessage(CaseId id) {
    std::vector<OutboxRecord> outbox = *store_->ListOutbox(id);
    EXPECT_EQ(outbox.size(), 1u);
    return outbox.empty() ? OutboxRecord{} : outbox[0];
  }

  FakeClock clock_{kStart};
  std::unique_ptr<WorkingCalendar> calendar_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Engine> engine_;
  testing::RecordingNotifier channel_{"inbox"};
  std::unique_ptr<OutboxDispatcher> dispatcher_;
  int cases_ = 0;
};

TEST_F(OutboxDispatcherTest, DeliversAMessageOnceWithAStableKey) {
  CaseId id = NewCase(testing::PeopleData());
  ASSERT_TRUE(Poke(id).ok());
  EXPECT_EQ(DeliverDue(), 1);
  EXPECT_EQ(DeliverDue(), 0);

  ASSERT_EQ(channel_.delivered().size(), 1u);
  const Delivery& sent = channel_.delivered()[0];
  const OutboxRecord message = OnlyMessage(id);
  EXPECT_EQ(sent.key, "outbox-" + std::to_string(message.id));
  EXPECT_EQ(sent.tenant, "demo");
  EXPECT_EQ(sent.case_id, id);
  EXPECT_EQ(sent.login, "dvorak");
  EXPECT_EQ(sent.template_name, "poked");
  EXPECT_EQ(sent.payload["case_code"], "K-1");
  EXPECT_EQ(message.status, OutboxStatus::kDelivered);
  std::vector<DeliveryAttempt> attempts = *store_->ListDeliveryAttempts(message.id);
  ASSERT_EQ(attempts.size(), 1u);
  EXPECT_TRUE(attempts[0].ok);
  EXPECT_EQ(attempts[0].channel, "inbox");
  EXPECT_EQ(attempts[0].at, kStart);
}

TEST_F(OutboxDispatcherTest, RetriesAFailingChannelWithExponentialBackoff) {
  channel_.FailNext(3);
  CaseId id = NewCase(testing::PeopleData());
  ASSERT_TRUE(Poke(id).ok());
  EXPECT_EQ(DeliverDue(), 1);  // fails; next in 1 min
  clock_.Advance(minutes(1) - milliseconds(1));
  EXPECT_EQ(DeliverDue(), 0);
  clock_.Advance(milliseconds(1));
  EXPECT_EQ(DeliverDue(), 1);  // fails; next in 2 min
  clock_.Advance(minutes(2) - milliseconds(1));
  EXPECT_EQ(DeliverDue(), 0);
  clock_.Advance(milliseconds(1));
  EXPECT_EQ(DeliverDue(), 1);  // fails; next in 4 min
  clock_.Advance(minutes(4));
  EXPECT_EQ(DeliverDue(), 1);  // delivered

  const OutboxRecord message = OnlyMessage(id);
  EXPECT_EQ(message.status, OutboxStatus::kDelivered);
  EXPECT_EQ(message.attempts, 4);
  EXPECT_EQ(message.last_error, "");
  std::vector<DeliveryAttempt> attempts = *store_->ListDeliveryAttempts(message.id);
  ASSERT_EQ(attempts.size(), 4u);
  const Instant expected_at[] = {kStart, kStart + minutes(1), kStart + minutes(3),
                                 kStart + minutes(7)};
  for (size_t i = 0; i < attempts.size(); ++i) {
    EXPECT_EQ(attempts[i].at, expected_at[i]) << "attempt " << i + 1;
    EXPECT_EQ(attempts[i].ok, i == 3) << "attempt " << i + 1;
  }
  EXPECT_EQ(attempts[0].error, "unavailable: channel 'inbox' is down");
  ASSERT_EQ(channel_.attempts().size(), 4u);
  for (const Delivery& d : channel_.attempts()) EXPECT_EQ(d.key, channel_.attempts()[0].key);
}

// A failure used to leave no line in the server's log: an operator saw only the backlog grow.
TEST_F(OutboxDispatcherTest, EachFailedAttemptIsOneLogLineAndASuccessNone) {
  std::vector<std::string> lines;
  DispatchOptions options;
  options.max_attempts = 2;
  options.log = [&lines](const std::string& line) { lines.push_back(line); };
  Use(options);
  channel_.FailNext(2);
  CaseId id = NewCase(testing::PeopleData());
  ASSERT_TRUE(Poke(id).ok());
  EXPECT_EQ(DeliverDue(), 1);
  clock_.Advance(minutes(1));
  EXPECT_EQ(DeliverDue(), 1);
  const std::string message = std::to_string(OnlyMessage(id).id);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "outbox delivery failed: message=" + message +
                          " case=K-1 recipient=\"coordinator\" channel=inbox attempt=1 of=2 "
                          "next_attempt=2026-04-02T08:01:00.000Z "
                          "error=\"unavailable: channel 'inbox' is down\"");
  EXPECT_NE(lines[1].find(" attempt=2 of=2 final=failed error="), std::string::npos) << lines[1];

  lines.clear();
  CaseId delivered = NewCase(testing::PeopleData());
  ASSERT_TRUE(Poke(delivered).ok());
  EXPECT_EQ(DeliverDue(), 1);
  EXPECT_TRUE(lines.empty());
}

TEST_F(OutboxDispatcherTest, BackoffDoublesUpToItsCap) {
  DispatchOptions options;
  options.first_backoff = minutes(1);
  options.max_backoff = minutes(10);
  EXPECT_EQ(BackoffAfter(1, options), minutes(1));
  EXPECT_EQ(BackoffAfter(2, options), minutes(2));
  EXPECT_EQ(BackoffAfter(4, options), minutes(8));
  EXPECT_EQ(BackoffAfter(5, options), minutes(10));
  EXPECT_EQ(BackoffAfter(60, options), minutes(10));
}

TEST_F(OutboxDispatcherTest, GivesUpAfterMaxAttemptsUntilAnAdministratorRequeuesIt) {
  DispatchOptions options;
  options.max_attempts = 2;
  Use(options);
  channel_.FailNext(100);
  CaseId id = NewCase(testing::PeopleData());
  ASSERT_TRUE(Poke(id).ok());
  EXPECT_EQ(DeliverDue(), 1);
  clock_.Advance(minutes(1));
  EXPECT_EQ(DeliverDue(), 1);
  clock_.Advance(std::chrono::hours(24));
  EXPECT_EQ(DeliverDue(), 0);  // failed messages are not retried by themselves

  std::vector<OutboxRecord> failed = *store_->ListFailedOutbox();
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].case_id, id);
  EXPECT_EQ(failed[0].status, OutboxStatus::kFailed);
  EXPECT_EQ(failed[0].attempts, 2);
  EXPECT_EQ(failed[0].last_error, "unavailable: channel 'inbox' is down");

  channel_.FailNext(0);
  ASSERT_TRUE(RequeueFailedMessage(*engine_, failed[0].id).ok());
  EXPECT_TRUE(store_->ListFailedOutbox()->empty());
  EXPECT_EQ(DeliverDue(), 1);
  EXPECT_EQ(channel_.delivered().size(), 1u);
  EXPECT_EQ(OnlyMessage(id).status, OutboxStatus::kDelivered);
  EXPECT_EQ(store_->ListDeliveryAttempts(failed[0].id)->size(), 3u);
}

TEST_F(OutboxDispatcherTest, ARecipientTheChannelRefusesFailsAtOnceWithoutRetries) {
  channel_.FailNext(100, StatusCode::kPermissionDenied);
  CaseId id = NewCase(testing::PeopleData());
  ASSERT_TRUE(Poke(id).ok());
  EXPECT_EQ(DeliverDue(), 1);
  clock_.Advance(std::chrono::hours(24));
  EXPECT_EQ(DeliverDue(), 0);
  EXPECT_EQ(channel_.attempts().size(), 1u);
  std::vector<OutboxRecord> failed = *store_->ListFailedOutbox();
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].status, OutboxStatus::kFailed);
  EXPECT_EQ(failed[0].attempts, 1);
  EXPECT_EQ(failed[0].last_error, "permission_denied: refused");
}

TEST_F(OutboxDispatcherTest, OnlyAFailedMessageCanBeRequeued) {
  CaseId id = NewCase(testing::PeopleData());
  ASSERT_TRUE(Poke(id).ok());
  Status pending = RequeueFailedMessage(*engine_, OnlyMessage(id).id);
  EXPECT_EQ(pending.code(), StatusCode::kNotFound);
  EXPECT_NE(pending.message().find("failed outbox message"), std::string::npos)
      << pending.message();
  EXPECT_EQ(RequeueFailedMessage(*engine_, 999).code(), StatusCode::kNotFound);
  EXPECT_TRUE(store_->ListIncidents(false)->empty());
}

TEST_F(OutboxDispatcherTest, ARolledBackEventLeavesNoMessage) {
  Json data = testing::PeopleData();
  data["broken"] = true;
  CaseId id = NewCase(data);
  Result<Applied> poked = Poke(id);
  ASSERT_EQ(poked.status().code(), StatusCode::kScriptError) << poked.status().ToString();
  EXPECT_TRUE(store_->ListOutbox(id)->empty());
  EXPECT_EQ(DeliverDue(), 0);
  EXPECT_TRUE(channel_.attempts().empty());
}

TEST_F(OutboxDispatcherTest, ARoleNobodyHoldsFailsTheAttemptWithTheReason) {
  CaseId id = NewCase(Json::object());
  ASSERT_TRUE(Poke(id).ok());
  EXPECT_EQ(DeliverDue(), 1);
  EXPECT_TRUE(channel_.attempts().empty());
  const OutboxRecord message = OnlyMessage(id);
  EXPECT_EQ(message.status, OutboxStatus::kPending);
  EXPECT_EQ(message.last_error, "not_found: role 'coordinator' has nobody in the case's people");
  EXPECT_EQ(message.next_attempt, kStart + minutes(1));
}

TEST_F(OutboxDispatcherTest, AMessageForAnUnknownChannelFailsNamingIt) {
  CaseId id = NewCase(testing::PeopleData());
  ASSERT_TRUE(Poke(id).ok());
  dispatcher_ = std::make_unique<OutboxDispatcher>(*store_, *engine_, clock_,
                                                   std::vector<Notifier*>{&channel_}, "email");
  EXPECT_EQ(DeliverDue(), 1);
  EXPECT_EQ(OnlyMessage(id).last_error, "not_found: no delivery channel 'email'");
}

}  // namespace
}  // namespace souhra
