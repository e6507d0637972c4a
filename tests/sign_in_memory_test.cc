// A burst of sign-ins against the real `souhra serve`: each password check (Argon2id) takes
// 64 MiB, and 64 of them at once took the process from 22 MiB to 3.3 GiB. The checks running at
// once are bounded (web/password_checks.h), so the peak stays near two of them.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <csignal>
#include <fstream>
#include <future>
#include <regex>
#include <string>
#include <vector>

#include "engine/json.h"
#include "tests/fakes/build_paths.h"
#include "tests/fakes/child_process.h"
#include "tests/fakes/raw_connection.h"
#include "tests/fakes/temp_dir.h"

namespace souhra {
namespace {

using std::chrono::seconds;
using std::chrono::steady_clock;

// The process's peak resident memory (VmHWM) in MiB; -1 when unreadable.
int64_t PeakMebibytes(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoll(line.substr(6)) / 1024;
  }
  return -1;
}

TEST(SignInMemory, ABurstOfTwoHundredSignInsKeepsMemoryBounded) {
  testing::TempDir dir;
  testing::ChildProcess serve(
      {testing::SouhraBinary(), "serve", "--demo", "--port", "0", "--db", dir.File("s.db")});
  ASSERT_TRUE(serve.running());
  std::optional<std::string> first = serve.ReadLine(steady_clock::now() + seconds(60));
  ASSERT_TRUE(first.has_value());
  std::smatch url;
  ASSERT_TRUE(std::regex_search(*first, url, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/")));
  const int port = std::stoi(url[1]);
  const int64_t before = PeakMebibytes(serve.pid());
  ASSERT_GT(before, 0);

  // Distinct logins from distinct addresses: no failure limit stops them before the check.
  std::vector<std::future<int>> statuses;
  for (int i = 0; i < 200; ++i) {
    statuses.push_back(std::async(std::launch::async, [port, i] {
      const std::string source =
          "127.0." + std::to_string(2 + i / 250) + "." + std::to_string(1 + i % 250);
      std::unique_ptr<testing::RawConnection> connection =
          testing::RawConnection::Open(port, source);
      const std::string body =
          Json{{"login", "nikdo" + std::to_string(i)}, {"password", "spatne"}}.dump();
      if (!connection || !connection->Send(testing::JsonPost("/api/v1/session", body))) return 0;
      return testing::StatusOf(connection->ReadUntilClosed(seconds(60)));
    }));
  }
  int checked = 0;
  for (std::future<int>& status : statuses) {
    const int code = status.get();
    if (code == 401) ++checked;
    EXPECT_TRUE(code == 401 || code == 429) << "status " << code;
  }
  EXPECT_GE(checked, 2);
  const int64_t after = PeakMebibytes(serve.pid());
  EXPECT_LT(after - before, 300) << "peak " << before << " MiB before the burst, " << after
                                 << " MiB after";

  serve.Signal(SIGTERM);
  EXPECT_EQ(WEXITSTATUS(serve.Wait()), 0);
}

}  // namespace
}  // namespace souhra
