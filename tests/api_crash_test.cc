// Kill -9 through the API: a real `souhra serve` takes new cases and events from several clients
// and is killed at a random moment, again and again. After each restart, every change the API
// made has its audit row and every "ok" audit row has its change: the row commits in the
// change's own savepoint, so the two are both present or both absent. Acknowledged changes
// survive.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/wait.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "adapters/sqlite/directory_store.h"
#include "engine/json.h"
#include "tests/fakes/build_paths.h"
#include "tests/fakes/child_process.h"
#include "tests/fakes/run_souhra.h"
#include "tests/fakes/table_rows.h"
#include "tests/fakes/temp_dir.h"
#include "tests/fakes/test_seed.h"

namespace souhra {
namespace {

using std::chrono::seconds;
using std::chrono::steady_clock;
using testing::ChildProcess;
using testing::Query;
using testing::Rows;

constexpr int kKilledRounds = 5;
constexpr int kClients = 4;
constexpr int kCasesPerClient = 40;  // per round; the kill comes long before
constexpr seconds kRunLimit(60);     // only against a hung server

// `souhra serve` on `db` until killed; port() is where it listens (0 if it did not start).
class Server {
 public:
  explicit Server(const std::string& db, const std::string& demo_password = "")
      : child_(Argv(db, demo_password)) {
    std::optional<std::string> first = child_.ReadLine(steady_clock::now() + kRunLimit);
    std::smatch url;
    if (first && std::regex_search(*first, url, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/"))) {
      port_ = std::stoi(url[1]);
    }
  }
  int port() const { return port_; }
  void Kill() { child_.Kill(); }
  int Stop() {
    child_.Signal(SIGTERM);
    return child_.Wait();
  }

 private:
  static std::vector<std::string> Argv(const std::string& db, const std::string& password) {
    std::vector<std::string> argv = {
        testing::SouhraBinary(), "serve", "--demo", "--port", "0", "--db", db};
    if (!password.empty()) argv.insert(argv.end(), {"--demo-password", password});
    return argv;
  }

  ChildProcess child_;
  int port_ = 0;
};

// What the clients were told: the cases and events the server acknowledged.
struct Acknowledged {
  std::mutex mu;
  std::set<std::string> cases;   // "case:<id>"
  std::set<std::string> events;  // "case:<id> event:emergency.recorded"
  std::atomic<int> replies{0};
};

// Creates cases from a referral and takes a step on each (the coordinator records an
// emergency, workflows/consent.lua), until the server goes away.
void PostChanges(int port, const std::string& token, const std::string& prefix,
                 Acknowledged* acknowledged) {
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(seconds(5));
  client.set_read_timeout(seconds(30));
  const httplib::Headers auth = {{"Authorization", "Bearer " + token}};
  for (int n = 0; n < kCasesPerClient; ++n) {
    const Json body = {{"code", prefix + "-" + std::to_string(n)},
                       {"workflow", "intake"},
                       {"data", {{"referral", {{"source", "police"}, {"urgent", true}}}}}};
    httplib::Result created = client.Post("/api/v1/cases", auth, body.dump(), "application/json");
    if (!created) return;  // killed
    ++acknowledged->replies;
    if (created->status != 201) continue;
    const std::string id = std::to_string(Json::parse(created->body)["case"]["id"].get<int64_t>());
    {
      std::lock_guard<std::mutex> lock(acknowledged->mu);
      acknowledged->cases.insert("case:" + id);
    }
    httplib::Result closed =
        client.Post("/api/v1/cases/" + id + "/events", auth,
                    R"({"type":"emergency.recorded","payload":{"reason":"Ohrožení života",)"
                    R"("actors":[{"actor":"actor:charita"}],"purposes":["coordination"]}})",
                    "application/json");
    if (!closed) return;
    ++acknowledged->replies;
    if (closed->status != 200) continue;
    std::lock_guard<std::mutex> lock(acknowledged->mu);
    acknowledged->events.insert("case:" + id + " event:emergency.recorded");
  }
}

std::set<std::string> AsSet(const Rows& rows) {
  std::set<std::string> out;
  for (const auto& row : rows) out.insert(row[0]);
  return out;
}

// Runs the clients against a fresh server on `db` and kills it after `kill_after` replies.
void RunAndKill(const std::string& db, const std::string& token, int round, int kill_after,
                Acknowledged* acknowledged) {
  Server server(db);
  ASSERT_GT(server.port(), 0);
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    const std::string prefix = "CRASH-" + std::to_string(round) + "-" + std::to_string(c);
    clients.emplace_back(PostChanges, server.port(), token, prefix, acknowledged);
  }
  const auto deadline = steady_clock::now() + kRunLimit;
  while (acknowledged->replies < kill_after && steady_clock::now() < deadline) {
    std::this_thread::yield();
  }
  server.Kill();
  for (std::thread& client : clients) client.join();
}

TEST(ApiCrashTest, EveryChangeAndItsAuditRowAreBothPresentOrBothAbsentAcrossKills) {
  testing::TempDir dir;
  const std::string db = dir.File("api.db");
  const uint64_t seed = testing::TestSeed(testing::FreshSeed());
  std::mt19937_64 random(seed);
  {
    Server seeding(db, "heslo-123");  // seeds the demo directory
    ASSERT_GT(seeding.port(), 0);
    ASSERT_EQ(seeding.Stop(), 0);
  }
  // Tokens act only as integration accounts; this one needs the coordinator's role for the
  // emergency step, so the coordinator's account is made one (no UI or command sets the flag).
  {
    SqliteOptions options;
    options.path = db;
    std::unique_ptr<Directory> directory = std::move(OpenSqliteDirectory(options).value());
    UserRecord svoboda = directory->GetUser("demo", "svoboda").value().value();
    svoboda.integration = true;
    svoboda.password_hash = "";
    ASSERT_TRUE(directory->PutUser(svoboda).ok());
  }
  testing::CommandOutput token =
      testing::RunSouhra("token --login svoboda --name crash --db " + db);
  ASSERT_EQ(token.exit_code, 0) << token.output;
  token.output.erase(token.output.find_last_not_of('\n') + 1);

  Acknowledged acknowledged;
  int previous = 0;
  for (int round = 0; round < kKilledRounds; ++round) {
    const int kill_after = previous + std::uniform_int_distribution<int>(1, 60)(random);
    RunAndKill(db, token.output, round, kill_after, &acknowledged);
    previous = acknowledged.replies;
  }

  EXPECT_EQ(Query(db, "PRAGMA integrity_check"), Rows{{"ok"}});
  const std::set<std::string> cases =
      AsSet(Query(db, "SELECT 'case:' || id FROM cases WHERE code LIKE 'CRASH-%'"));
  const std::set<std::string> closed =
      AsSet(Query(db,
                  "SELECT DISTINCT 'case:' || case_id || ' event:' || type FROM events"
                  " WHERE type = 'emergency.recorded' AND actor = 'token:svoboda'"));
  const std::set<std::string> audited_cases =
      AsSet(Query(db,
                  "SELECT target FROM audit WHERE action = 'POST /api/v1/cases' AND outcome = 'ok'"
                  " AND actor = 'token:svoboda'"));
  const std::set<std::string> audited_events =
      AsSet(Query(db,
                  "SELECT target FROM audit WHERE action = 'POST /api/v1/cases/{id}/events'"
                  " AND outcome = 'ok' AND actor = 'token:svoboda'"));
  EXPECT_EQ(cases, audited_cases) << "seed " << seed;
  EXPECT_EQ(closed, audited_events) << "seed " << seed;
  EXPECT_EQ(Query(db,
                  "SELECT COUNT(*) FROM audit WHERE action = 'POST /api/v1/cases' AND"
                  " outcome = 'ok' GROUP BY target HAVING COUNT(*) > 1"),
            Rows{});
  // Acknowledged changes survived, and the rounds did test something.
  for (const std::string& c : acknowledged.cases) EXPECT_TRUE(cases.count(c)) << c;
  for (const std::string& e : acknowledged.events) EXPECT_TRUE(closed.count(e)) << e;
  EXPECT_GE(acknowledged.replies, kKilledRounds);
  EXPECT_GT(cases.size(), 0u);
  EXPECT_GT(closed.size(), 0u);
}

}  // namespace
}  // namespace souhra
