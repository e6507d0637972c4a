// The HTTP server's own behaviour under several clients, against a real server on loopback.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <vector>

#include "tests/fakes/api_server.h"

namespace souhra {
namespace {

class HttpServerTest : public testing::ApiServerFixture {};

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
