// The delivery worker's thread: it delivers on its first tick and stops without waiting out the
// next one.
#include "engine/workers/delivery_worker.h"

#include <gtest/gtest.h>

#include <future>
#include <memory>

#include "tests/fakes/engine_harness.h"
#include "tests/outbox_workflows.h"

namespace souhra {
namespace {

// Tells the test when the worker's thread delivered its first message.
class SignallingNotifier final : public Notifier {
 public:
  const std::string& channel() const override { return name_; }
  Status Deliver(const Delivery& delivery) override {
    if (!signalled_) first_.set_value(delivery.key);
    signalled_ = true;
    return Status::Ok();
  }
  std::future<std::string> First() { return first_.get_future(); }

 private:
  const std::string name_ = "inbox";
  std::promise<std::string> first_;
  bool signalled_ = false;
};

TEST(DeliveryWorker, DeliversOnItsFirstTickAndStopsWithoutWaitingForTheNext) {
  testing::EngineHarness harness(FromMillis(1775116800000));
  Engine& engine = harness.engine;
  testing::InstallOutboxWorkflows(engine);
  Result<Applied> created = engine.CreateCase({"demo", "K-1", "notifying", testing::PeopleData()});
  ASSERT_TRUE(created.ok());
  EventRequest poke;
  poke.case_id = created->case_id;
  poke.type = "poke";
  ASSERT_TRUE(engine.Submit(poke).ok());

  SignallingNotifier channel;
  std::future<std::string> first = channel.First();
  OutboxDispatcher dispatcher(*harness.store, engine, harness.clock, {&channel}, "inbox");
  {
    DeliveryWorker worker(dispatcher, std::chrono::hours(1), nullptr);
    ASSERT_EQ(first.wait_for(std::chrono::seconds(30)), std::future_status::ready);
  }  // returns at once: the hour-long wait is cut short
  EXPECT_EQ(first.get(), "outbox-1");
}

}  // namespace
}  // namespace souhra
