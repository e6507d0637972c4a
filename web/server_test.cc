// The HTTP server's own behaviour under several clients, against a real server on loopback.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <thread>
#include <vector>

#include "tests/fakes/api_server.h"
#include "tests/fakes/raw_connection.h"

namespace souhra {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;
using testing::RawConnection;

class HttpServerTest : public testing::ApiServerFixture {
 protected:
  std::unique_ptr<RawConnection> Connect(const std::string& source) {
    std::unique_ptr<RawConnection> connection = RawConnection::Open(server_->port(), source);
    EXPECT_NE(connection, nullptr) << "cannot connect from " << source;
    return connection;
  }
};

// Sends one more byte of an endless request line to each connection about once a second, as a
// slow client does, until destroyed.
class Trickle {
 public:
  explicit Trickle(std::vector<std::unique_ptr<RawConnection>>& connections)
      : sender_([this, &connections] {
          while (!stop_) {
            for (auto& connection : connections) (void)connection->Send("a");
            for (int i = 0; i < 10 && !stop_; ++i) std::this_thread::sleep_for(milliseconds(100));
          }
        }) {}
  ~Trickle() {
    stop_ = true;
    sender_.join();
  }

 private:
  std::atomic<bool> stop_{false};
  std::thread sender_;
};

// Browsers and load balancers keep connections open between requests. Each open connection holds
// a worker thread, so with too few workers a new client waited for an idle one to time out (5 s).
TEST_F(HttpServerTest, IdleKeepAliveConnectionsDoNotHoldUpOtherClients) {
  constexpr int kIdleConnections = 16;
  std::vector<std::unique_ptr<httplib::Client>> idle;
  for (int i = 0; i < kIdleConnections; ++i) {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client->set_keep_alive(true);
    client->set_read_timeout(2, 0);
    httplib::Result res = client->Get("/healthz");
    ASSERT_TRUE(res) << "client " << i << " was not served: " << httplib::to_string(res.error());
    EXPECT_EQ(res->status, 200);
    idle.push_back(std::move(client));  // its connection stays open
  }
  httplib::Client fresh("127.0.0.1", server_->port());
  fresh.set_read_timeout(2, 0);
  httplib::Result res = fresh.Get("/healthz");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
}

// 80 connections sending a byte a second took every worker, and /healthz timed out. Here the
// pool (64) is smaller than the slow connections (100, from two addresses): only the cap on
// connections per address keeps workers free.
TEST_F(HttpServerTest, AHundredSlowClientsLeaveHealthzAnswering) {
  ServerOptions options;
  options.threads = 64;
  StartServer(options);
  const size_t cap = options.connections.max_per_client;
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 100; ++i) {
    slow.push_back(Connect(i % 2 == 0 ? "127.0.0.2" : "127.0.0.3"));
    ASSERT_NE(slow.back(), nullptr);
    ASSERT_TRUE(slow.back()->Send("G"));
  }
  Trickle trickle(slow);
  // Those beyond the cap are refused at once; the others are held open, a byte at a time. Workers
  // admit connections concurrently, so which of an address's connections are refused varies; how
  // many does not.
  const size_t refused_count = slow.size() - 2 * cap;
  std::vector<std::string> answers(slow.size());
  size_t closed = 0;
  for (const auto until = steady_clock::now() + milliseconds(3000);
       closed < refused_count && steady_clock::now() < until;) {
    for (size_t i = 0; i < slow.size(); ++i) {
      if (slow[i]->closed()) continue;
      answers[i] += slow[i]->ReadUntilClosed(milliseconds(5));
      if (slow[i]->closed()) ++closed;
    }
  }
  size_t held[2] = {0, 0};
  for (size_t i = 0; i < slow.size(); ++i) {
    if (slow[i]->closed()) {
      EXPECT_EQ(testing::StatusOf(answers[i]), 503) << "connection " << i << ": " << answers[i];
    } else {
      ++held[i % 2];
    }
  }
  EXPECT_EQ(closed, refused_count);
  EXPECT_EQ(held[0], cap);
  EXPECT_EQ(held[1], cap);
  httplib::Client client("127.0.0.1", server_->port());
  client.set_read_timeout(1, 0);
  client.set_connection_timeout(1, 0);
  const auto asked = steady_clock::now();
  httplib::Result health = client.Get("/healthz");
  ASSERT_TRUE(health) << httplib::to_string(health.error());
  EXPECT_EQ(health->status, 200);
  EXPECT_LT(steady_clock::now() - asked, milliseconds(1000));
}

TEST_F(HttpServerTest, AConnectionBeyondTheAddressCapIsRefusedAtOnceWithACzechMessage) {
  ServerOptions options;
  options.connections.max_per_client = 3;
  StartServer(options);
  std::vector<std::unique_ptr<RawConnection>> held;
  for (int i = 0; i < 3; ++i) {
    held.push_back(Connect("127.0.0.2"));
    ASSERT_TRUE(held.back()->Send("GET /healthz HTTP/1.1\r\n"));
  }
  std::unique_ptr<RawConnection> extra = Connect("127.0.0.2");
  ASSERT_TRUE(extra->Send("GET /healthz HTTP/1.1\r\n\r\n"));
  const std::string refused = extra->ReadUntilClosed(milliseconds(1000));
  EXPECT_TRUE(extra->closed());
  EXPECT_EQ(testing::StatusOf(refused), 503) << refused;
  EXPECT_NE(refused.find("Retry-After: 1"), std::string::npos) << refused;
  EXPECT_NE(refused.find("příliš mnoho spojení"), std::string::npos) << refused;

  std::unique_ptr<RawConnection> other = Connect("127.0.0.3");
  ASSERT_TRUE(other->Send("GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n"));
  EXPECT_EQ(testing::StatusOf(other->ReadUntilClosed(milliseconds(1000))), 200);
}

