// Sign-in, sessions, CSRF, roles, bearer tokens, rate limiting, the audit log and the server's
// own routes, against a real server on loopback.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>

#include "tests/fakes/api_server.h"
#include "tests/fakes/raw_connection.h"
#include "web/authenticator.h"
#include "web/credentials.h"

namespace souhra {
namespace {

using testing::BrowserSession;

class ApiSession : public testing::ApiServerFixture {};

TEST_F(ApiSession, SignInSetsAStrictHttpOnlyCookieAndReturnsTheCsrfToken) {
  httplib::Result res = client_->Post(
      "/api/v1/session", Json{{"login", "novakova"}, {"password", testing::kDemoPassword}}.dump(),
      "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const std::string cookie = res->get_header_value("Set-Cookie");
  EXPECT_EQ(cookie.rfind("souhra_session=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);
  Json body = BodyOf(res);
  EXPECT_EQ(body["user"]["login"], "novakova");
  EXPECT_EQ(body["user"]["roles"], Json::array({"case_manager"}));
  EXPECT_EQ(body["csrf_token"].get<std::string>().size(), 64u);
}

TEST_F(ApiSession, MeAnswersTheSignedInUserAndRefusesStrangers) {
  BrowserSession session = SignIn("svoboda");
  httplib::Result me = Send("GET", "/api/v1/me", session);
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 200);
  EXPECT_EQ(BodyOf(me)["user"]["name"], "Mgr. Petr Svoboda");
  EXPECT_EQ(BodyOf(me)["csrf_token"], session.csrf);

  httplib::Result stranger = Send("GET", "/api/v1/me", BrowserSession());
  ASSERT_TRUE(stranger);
  EXPECT_EQ(stranger->status, 401);
  EXPECT_EQ(BodyOf(stranger)["error"]["code"], "unauthenticated");

  httplib::Result forged = Send("GET", "/api/v1/me", BrowserSession{"souhra_session=abc", ""});
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 401);
}

TEST_F(ApiSession, WrongPasswordIsRefusedWithoutSayingWhichPartWasWrong) {
  httplib::Result res =
      client_->Post("/api/v1/session", Json{{"login", "novakova"}, {"password", "spatne"}}.dump(),
                    "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(BodyOf(res)["error"]["code"], "invalid_credentials");
  httplib::Result unknown =
      client_->Post("/api/v1/session", Json{{"login", "nikdo"}, {"password", "spatne"}}.dump(),
                    "application/json");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(BodyOf(unknown)["error"]["message"], BodyOf(res)["error"]["message"]);
}

TEST_F(ApiSession, UnknownLoginAnswersTheSameBodyAsAWrongPasswordAfterTheSameHashing) {
  httplib::Result wrong =
      client_->Post("/api/v1/session", Json{{"login", "svoboda"}, {"password", "spatne"}}.dump(),
                    "application/json");
  httplib::Result unknown =
      client_->Post("/api/v1/session", Json{{"login", "neznamy"}, {"password", "spatne"}}.dump(),
                    "application/json");
  ASSERT_TRUE(wrong);
  ASSERT_TRUE(unknown);
  EXPECT_EQ(wrong->status, 401);
  EXPECT_EQ(unknown->status, 401);
  EXPECT_EQ(unknown->body, wrong->body);
  // The dummy hash an unknown login is verified against costs what a real one does: same
  // algorithm, memory and passes; only the salt and digest differ.
  Result<std::string> real = HashPassword("heslo");
  ASSERT_TRUE(real.ok());
  const std::string dummy = kDummyPasswordHash;
  const size_t params_end = real->find('$', real->find("p=")) + 1;
  EXPECT_EQ(dummy.substr(0, params_end), real->substr(0, params_end));
  EXPECT_FALSE(VerifyPassword("", dummy));
  EXPECT_FALSE(VerifyPassword("spatne", dummy));
}

TEST_F(ApiSession, FiveFailuresBlockTheLoginWithRetryAfterUntilTheWindowPasses) {
  for (int i = 0; i < 5; ++i) {
    httplib::Result res = client_->Post(
        "/api/v1/session", Json{{"login", "cerna"}, {"password", "x"}}.dump(), "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401);
  }
  const std::string good = Json{{"login", "cerna"}, {"password", testing::kDemoPassword}}.dump();
  httplib::Result blocked = client_->Post("/api/v1/session", good, "application/json");
  ASSERT_TRUE(blocked);
  EXPECT_EQ(blocked->status, 429);
  EXPECT_EQ(BodyOf(blocked)["error"]["code"], "rate_limited");
  EXPECT_EQ(blocked->get_header_value("Retry-After"), "900");

  clock_.Advance(std::chrono::minutes(15));
  httplib::Result later = client_->Post("/api/v1/session", good, "application/json");
  ASSERT_TRUE(later);
  EXPECT_EQ(later->status, 200);
}

// The limit was read before the slow password check and written after it: 100 wrong passwords
// for one login at once had 66 checked. Each comes from an address of its own, so that only the
// login's limit applies.
TEST_F(ApiSession, AHundredParallelWrongPasswordsForOneLoginHaveAtMostFiveChecked) {
  const std::string request =
      testing::JsonPost("/api/v1/session", Json{{"login", "cerna"}, {"password", "spatne"}}.dump());
  std::vector<std::future<std::string>> answers;
  for (int i = 0; i < 100; ++i) {
    const std::string source = "127.0.1." + std::to_string(i + 1);
    answers.push_back(std::async(std::launch::async, [this, source, request] {
      std::unique_ptr<testing::RawConnection> connection =
          testing::RawConnection::Open(server_->port(), source);
      if (!connection || !connection->Send(request)) return std::string();
      return connection->ReadUntilClosed(std::chrono::seconds(30));
    }));
  }
  int checked = 0;
  int refused = 0;
  for (std::future<std::string>& answer : answers) {
    const std::string response = answer.get();
    const int status = testing::StatusOf(response);
    if (status == 401) {
      ++checked;
    } else if (status == 429 && response.find("Retry-After: ") != std::string::npos) {
      ++refused;
    } else {
      ADD_FAILURE() << "neither a check nor a refusal with Retry-After: " << response;
    }
  }
  EXPECT_GE(checked, 1);
  EXPECT_LE(checked, 5);
  EXPECT_EQ(checked + refused, 100);
}

TEST_F(ApiSession, SignInFailuresSurviveARestartOnTheSameDatabase) {
  for (int i = 0; i < 5; ++i) {
    httplib::Result res = client_->Post(
        "/api/v1/session", Json{{"login", "cerna"}, {"password", "x"}}.dump(), "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401);
  }
  StopServer();
  SqliteOptions options;
  options.path = dir_.File("souhra.db");
  access_ = std::move(OpenSqliteAccessStore(options).value());
  StartServer(ServerOptions());
  httplib::Result blocked = client_->Post(
      "/api/v1/session", Json{{"login", "cerna"}, {"password", testing::kDemoPassword}}.dump(),
      "application/json");
  ASSERT_TRUE(blocked);
  EXPECT_EQ(blocked->status, 429);
  EXPECT_EQ(blocked->get_header_value("Retry-After"), "900");
}

TEST_F(ApiSession, ChangesWithACookieNeedTheSessionsCsrfToken) {
  BrowserSession session = SignIn("spravce");
  const std::string body = Json{{"login", "integrace"}, {"name", "import"}}.dump();
  httplib::Result missing = Send("POST", "/api/v1/tokens", session, body, /*with_csrf=*/false);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 403);
  EXPECT_EQ(BodyOf(missing)["error"]["code"], "csrf_missing");

  BrowserSession wrong = session;
  wrong.csrf = std::string(64, 'a');
  httplib::Result mismatch = Send("POST", "/api/v1/tokens", wrong, body);
  ASSERT_TRUE(mismatch);
  EXPECT_EQ(BodyOf(mismatch)["error"]["code"], "csrf_mismatch");

  httplib::Result ok = Send("POST", "/api/v1/tokens", session, body);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 201) << ok->body;
}

TEST_F(ApiSession, ABearerTokenActsAsItsUserWithoutCsrf) {
  BrowserSession admin = SignIn("spravce");
  httplib::Result issued = Send("POST", "/api/v1/tokens", admin,
                                Json{{"login", "integrace"}, {"name", "import"}}.dump());
  ASSERT_TRUE(issued);
  ASSERT_EQ(issued->status, 201) << issued->body;
  const std::string token = BodyOf(issued)["token"];

  httplib::Headers bearer = {{"Authorization", "Bearer " + token}};
  httplib::Result me = client_->Get("/api/v1/me", bearer);
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 200);
  EXPECT_EQ(BodyOf(me)["user"]["login"], "integrace");
  EXPECT_EQ(BodyOf(me)["user"]["roles"], Json::array({"social_worker"}));
  EXPECT_EQ(BodyOf(me)["via"], "token");
  // A change without X-CSRF-Token, refused only for the role the integration lacks.
  httplib::Result actor = client_->Post(
      "/api/v1/actors", bearer,
      Json{{"id", "azylovy_dum"}, {"name", "Jana Malá"}, {"kind", "social_services"}}.dump(),
      "application/json");
  ASSERT_TRUE(actor);
  EXPECT_EQ(actor->status, 403) << actor->body;
  EXPECT_EQ(BodyOf(actor)["error"]["code"], "forbidden");
  httplib::Result out = client_->Delete("/api/v1/session", bearer);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 200) << out->body;

  httplib::Result bad = client_->Get("/api/v1/me", {{"Authorization", "Bearer nope"}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 401);
}

TEST_F(ApiSession, OnlyAnAdminIssuesTokens) {
  BrowserSession manager = SignIn("novakova");
  httplib::Result res =
      Send("POST", "/api/v1/tokens", manager, Json{{"login", "integrace"}, {"name", "x"}}.dump());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(BodyOf(res)["error"]["code"], "forbidden");
}

TEST_F(ApiSession, SignOutEndsTheSession) {
  BrowserSession session = SignIn("novakova");
  httplib::Result out = Send("DELETE", "/api/v1/session", session);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 200);
  EXPECT_NE(out->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
  httplib::Result me = Send("GET", "/api/v1/me", session);
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 401);
}

TEST_F(ApiSession, AnIdleSessionExpires) {
  BrowserSession session = SignIn("novakova");
  clock_.Advance(std::chrono::hours(2) + std::chrono::minutes(1));
  httplib::Result me = Send("GET", "/api/v1/me", session);
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 401);
  EXPECT_NE(BodyOf(me)["error"]["message"].get<std::string>().find("Přihlášení vypršelo"),
            std::string::npos);
}

TEST_F(ApiSession, TheAuditLogRecordsSignInsAndChangesForHeadAndAdminOnly) {
  httplib::Result failed = client_->Post(
      "/api/v1/session", Json{{"login", "novakova"}, {"password", "x"}}.dump(), "application/json");
  ASSERT_TRUE(failed);
  BrowserSession head = SignIn("cerna");
  httplib::Result audit = Send("GET", "/api/v1/audit", head);
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->status, 200) << audit->body;
  const Json rows = BodyOf(audit)["audit"];
  ASSERT_EQ(rows.size(), 2u) << rows.dump();
  EXPECT_EQ(rows[0]["actor"], "user:cerna");
  EXPECT_EQ(rows[0]["action"], "POST /api/v1/session");
  EXPECT_EQ(rows[0]["outcome"], "ok");
  EXPECT_EQ(rows[0]["client"], "127.0.0.1");
  EXPECT_EQ(rows[1]["actor"], "anonymous");
  EXPECT_EQ(rows[1]["target"], "login:novakova");
  EXPECT_EQ(rows[1]["outcome"], "invalid_credentials");

