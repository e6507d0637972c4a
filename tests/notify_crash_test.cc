// Kill -9 between commit and send: tests/notify_crash_child.cc commits a notification to an
// external actor and is killed before it sends; started again it delivers the message. Killed
// again after the receiver got the message but before the success was recorded, the restart
// sends it again with the same key, so the receiver, which keeps one message per key, has it
// exactly once.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "adapters/sqlite/sqlite_store.h"
#include "tests/fakes/build_paths.h"
#include "tests/fakes/child_process.h"
#include "tests/fakes/temp_dir.h"

namespace souhra {
namespace {

using souhra::testing::ChildProcess;

constexpr std::chrono::seconds kRunLimit(60);  // only against a hung child

// A receiver that keeps one message per X-Souhra-Delivery key. With `hold_first`, the first
// request is answered only after Release(): the sender can be killed while it waits.
class Receiver {
 public:
  explicit Receiver(bool hold_first) : hold_first_(hold_first) {
    server_.Post("/hook", [this](const httplib::Request& req, httplib::Response& res) {
      std::unique_lock<std::mutex> lock(mu_);
      ++requests_;
      by_key_[req.get_header_value("X-Souhra-Delivery")] = req.body;
      if (hold_first_ && requests_ == 1) {
        arrived_.notify_all();
        arrived_.wait(lock, [this] { return released_; });
      }
      res.status = 200;
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~Receiver() {
    Release();
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }
  bool WaitForFirst() {
    std::unique_lock<std::mutex> lock(mu_);
    return arrived_.wait_for(lock, kRunLimit, [this] { return requests_ > 0; });
  }
  void Release() {
    std::lock_guard<std::mutex> lock(mu_);
    released_ = true;
    arrived_.notify_all();
  }
  int requests() {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }
  std::map<std::string, std::string> by_key() {
    std::lock_guard<std::mutex> lock(mu_);
    return by_key_;
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable arrived_;
  bool hold_first_;
  bool released_ = false;
  int requests_ = 0;
  std::map<std::string, std::string> by_key_;
};

// Runs the child in "commit" mode and kills it once the notification is committed.
void CommitAndKill(const std::string& db, const std::string& url) {
  ChildProcess child({testing::NotifyCrashChildBinary(), db, "commit", url});
  ASSERT_TRUE(child.running());
  std::optional<std::string> line = child.ReadLine(std::chrono::steady_clock::now() + kRunLimit);
  ASSERT_EQ(line, std::optional<std::string>("committed"));
  child.Kill();
}

void Deliver(const std::string& db) {
  ChildProcess child({testing::NotifyCrashChildBinary(), db, "deliver"});
  ASSERT_TRUE(child.running());
  std::optional<std::string> line = child.ReadLine(std::chrono::steady_clock::now() + kRunLimit);
  EXPECT_EQ(line, std::optional<std::string>("delivered"));
  EXPECT_EQ(child.Wait(), 0);
}

OutboxStatus OnlyMessageStatus(const std::string& db) {
  SqliteOptions options;
  options.path = db;
  std::unique_ptr<Store> store = std::move(OpenSqliteStore(options).value());
  std::vector<OutboxRecord> outbox = *store->ListOutbox(1);
  EXPECT_EQ(outbox.size(), 1u);
  return outbox.empty() ? OutboxStatus::kPending : outbox[0].status;
}

TEST(NotifyCrash, KilledBetweenCommitAndSendTheMessageIsDeliveredOnceAfterRestart) {
  testing::TempDir dir;
  const std::string db = dir.File("souhra.db");
  Receiver receiver(false);
  CommitAndKill(db, receiver.url());
  EXPECT_EQ(receiver.requests(), 0);
  Deliver(db);
  EXPECT_EQ(receiver.requests(), 1);
  EXPECT_EQ(receiver.by_key().size(), 1u);
  EXPECT_EQ(OnlyMessageStatus(db), OutboxStatus::kDelivered);
  Deliver(db);
  EXPECT_EQ(receiver.requests(), 1);
}

TEST(NotifyCrash, KilledAfterSendingBeforeRecordingTheReceiverKeepsOneMessagePerKey) {
  testing::TempDir dir;
  const std::string db = dir.File("souhra.db");
  Receiver receiver(true);
  CommitAndKill(db, receiver.url());
  {
    ChildProcess child({testing::NotifyCrashChildBinary(), db, "deliver"});
    ASSERT_TRUE(child.running());
    ASSERT_TRUE(receiver.WaitForFirst());
    child.Kill();  // the receiver has it; the sender never hears back
  }
  receiver.Release();
  Deliver(db);
  EXPECT_EQ(receiver.requests(), 2);
  ASSERT_EQ(receiver.by_key().size(), 1u);
  EXPECT_EQ(receiver.by_key().begin()->first.rfind("outbox-1-webhook-hook", 0), 0u);
  EXPECT_EQ(OnlyMessageStatus(db), OutboxStatus::kDelivered);
}

}  // namespace
}  // namespace souhra