// httplib waits its read timeout for each byte: one byte a second held a worker for good.
TEST_F(HttpServerTest, HeadersTrickledByteByByteAreCutOffAtTheHeaderDeadline) {
  ServerOptions options;
  options.connections.header_timeout = milliseconds(300);
  StartServer(options);
  std::unique_ptr<RawConnection> slow = Connect("127.0.0.2");
  ASSERT_TRUE(slow->Send("G"));
  const auto until = steady_clock::now() + milliseconds(3000);
  bool closed = false;
  while (!closed && steady_clock::now() < until) {
    (void)slow->Send("E");
    closed = slow->ClosedWithin(milliseconds(100));
  }
  EXPECT_TRUE(closed) << "a trickling client kept its connection past the header deadline";
}

TEST_F(HttpServerTest, ABodySlowerThanItsDeadlineIsCutOff) {
  ServerOptions options;
  options.connections.body_timeout = milliseconds(300);
  StartServer(options);
  std::unique_ptr<RawConnection> slow = Connect("127.0.0.2");
  ASSERT_TRUE(
      slow->Send(testing::JsonPost("/api/v1/session", std::string(100, ' ')).substr(0, 150)));
  const auto until = steady_clock::now() + milliseconds(3000);
  bool closed = false;
  while (!closed && steady_clock::now() < until) {
    (void)slow->Send(" ");
    closed = slow->ClosedWithin(milliseconds(100));
  }
  EXPECT_TRUE(closed) << "a trickling body kept its connection past the body deadline";
}

// A Content-Length of 100 MB with no body held a worker for the read timeout (5 s) before 413.
TEST_F(HttpServerTest, ADeclaredBodyOverTheLimitIsRefusedWith413WithoutWaitingForIt) {
  std::unique_ptr<RawConnection> connection = Connect("127.0.0.1");
  ASSERT_TRUE(connection->Send(
      "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Content-Length: 104857600\r\n\r\n"));
  const std::string answer = connection->ReadUntilClosed(milliseconds(1000));
  EXPECT_EQ(testing::StatusOf(answer), 413) << answer;
  EXPECT_NE(answer.find("payload_too_large"), std::string::npos) << answer;
  EXPECT_TRUE(connection->closed()) << "the connection stayed open for a body never to be read";
}

// httplib listens with a backlog of 5: connections beyond it waited for SYN retries (1 s, 3 s…)
// while the server was busy accepting. Run() has bound but not yet accepted when on_listening
// runs, so every connection made then waits in the backlog.
TEST_F(HttpServerTest, TheListenBacklogHoldsAHundredWaitingConnections) {
  HttpServer server(services_, ServerOptions());
  std::vector<int> sockets;
  int connected = 0;
  std::future<Status> ran = std::async(std::launch::async, [&] {
    return server.Run([&] {
      sockaddr_in to{};
      to.sin_family = AF_INET;
      to.sin_port = htons(static_cast<uint16_t>(server.port()));
      to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      for (int i = 0; i < 100; ++i) {
        const int sock = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        (void)connect(sock, reinterpret_cast<sockaddr*>(&to), sizeof to);
        sockets.push_back(sock);
      }
      // Handshakes on loopback complete at once when the backlog has room; the rest wait for
      // a SYN retry a second later.
      std::this_thread::sleep_for(milliseconds(300));
      for (int sock : sockets) {
        pollfd fd{sock, POLLOUT, 0};
        int error = 0;
        socklen_t length = sizeof error;
        if (poll(&fd, 1, 0) == 1 && getsockopt(sock, SOL_SOCKET, SO_ERROR, &error, &length) == 0 &&
            error == 0) {
          ++connected;
        }
      }
      server.Stop();
    });
  });
  ASSERT_EQ(ran.wait_for(std::chrono::seconds(10)), std::future_status::ready);
  EXPECT_TRUE(ran.get().ok());
  for (int sock : sockets) close(sock);
  EXPECT_EQ(connected, 100);
}

// `souhra serve` stops on SIGTERM from another thread, which may come before the accept loop
// runs: httplib ignores a stop() then, and the server used to listen for good.
TEST_F(HttpServerTest, AStopBeforeTheServerListensEndsRun) {
  HttpServer server(services_, ServerOptions());
  std::future<Status> ran = std::async(
      std::launch::async, [&server] { return server.Run([&server] { server.Stop(); }); });
  ASSERT_EQ(ran.wait_for(std::chrono::seconds(10)), std::future_status::ready)
      << "Run did not return after Stop";
  EXPECT_TRUE(ran.get().ok());
}

}  // namespace
}  // namespace souhra
