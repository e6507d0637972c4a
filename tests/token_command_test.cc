// `souhra token` against the database of a running server: a person's account refused, a token
// listed and revoked from the console, audited, and refused by the server from then on.
#include <gtest/gtest.h>

#include <regex>

#include "tests/fakes/api_server.h"
#include "tests/fakes/run_souhra.h"
#include "tests/fakes/table_rows.h"

namespace souhra {
namespace {

class TokenCommandTest : public testing::ApiServerFixture {
 protected:
  testing::CommandOutput Token(const std::string& args) {
    return testing::RunSouhra("token " + args + " --db " + dir_.File("souhra.db"));
  }
  testing::Rows Audit() {
    return testing::Query(dir_.File("souhra.db"),
                          "SELECT actor, action, target, outcome FROM audit ORDER BY id");
  }
};

TEST_F(TokenCommandTest, APersonsAccountGetsNoTokenAndTheRefusalIsAudited) {
  testing::CommandOutput out = Token("--login cerna --name cteni");
  EXPECT_EQ(out.exit_code, 1) << out.output;
  EXPECT_NE(out.output.find("Token lze vydat jen integračnímu účtu"), std::string::npos)
      << out.output;
  EXPECT_TRUE(access_->ListApiTokens("demo")->empty());
  EXPECT_EQ(Audit(), (testing::Rows{{"cli", "souhra token", "user:cerna", "permission_denied"}}));
}

TEST_F(TokenCommandTest, AnIssuedTokenIsListedAndRevokedFromTheConsole) {
  testing::CommandOutput issued = Token("--login integrace --name import --days 30");
  ASSERT_EQ(issued.exit_code, 0) << issued.output;
  ASSERT_TRUE(std::regex_match(issued.output, std::regex("[0-9a-f]{64}\n"))) << issued.output;
  const std::string secret = issued.output.substr(0, 64);
  const httplib::Headers bearer = {{"Authorization", "Bearer " + secret}};
  ASSERT_EQ(client_->Get("/api/v1/me", bearer)->status, 200);

  std::vector<ApiTokenRecord> tokens = access_->ListApiTokens("demo").value();
  ASSERT_EQ(tokens.size(), 1u);
  const std::string id = tokens[0].id;
  EXPECT_EQ(tokens[0].created_by, "cli");
  EXPECT_EQ(tokens[0].expires - tokens[0].created, std::chrono::days(30));
  testing::CommandOutput listed = Token("--list");
  EXPECT_EQ(listed.exit_code, 0);
  EXPECT_NE(listed.output.find(id + "  active  user:integrace  \"import\""), std::string::npos)
      << listed.output;
  EXPECT_EQ(listed.output.find(secret), std::string::npos);

  testing::CommandOutput revoked = Token("--revoke " + id);
  EXPECT_EQ(revoked.exit_code, 0) << revoked.output;
  httplib::Result refused = client_->Get("/api/v1/me", bearer);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 401);
  EXPECT_NE(Token("--list").output.find(id + "  revoked"), std::string::npos);
  EXPECT_EQ(
      Audit(),
      (testing::Rows{{"cli", "souhra token", "token:" + id + " user:integrace", "ok"},
                     {"cli", "souhra token --revoke", "token:" + id + " user:integrace", "ok"}}));
}

TEST_F(TokenCommandTest, BadRequestsChangeNothing) {
  EXPECT_EQ(Token("--login integrace --name x --days 400").exit_code, 1);
  EXPECT_EQ(Token("--revoke 0000000000000000").exit_code, 1);
  EXPECT_EQ(Token("--list --revoke abc").exit_code, 2);
  EXPECT_EQ(Token("--login integrace").exit_code, 2);
  EXPECT_TRUE(access_->ListApiTokens("demo")->empty());
}

}  // namespace
}  // namespace souhra
