// Production start without the demo: `souhra init` creates a municipality and its first admin,
// who must change the printed password at the first sign-in; `souhra serve` on a database
// without any municipality says how to start instead of seeding the demo.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/wait.h>

#include <csignal>
#include <fstream>
#include <regex>

#include "engine/json.h"
#include "tests/fakes/build_paths.h"
#include "tests/fakes/child_process.h"
#include "tests/fakes/run_souhra.h"
#include "tests/fakes/table_rows.h"
#include "tests/fakes/temp_dir.h"

namespace souhra {
namespace {

using std::chrono::seconds;
using std::chrono::steady_clock;

class InitCommandTest : public ::testing::Test {
 protected:
  testing::CommandOutput Init(const std::string& args) {
    return testing::RunSouhra("init --db " + db_ + " " + args);
  }
  testing::Rows Rows(const char* sql) { return testing::Query(db_, sql); }

  testing::TempDir dir_;
  std::string db_ = dir_.File("s.db");
};

TEST_F(InitCommandTest, CreatesTheMunicipalityAndItsAdminWithAPasswordToChange) {
  testing::CommandOutput out = Init(
      "--tenant frydek --name 'Město Frýdek-Místek' --admin horak --admin-name 'Jiří Horák'"
      " --email horak@frydek.cz");
  ASSERT_EQ(out.exit_code, 0) << out.output;
  EXPECT_NE(out.output.find("Obec „Město Frýdek-Místek“ (frydek) je založena."), std::string::npos)
      << out.output;
  std::smatch password;
  ASSERT_TRUE(std::regex_search(out.output, password,
                                std::regex("Dočasné heslo: ([a-z0-9]{4}(-[a-z0-9]{4}){3})")))
      << out.output;
  EXPECT_EQ(Rows("SELECT id, name FROM tenants"),
            (testing::Rows{{"frydek", "Město Frýdek-Místek"}}));
  EXPECT_EQ(Rows("SELECT login, name, email, roles, must_change_password, active FROM users"),
            (testing::Rows{{"horak", "Jiří Horák", "horak@frydek.cz", R"(["admin"])", "1", "1"}}));
  EXPECT_EQ(Rows("SELECT count(*) > 0 FROM definitions WHERE tenant = 'frydek'"),
            (testing::Rows{{"1"}}));
  EXPECT_EQ(Rows("SELECT actor, action, target, outcome FROM audit"),
            (testing::Rows{{"cli", "souhra init", "tenant:frydek user:horak", "ok"}}));

  // The server starts on it without the demo; the admin signs in only to change the password.
  testing::ChildProcess serve({testing::SouhraBinary(), "serve", "--port", "0", "--db", db_});
  std::optional<std::string> first = serve.ReadLine(steady_clock::now() + seconds(60));
  ASSERT_TRUE(first.has_value());
  std::smatch url;
  ASSERT_TRUE(std::regex_search(*first, url, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/")));
  EXPECT_NE(first->find("obec 'frydek'"), std::string::npos) << *first;
  httplib::Client client("127.0.0.1", std::stoi(url[1]));
  httplib::Result signed_in = client.Post(
      "/api/v1/session", Json{{"login", "horak"}, {"password", password[1].str()}}.dump(),
      "application/json");
  ASSERT_TRUE(signed_in);
  ASSERT_EQ(signed_in->status, 200) << signed_in->body;
  EXPECT_TRUE(Json::parse(signed_in->body)["user"]["must_change_password"].get<bool>());
  EXPECT_EQ(Rows("SELECT count(*) FROM tenants WHERE id = 'demo'"), (testing::Rows{{"0"}}));
  // The shipped pack goes only to municipalities in the database.
  EXPECT_EQ(Rows("SELECT count(*) FROM definitions WHERE tenant <> 'frydek'"),
            (testing::Rows{{"0"}}));
  serve.Signal(SIGTERM);
  EXPECT_EQ(WEXITSTATUS(serve.Wait()), 0);
}

TEST_F(InitCommandTest, RefusesAMunicipalityThatExists) {
  ASSERT_EQ(Init("--tenant frydek --name 'Město Frýdek-Místek' --admin horak").exit_code, 0);
  testing::CommandOutput again = Init("--tenant frydek --name 'Jiné město' --admin novak");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.output.find("obec „frydek“ (Město Frýdek-Místek) už v databázi je"),
            std::string::npos)
      << again.output;
  EXPECT_EQ(Rows("SELECT login FROM users"), (testing::Rows{{"horak"}}));
  EXPECT_EQ(Rows("SELECT name FROM tenants"), (testing::Rows{{"Město Frýdek-Místek"}}));
}

TEST_F(InitCommandTest, APasswordFromStdinMustPassThePolicy) {
  const std::string weak = dir_.File("weak");
  std::ofstream(weak) << "kratke\n";
  testing::CommandOutput refused =
      Init("--tenant frydek --name 'Město' --admin horak --password-stdin < " + weak);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.output.find("Heslo musí mít alespoň 12 znaků."), std::string::npos)
      << refused.output;
  EXPECT_TRUE(Rows("SELECT id FROM tenants").empty());

  const std::string strong = dir_.File("strong");
  std::ofstream(strong) << "modrá-konvice-na-čaj\n";
  testing::CommandOutput out =
      Init("--tenant frydek --name 'Město' --admin horak --password-stdin < " + strong);
  EXPECT_EQ(out.exit_code, 0) << out.output;
  EXPECT_EQ(out.output.find("modrá-konvice"), std::string::npos);
  EXPECT_EQ(Rows("SELECT must_change_password FROM users"), (testing::Rows{{"1"}}));
}

TEST_F(InitCommandTest, ServeWithoutAnyMunicipalitySaysHowToStart) {
  testing::CommandOutput out = testing::RunSouhra("serve --port 0 --db " + db_);
  EXPECT_EQ(out.exit_code, 1);
  EXPECT_NE(out.output.find("V databázi zatím není žádná obec."), std::string::npos) << out.output;
  EXPECT_NE(out.output.find("souhra init --db"), std::string::npos) << out.output;
  EXPECT_NE(out.output.find("souhra serve --demo"), std::string::npos) << out.output;
  EXPECT_EQ(Rows("SELECT count(*) FROM users"), (testing::Rows{{"0"}}));
}

class UsersCommandTest : public InitCommandTest {
 protected:
  void SetUp() override {
    ASSERT_EQ(Init("--tenant frydek --name 'Město' --admin spravce --admin-name 'Pavel Správce'")
                  .exit_code,
              0);
  }
  testing::CommandOutput Users(const std::string& args) {
    return testing::RunSouhra("users --db " + db_ + " --tenant frydek " + args);
  }
};

TEST_F(UsersCommandTest, AddsListsAndDeactivatesWithTheApisRules) {
  testing::CommandOutput added =
      Users("add novakova --name 'Jana Nováková' --roles case_manager,coordinator");
  ASSERT_EQ(added.exit_code, 0) << added.output;
  EXPECT_NE(added.output.find("Dočasné heslo: "), std::string::npos) << added.output;
  testing::CommandOutput listed = Users("list");
  EXPECT_NE(listed.output.find("novakova  Jana Nováková  case manager, koordinátor podpory  "
                               "aktivní  musí si změnit heslo"),
            std::string::npos)
      << listed.output;

  testing::CommandOutput bad = Users("add X --name '' --roles boss");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("jméno (--name): Vyplňte jméno a příjmení."), std::string::npos)
      << bad.output;
  EXPECT_NE(bad.output.find("role (--roles): Vyberte role ze seznamu."), std::string::npos)
      << bad.output;