  BrowserSession manager = SignIn("novakova");
  httplib::Result refused = Send("GET", "/api/v1/audit", manager);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
}

TEST_F(ApiSession, MalformedJsonAndUnknownFieldsAreRefusedNamingTheProblem) {
  httplib::Result malformed = client_->Post("/api/v1/session", "{\"login\":", "application/json");
  ASSERT_TRUE(malformed);
  EXPECT_EQ(malformed->status, 400);
  EXPECT_EQ(BodyOf(malformed)["error"]["code"], "invalid_argument");
  httplib::Result unknown = client_->Post(
      "/api/v1/session", Json{{"login", "a"}, {"password", "b"}, {"remember", true}}.dump(),
      "application/json");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);
  EXPECT_NE(BodyOf(unknown)["error"]["message"].get<std::string>().find("'remember'"),
            std::string::npos);
  httplib::Result wrong_type = client_->Post(
      "/api/v1/session", Json{{"login", 7}, {"password", "b"}}.dump(), "application/json");
  ASSERT_TRUE(wrong_type);
  EXPECT_EQ(wrong_type->status, 400);
  EXPECT_EQ(BodyOf(wrong_type)["error"]["message"], "Položka „login“ má být text.");
}

TEST_F(ApiSession, AnOversizedBodyIsRefusedWith413AndAJsonError) {
  ServerOptions options;
  options.max_body_bytes = 1024;
  StartServer(options);
  httplib::Result res =
      client_->Post("/api/v1/session", std::string(4096, ' '), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(BodyOf(res)["error"]["code"], "payload_too_large");
}

TEST_F(ApiSession, UnknownApiRoutesAnswerAJsonNotFound) {
  httplib::Result res = client_->Get("/api/v1/nothing-here");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(BodyOf(res)["error"]["code"], "not_found");
}

TEST_F(ApiSession, MetricsCountRequestsByRouteAndReportTheEngine) {
  BrowserSession session = SignIn("novakova");
  ASSERT_TRUE(Send("GET", "/api/v1/me", session));
  httplib::Result metrics = client_->Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 200);
  const std::string& text = metrics->body;
  EXPECT_NE(
      text.find("souhra_http_requests_total{method=\"GET\",route=\"/api/v1/me\",status=\"200\"} 1"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("souhra_http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/v1/"
                      "session\",le=\"+Inf\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("souhra_events_applied_total "), std::string::npos);
  EXPECT_NE(text.find("souhra_outbox_backlog "), std::string::npos);
  EXPECT_NE(text.find("souhra_scheduler_lag_seconds "), std::string::npos);
}

TEST_F(ApiSession, EveryRequestLogsOneJsonLineWithoutBodies) {
  std::ostringstream log;
  ServerOptions options;
  options.log = &log;
  StartServer(options);
  SignIn("novakova");
  StopServer();
  // The first line is the fixture's /healthz probe.
  std::istringstream lines(log.str());
  std::string text;
  std::getline(lines, text);
  EXPECT_EQ(Json::parse(text)["route"], "/healthz");
  std::getline(lines, text);
  const Json line = Json::parse(text);
  EXPECT_EQ(line["method"], "POST");
  EXPECT_EQ(line["route"], "/api/v1/session");
  EXPECT_EQ(line["status"], 200);
  EXPECT_EQ(line["user"], "novakova");
  EXPECT_EQ(line["tenant"], "demo");
  EXPECT_TRUE(line["ms"].is_number());
  EXPECT_EQ(log.str().find(testing::kDemoPassword), std::string::npos);
}

TEST_F(ApiSession, StaticFilesAreServedWithTheirTypeAndNeverOutsideTheirDirectory) {
  static_dir_ = dir_.File("static");
  std::filesystem::create_directories(static_dir_);
  std::ofstream(static_dir_ + "/app.js") << "export const x = 1;\n";
  std::ofstream(dir_.File("secret.txt")) << "tajné\n";
  StartServer(ServerOptions());
  httplib::Result js = client_->Get("/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  httplib::Result escape = client_->Get("/../secret.txt");
  ASSERT_TRUE(escape);
  EXPECT_NE(escape->status, 200);
  EXPECT_EQ(escape->body.find("tajné"), std::string::npos);
}

}  // namespace
}  // namespace souhra
