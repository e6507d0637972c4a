// Bearer tokens through the API: only for integration accounts, with an expiry, listed without
// their secrets, revoked from the next request on, and audited.
#include <gtest/gtest.h>

#include "tests/fakes/api_server.h"
#include "web/credentials.h"

namespace souhra {
namespace {

using std::chrono::days;
using std::chrono::minutes;
using testing::BrowserSession;

class TokensApi : public testing::ApiServerFixture {
 protected:
  httplib::Result Issue(const Json& body) {
    return Send("POST", "/api/v1/tokens", SignIn("spravce"), body.dump());
  }
  // A token for the demo's integration account; "" (and a failure) when it is not issued.
  std::string IssueForIntegration(Json extra = Json::object()) {
    Json body = {{"login", "integrace"}, {"name", "import z evidence"}};
    body.update(extra);
    httplib::Result res = Issue(body);
    EXPECT_TRUE(res && res->status == 201) << (res ? res->body : "no answer");
    return res && res->status == 201 ? BodyOf(res)["token"].get<std::string>() : "";
  }
  httplib::Result Me(const std::string& token) {
    return client_->Get("/api/v1/me", {{"Authorization", "Bearer " + token}});
  }
  Json Tokens() {
    httplib::Result res = Send("GET", "/api/v1/tokens", SignIn("spravce"));
    EXPECT_TRUE(res && res->status == 200) << (res ? res->body : "no answer");
    return BodyOf(res)["tokens"];
  }
};

TEST_F(TokensApi, ATokenForAPersonsAccountIsRefusedWhoeverAsks) {
  for (const std::string login : {"cerna", "svoboda", "spravce"}) {
    httplib::Result res = Issue({{"login", login}, {"name", "čtení spisů"}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << login << ": " << res->body;
    EXPECT_EQ(BodyOf(res)["error"]["code"], "forbidden");
    EXPECT_NE(BodyOf(res)["error"]["message"].get<std::string>().find(
                  "Token lze vydat jen integračnímu účtu"),
              std::string::npos)
        << res->body;
  }
  EXPECT_TRUE(Tokens().empty());
  httplib::Result unknown = Issue({{"login", "nikdo"}, {"name", "x"}});
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);
}

TEST_F(TokensApi, ATokenLastsNinetyDaysByDefault) {
  const std::string token = IssueForIntegration();
  httplib::Result me = Me(token);
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 200);
  EXPECT_EQ(BodyOf(me)["user"]["login"], "integrace");
  EXPECT_EQ(Tokens()[0]["expires"], FormatUtc(clock_.Now() + days(90)));

  clock_.Advance(days(90) - minutes(1));
  EXPECT_EQ(Me(token)->status, 200);
  clock_.Advance(minutes(1));
  httplib::Result expired = Me(token);
  ASSERT_TRUE(expired);
  EXPECT_EQ(expired->status, 401);
  EXPECT_EQ(BodyOf(expired)["error"]["message"],
            "Platnost tokenu skončila; požádejte správce o nový.");
  EXPECT_TRUE(Tokens()[0]["expired"].get<bool>());
}

TEST_F(TokensApi, TheExpiryIsChosenPerTokenWithinOneToThreeHundredSixtyFiveDays) {
  for (const Json& days_asked : {Json(0), Json(366), Json("30"), Json(1.5)}) {
    httplib::Result res =
        Issue({{"login", "integrace"}, {"name", "x"}, {"expires_in_days", days_asked}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << days_asked.dump();
    EXPECT_EQ(BodyOf(res)["error"]["fields"][0]["field"], "expires_in_days") << res->body;
  }
  EXPECT_TRUE(Tokens().empty());
  const std::string token = IssueForIntegration({{"expires_in_days", 1}});
  clock_.Advance(days(1) - minutes(1));
  EXPECT_EQ(Me(token)->status, 200);
  clock_.Advance(minutes(1));
  EXPECT_EQ(Me(token)->status, 401);
}

TEST_F(TokensApi, TheTenantSetsTheDefaultExpiry) {
  TenantRecord tenant = directory_->GetTenant("demo").value().value();
  tenant.settings["token_days"] = 7;
  ASSERT_TRUE(directory_->PutTenant(tenant).ok());
  IssueForIntegration();
  EXPECT_EQ(Tokens()[0]["expires"], FormatUtc(clock_.Now() + days(7)));
}

TEST_F(TokensApi, TheListShowsEveryTokenButNeverItsSecret) {
  const std::string first = IssueForIntegration();
  clock_.Advance(minutes(5));
  const std::string second = IssueForIntegration({{"name", "zálohy"}});
  ASSERT_EQ(Me(first)->status, 200);

  httplib::Result res = Send("GET", "/api/v1/tokens", SignIn("spravce"));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  for (const std::string& secret : {first, second}) {
    EXPECT_EQ(res->body.find(secret), std::string::npos);
    EXPECT_EQ(res->body.find(TokenDigest(secret)), std::string::npos);
  }
  const Json tokens = BodyOf(res)["tokens"];
  ASSERT_EQ(tokens.size(), 2u) << tokens.dump();
  EXPECT_EQ(tokens[0]["name"], "zálohy");  // newest first
  EXPECT_EQ(tokens[0]["last_used"], Json());
  const Json& used = tokens[1];
  EXPECT_EQ(used["id"].get<std::string>().size(), 16u);
  EXPECT_EQ(used["name"], "import z evidence");
  EXPECT_EQ(used["login"], "integrace");
  EXPECT_EQ(used["user_name"], "Import z evidence");
  EXPECT_EQ(used["created_by"], "user:spravce");
  EXPECT_EQ(used["created"], FormatUtc(clock_.Now() - minutes(5)));
  EXPECT_EQ(used["last_used"], FormatUtc(clock_.Now()));
  EXPECT_EQ(used["revoked"], false);
  EXPECT_EQ(used["expired"], false);

  httplib::Result head = Send("GET", "/api/v1/tokens", SignIn("cerna"));
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 403);
}

TEST_F(TokensApi, ARevokedTokenSignsNobodyInFromTheNextRequest) {
  const std::string token = IssueForIntegration();
  ASSERT_EQ(Me(token)->status, 200);
  const std::string id = Tokens()[0]["id"];
  BrowserSession admin = SignIn("spravce");
  httplib::Result revoked = Send("DELETE", "/api/v1/tokens/" + id, admin);
  ASSERT_TRUE(revoked);
  ASSERT_EQ(revoked->status, 200) << revoked->body;
  EXPECT_EQ(BodyOf(revoked)["token"]["revoked"], true);

  httplib::Result refused = Me(token);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 401);
  EXPECT_EQ(BodyOf(refused)["error"]["message"], "Token byl zrušen; požádejte správce o nový.");
  EXPECT_TRUE(Tokens()[0]["revoked"].get<bool>());

  httplib::Result unknown = Send("DELETE", "/api/v1/tokens/0000000000000000", admin);
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  httplib::Result by_head = Send("DELETE", "/api/v1/tokens/" + id, SignIn("cerna"));
  ASSERT_TRUE(by_head);
  EXPECT_EQ(by_head->status, 403);
}

TEST_F(TokensApi, IssuingRefusingAndRevokingAreAudited) {
  Issue({{"login", "cerna"}, {"name", "čtení spisů"}});
  IssueForIntegration();
  const std::string id = Tokens()[0]["id"];
  ASSERT_EQ(Send("DELETE", "/api/v1/tokens/" + id, SignIn("spravce"))->status, 200);

  httplib::Result audit = Send("GET", "/api/v1/audit", SignIn("cerna"));
  ASSERT_TRUE(audit);
  const Json body = BodyOf(audit);
  std::vector<std::string> rows;
  for (const Json& row : body["audit"]) {
    if (row["action"].get<std::string>().find("/tokens") == std::string::npos) continue;
    rows.push_back(row["actor"].get<std::string>() + " " + row["action"].get<std::string>() + " " +
                   row["target"].get<std::string>() + " " + row["outcome"].get<std::string>());
  }
  EXPECT_EQ(rows, (std::vector<std::string>{
                      "user:spravce DELETE /api/v1/tokens/{id} token:" + id + " user:integrace ok",
                      "user:spravce POST /api/v1/tokens token:" + id + " user:integrace ok",
                      "user:spravce POST /api/v1/tokens user:cerna forbidden"}));
}

TEST_F(TokensApi, ATokenStopsWhenItsAccountIsNoLongerAnIntegration) {
  const std::string token = IssueForIntegration();
  UserRecord account = directory_->GetUser("demo", "integrace").value().value();
  account.integration = false;
  ASSERT_TRUE(directory_->PutUser(account).ok());
  httplib::Result refused = Me(token);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 401);
}

TEST_F(TokensApi, AnIntegrationAccountCannotSignInOrHoldAPassword) {
  httplib::Result res = client_->Post(
      "/api/v1/session", Json{{"login", "integrace"}, {"password", ""}}.dump(), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);  // a password is required at all
  res = client_->Post("/api/v1/session",
                      Json{{"login", "integrace"}, {"password", testing::kDemoPassword}}.dump(),
                      "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(BodyOf(res)["error"]["code"], "invalid_credentials");

  UserRecord account = directory_->GetUser("demo", "integrace").value().value();
  account.password_hash = HashPassword("heslo").value();
  EXPECT_EQ(directory_->PutUser(account).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace souhra