  EXPECT_EQ(Users("deactivate novakova").exit_code, 0);
  EXPECT_EQ(Rows("SELECT active FROM users WHERE login = 'novakova'"), (testing::Rows{{"0"}}));
  testing::CommandOutput last = Users("deactivate spravce");
  EXPECT_EQ(last.exit_code, 1);
  EXPECT_NE(last.output.find("Obec by zůstala bez aktivního správce"), std::string::npos)
      << last.output;
  testing::CommandOutput demoted = Users("roles spravce --roles head");
  EXPECT_EQ(demoted.exit_code, 1) << demoted.output;
  EXPECT_EQ(Rows("SELECT action, target, outcome FROM audit WHERE action LIKE 'souhra users%'"),
            (testing::Rows{{"souhra users add", "user:novakova", "ok"},
                           {"souhra users add", "user:X", "invalid_argument"},
                           {"souhra users deactivate", "user:novakova", "ok"},
                           {"souhra users deactivate", "user:spravce", "conflict"},
                           {"souhra users roles", "user:spravce", "conflict"}}));
}

TEST_F(UsersCommandTest, AResetPasswordIsPrintedOnceAndMustBeChanged) {
  testing::CommandOutput reset = Users("reset-password spravce");
  ASSERT_EQ(reset.exit_code, 0) << reset.output;
  EXPECT_TRUE(std::regex_search(reset.output, std::regex("spravce: [a-z0-9]{4}-"))) << reset.output;
  EXPECT_EQ(Rows("SELECT must_change_password FROM users"), (testing::Rows{{"1"}}));
}

}  // namespace
}  // namespace souhra
