// `souhra serve` as the README starts it: seeds the demo municipality, answers /healthz, and
// stops cleanly on SIGTERM.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/wait.h>

#include <csignal>
#include <regex>

#include "tests/fakes/build_paths.h"
#include "tests/fakes/child_process.h"
#include "tests/fakes/raw_connection.h"
#include "tests/fakes/temp_dir.h"

namespace souhra {
namespace {

using std::chrono::seconds;
using std::chrono::steady_clock;

TEST(ServeCommand, AnswersHealthAndStopsCleanlyOnSigterm) {
  testing::TempDir dir;
  testing::ChildProcess serve(
      {testing::SouhraBinary(), "serve", "--demo", "--port", "0", "--db", dir.File("s.db")});
  ASSERT_TRUE(serve.running());
  std::optional<std::string> first = serve.ReadLine(steady_clock::now() + seconds(60));
  ASSERT_TRUE(first.has_value());
  std::smatch url;
  ASSERT_TRUE(std::regex_search(*first, url, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/")))
      << *first;
  EXPECT_NE(first->find("obec 'demo'"), std::string::npos) << *first;

  httplib::Client client("127.0.0.1", std::stoi(url[1]));
  httplib::Result health = client.Get("/healthz");
  ASSERT_TRUE(health) << httplib::to_string(health.error());
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(health->body, R"({"status":"ok"})");

  serve.Signal(SIGTERM);
  const int status = serve.Wait();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(ServeCommand, PrintsTheDemoSignInsAndTheyWork) {
  testing::TempDir dir;
  testing::ChildProcess serve({testing::SouhraBinary(), "serve", "--demo", "--port", "0", "--db",
                               dir.File("s.db"), "--demo-password", "ukazka-123"});
  ASSERT_TRUE(serve.running());
  std::optional<std::string> first = serve.ReadLine(steady_clock::now() + seconds(60));
  ASSERT_TRUE(first.has_value());
  std::smatch url;
  ASSERT_TRUE(std::regex_search(*first, url, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/")));
  std::string printed;
  for (int i = 0; i < 9; ++i) {
    std::optional<std::string> line = serve.ReadLine(steady_clock::now() + seconds(10));
    if (line) printed += *line + "\n";
  }
  EXPECT_NE(printed.find("ukazka-123"), std::string::npos) << printed;
  EXPECT_NE(printed.find("coordinator: svoboda"), std::string::npos) << printed;

  httplib::Client client("127.0.0.1", std::stoi(url[1]));
  httplib::Result signed_in = client.Post(
      "/api/v1/session", R"({"login":"svoboda","password":"ukazka-123"})", "application/json");
  ASSERT_TRUE(signed_in);
  EXPECT_EQ(signed_in->status, 200) << signed_in->body;
  serve.Signal(SIGTERM);
  EXPECT_EQ(WEXITSTATUS(serve.Wait()), 0);
}

TEST(ServeCommand, CapsTheConnectionsOfOneClientAddressAsTold) {
  testing::TempDir dir;
  testing::ChildProcess serve({testing::SouhraBinary(), "serve", "--demo", "--port", "0", "--db",
                               dir.File("s.db"), "--max-connections-per-client", "1"});
  ASSERT_TRUE(serve.running());
  std::optional<std::string> first = serve.ReadLine(steady_clock::now() + seconds(60));
  ASSERT_TRUE(first.has_value());
  std::smatch url;
  ASSERT_TRUE(std::regex_search(*first, url, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/")));
  const int port = std::stoi(url[1]);
  // Answered and kept alive, so it holds the address's one place before the second one asks:
  // workers admit connections concurrently, and a held request line alone did not order them.
  std::unique_ptr<testing::RawConnection> held = testing::RawConnection::Open(port, "127.0.0.2");
  ASSERT_NE(held, nullptr);
  ASSERT_TRUE(held->Send("GET /healthz HTTP/1.1\r\n\r\n"));
  ASSERT_EQ(testing::StatusOf(held->ReadUntilClosed(std::chrono::milliseconds(300))), 200);
  ASSERT_FALSE(held->closed());
  std::unique_ptr<testing::RawConnection> second = testing::RawConnection::Open(port, "127.0.0.2");
  ASSERT_NE(second, nullptr);
  ASSERT_TRUE(second->Send("GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n"));
  EXPECT_EQ(testing::StatusOf(second->ReadUntilClosed(std::chrono::milliseconds(2000))), 503);
  held.reset();
  serve.Signal(SIGTERM);
  EXPECT_EQ(WEXITSTATUS(serve.Wait()), 0);
}

TEST(ServeCommand, RefusesAnUnknownOption) {
  testing::ChildProcess serve({testing::SouhraBinary(), "serve", "--prot", "1"});
  ASSERT_TRUE(serve.running());
  const int status = serve.Wait();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
}

}  // namespace
}  // namespace souhra
