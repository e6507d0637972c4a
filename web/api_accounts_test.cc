// Accounts through the API: the tenant's admin adds, edits, deactivates and resets accounts within
// their own tenant; a new or reset account may only change its temporary password until it does;
// a deactivated account's sessions and tokens stop at once; the last admin stays.
#include <gtest/gtest.h>

#include "tests/fakes/api_server.h"
#include "tests/fakes/table_rows.h"

namespace souhra {
namespace {

using testing::BrowserSession;

class AccountsApi : public testing::ApiServerFixture {
 protected:
  httplib::Result AsAdmin(const std::string& method, const std::string& path,
                          const Json& body = Json()) {
    if (admin_.cookie.empty()) admin_ = SignIn("spravce");
    return Send(method, path, admin_, body.is_null() ? "" : body.dump());
  }
  // Adds the case manager "horak" and returns the temporary password the admin was shown.
  std::string AddHorak() {
    httplib::Result res = AsAdmin("POST", "/api/v1/accounts",
                                  {{"login", "horak"},
                                   {"name", "Mgr. Jiří Horák"},
                                   {"email", "horak@example.cz"},
                                   {"roles", {"case_manager"}}});
    EXPECT_TRUE(res && res->status == 201) << (res ? res->body : "no answer");
    return res && res->status == 201 ? BodyOf(res)["temporary_password"].get<std::string>() : "";
  }
  // A sign-in with `password`; an empty session when refused.
  BrowserSession SignInWith(const std::string& login, const std::string& password,
                            const std::string& tenant = "demo") {
    httplib::Result res =
        client_->Post("/api/v1/session",
                      Json{{"tenant", tenant}, {"login", login}, {"password", password}}.dump(),
                      "application/json");
    BrowserSession session;
    if (!res || res->status != 200) return session;
    const std::string set_cookie = res->get_header_value("Set-Cookie");
    session.cookie = set_cookie.substr(0, set_cookie.find(';'));
    session.csrf = BodyOf(res)["csrf_token"].get<std::string>();
    return session;
  }
  // The account as the admin's list shows it; null when the list has none.
  Json Account(const std::string& login) {
    // Held in a variable: a range-for over a member of a temporary would read a destroyed Json.
    Json listed = BodyOf(AsAdmin("GET", "/api/v1/accounts"));
    for (const Json& a : listed["accounts"]) {
      if (a["login"] == login) return a;
    }
    return Json();
  }
  // The one value `sql` selects from the server's database.
  std::string Value(const std::string& sql) {
    testing::Rows rows = testing::Query(dir_.File("souhra.db"), sql.c_str());
    return rows.empty() || rows[0].empty() ? "" : rows[0][0];
  }

  BrowserSession admin_;
};

TEST_F(AccountsApi, ANewUserMayOnlyChangeTheTemporaryPasswordUntilTheyDo) {
  const std::string temporary = AddHorak();
  ASSERT_GE(temporary.size(), 16u);
  BrowserSession horak = SignInWith("horak", temporary);
  ASSERT_FALSE(horak.cookie.empty());

  httplib::Result me = Send("GET", "/api/v1/me", horak);
  ASSERT_TRUE(me && me->status == 200);
  EXPECT_TRUE(BodyOf(me)["user"]["must_change_password"].get<bool>());
  httplib::Result cases = Send("GET", "/api/v1/cases", horak);
  ASSERT_TRUE(cases);
  EXPECT_EQ(cases->status, 403);
  EXPECT_EQ(BodyOf(cases)["error"]["code"], "password_change_required");
  EXPECT_EQ(BodyOf(cases)["error"]["message"],
            "Nejdřív si změňte dočasné heslo; do té doby nelze v Souhře nic jiného dělat.");

  httplib::Result changed =
      Send("PUT", "/api/v1/me/password", horak,
           Json{{"current_password", temporary}, {"new_password", "modrá-konvice-na-čaj"}}.dump());
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, 200) << changed->body;
  EXPECT_EQ(Send("GET", "/api/v1/cases", horak)->status, 200);
  EXPECT_FALSE(
      BodyOf(Send("GET", "/api/v1/me", horak))["user"]["must_change_password"].get<bool>());
  EXPECT_TRUE(SignInWith("horak", temporary).cookie.empty());
  EXPECT_FALSE(SignInWith("horak", "modrá-konvice-na-čaj").cookie.empty());
  EXPECT_EQ(Value("SELECT group_concat(action, ' | ') FROM audit WHERE tenant = 'demo' AND "
                  "target = 'user:horak' AND outcome = 'ok'"),
            "POST /api/v1/accounts | PUT /api/v1/me/password");
}

TEST_F(AccountsApi, ANewUserSeesOnlyTheirTenant) {
  std::string unused;
  ASSERT_TRUE(SeedDemoDirectory(*directory_, "frydek", testing::kDemoPassword, &unused).ok());
  const std::string temporary = AddHorak();
  BrowserSession horak = SignInWith("horak", temporary);
  ASSERT_EQ(
      Send("PUT", "/api/v1/me/password", horak,
           Json{{"current_password", temporary}, {"new_password", "modrá-konvice-na-čaj"}}.dump())
          ->status,
      200);
  Json me = BodyOf(Send("GET", "/api/v1/me", horak));
  EXPECT_EQ(me["user"]["tenant"], "demo");
  EXPECT_EQ(Send("GET", "/api/v1/users", horak)->body.find("frydek"), std::string::npos);
  EXPECT_TRUE(SignInWith("horak", "whatever-password", "frydek").cookie.empty());
  BrowserSession other = SignInWith("spravce", testing::kDemoPassword, "frydek");
  Json listed = BodyOf(Send("GET", "/api/v1/accounts", other));
  ASSERT_FALSE(listed["accounts"].empty()) << listed.dump();
  for (const Json& a : listed["accounts"]) {
    EXPECT_NE(a["login"], "horak");
  }
}

TEST_F(AccountsApi, ADeactivatedUsersSessionAndTokenStopAtOnce) {
  BrowserSession novakova = SignIn("novakova");
  ASSERT_EQ(Send("GET", "/api/v1/cases", novakova)->status, 200);
  httplib::Result issued =
      AsAdmin("POST", "/api/v1/tokens", {{"login", "integrace"}, {"name", "import"}});
  ASSERT_TRUE(issued && issued->status == 201);
  const std::string token = BodyOf(issued)["token"];

  ASSERT_EQ(AsAdmin("POST", "/api/v1/accounts/novakova/deactivate")->status, 200);
  ASSERT_EQ(AsAdmin("POST", "/api/v1/accounts/integrace/deactivate")->status, 200);

  EXPECT_EQ(Send("GET", "/api/v1/cases", novakova)->status, 401);
  EXPECT_EQ(client_->Get("/api/v1/me", {{"Authorization", "Bearer " + token}})->status, 401);
  EXPECT_TRUE(SignIn("spravce").cookie.size() > 0);
  Json listed = Account("novakova");
  EXPECT_FALSE(listed["active"].get<bool>());
  EXPECT_EQ(listed["name"], "Mgr. Jana Nováková");
  EXPECT_EQ(Value("SELECT count(*) FROM sessions WHERE login = 'novakova'"), "0");
  EXPECT_EQ(Value("SELECT revoked FROM api_tokens WHERE login = 'integrace'"), "1");
  EXPECT_EQ(Value("SELECT count(*) FROM audit WHERE target = 'user:novakova' AND action = "
                  "'POST /api/v1/accounts/{login}/deactivate' AND actor = 'user:spravce'"),
            "1");

  ASSERT_EQ(AsAdmin("POST", "/api/v1/accounts/novakova/activate")->status, 200);
  EXPECT_EQ(Send("GET", "/api/v1/cases", SignIn("novakova"))->status, 200);
}

TEST_F(AccountsApi, ANonAdminAndAnotherTenantsAdminChangeNothing) {
  std::string unused;
  ASSERT_TRUE(SeedDemoDirectory(*directory_, "frydek", testing::kDemoPassword, &unused).ok());
  BrowserSession coordinator = SignIn("svoboda");
  const Json add = {{"login", "horak"}, {"name", "Jiří Horák"}, {"roles", {"admin"}}};
  EXPECT_EQ(Send("POST", "/api/v1/accounts", coordinator, add.dump())->status, 403);
  EXPECT_EQ(Send("GET", "/api/v1/accounts", coordinator)->status, 403);
  EXPECT_EQ(Send("POST", "/api/v1/accounts/novakova/deactivate", coordinator)->status, 403);
  EXPECT_EQ(Send("POST", "/api/v1/accounts/novakova/reset-password", coordinator)->status, 403);
  EXPECT_TRUE(Account("horak").is_null());
  Json novakova = Account("novakova");
  EXPECT_TRUE(novakova["active"].get<bool>());
  EXPECT_EQ(novakova["roles"], Json({"case_manager"}));
  EXPECT_EQ(Send("GET", "/api/v1/cases", SignIn("novakova"))->status, 200);

  // The demo directory gives frydek its own "novakova"; "horak" is demo's only.
  AddHorak();
  BrowserSession foreign = SignInWith("spravce", testing::kDemoPassword, "frydek");
  ASSERT_FALSE(foreign.cookie.empty());
  EXPECT_EQ(Send("POST", "/api/v1/accounts/horak/deactivate", foreign)->status, 404);
  EXPECT_EQ(Send("POST", "/api/v1/accounts/horak/reset-password", foreign)->status, 404);
  EXPECT_EQ(Send("PUT", "/api/v1/accounts/horak", foreign,
                 Json{{"name", "X"}, {"roles", {"admin"}}}.dump())
                ->status,
            404);
  Json horak = Account("horak");
  EXPECT_TRUE(horak["active"].get<bool>());
  EXPECT_EQ(horak["name"], "Mgr. Jiří Horák");
  EXPECT_EQ(horak["roles"], Json({"case_manager"}));
}

TEST_F(AccountsApi, TheLastActiveAdminStaysAndNoAdminDeactivatesThemselves) {
  httplib::Result self = AsAdmin("POST", "/api/v1/accounts/spravce/deactivate");
  ASSERT_TRUE(self);
  EXPECT_EQ(self->status, 409);
  EXPECT_EQ(BodyOf(self)["error"]["message"],
            "Sami sebe deaktivovat nemůžete; požádejte o to jiného správce.");
  httplib::Result demoted = AsAdmin("PUT", "/api/v1/accounts/spravce",
                                    {{"name", "Ing. Pavel Správce"}, {"roles", {"head"}}});
  ASSERT_TRUE(demoted);
  EXPECT_EQ(demoted->status, 409);
  EXPECT_EQ(BodyOf(demoted)["error"]["message"],
            "Obec by zůstala bez aktivního správce; nejdřív dejte roli správce jinému uživateli.");
  EXPECT_EQ(Account("spravce")["roles"], Json({"admin"}));

  // With a second admin, the first may step down.
  ASSERT_EQ(AsAdmin("PUT", "/api/v1/accounts/kucera",
                    {{"name", "Mgr. Tomáš Kučera"}, {"roles", {"methodologist", "admin"}}})
                ->status,
            200);
  EXPECT_EQ(AsAdmin("PUT", "/api/v1/accounts/spravce",
                    {{"name", "Ing. Pavel Správce"}, {"roles", {"head"}}})
                ->status,
            200);
}

TEST_F(AccountsApi, PolicyAndFormViolationsNameTheFieldInCzech) {
  httplib::Result bad = AsAdmin("POST", "/api/v1/accounts",
                                {{"login", "Horák"}, {"email", "nikam"}, {"roles", {"boss"}}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  Json fields = BodyOf(bad)["error"]["fields"];
  ASSERT_EQ(fields.size(), 4u) << bad->body;
  EXPECT_EQ(fields[0]["field"], "login");
  EXPECT_EQ(fields[1]["field"], "name");
  EXPECT_EQ(fields[1]["message"], "Vyplňte jméno a příjmení.");
  EXPECT_EQ(fields[2]["field"], "email");
  EXPECT_EQ(fields[3]["message"], "Vyberte role ze seznamu.");

  BrowserSession horak = SignInWith("horak", AddHorak());
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"kratke", "Heslo musí mít alespoň 12 znaků."},
      {"HORAK-je-tady-1", "Heslo nesmí být ani obsahovat přihlašovací jméno ani jméno uživatele."},
      {"Mgr. Jiří Horák", "Heslo nesmí být ani obsahovat přihlašovací jméno ani jméno uživatele."},
      {"password1234", "Toto heslo patří mezi nejčastěji používaná; zvolte jiné."}};
  for (const auto& [password, message] : refused) {
    SCOPED_TRACE(password);
    httplib::Result res =
        Send("PUT", "/api/v1/me/password", horak,
             Json{{"current_password", "irrelevant"}, {"new_password", password}}.dump());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400);
    EXPECT_EQ(BodyOf(res)["error"]["fields"][0]["field"], "new_password");
    EXPECT_EQ(BodyOf(res)["error"]["fields"][0]["message"], message);
  }
}

TEST_F(AccountsApi, AResetPasswordIsShownOnceAndEndsTheUsersSessions) {
  BrowserSession novakova = SignIn("novakova");
  httplib::Result reset = AsAdmin("POST", "/api/v1/accounts/novakova/reset-password");
  ASSERT_TRUE(reset && reset->status == 200);
  const std::string temporary = BodyOf(reset)["temporary_password"];
  EXPECT_EQ(Send("GET", "/api/v1/cases", novakova)->status, 401);
  EXPECT_TRUE(Account("novakova")["must_change_password"].get<bool>());
  EXPECT_EQ(Account("novakova").dump().find(temporary), std::string::npos);
  BrowserSession again = SignInWith("novakova", temporary);
  EXPECT_EQ(Send("GET", "/api/v1/cases", again)->status, 403);
  EXPECT_EQ(Value("SELECT count(*) FROM audit WHERE target LIKE '%" + temporary + "%'"), "0");
}

TEST_F(AccountsApi, AUserSavesTheirOwnEmailAndDigestChoice) {
  BrowserSession novakova = SignIn("novakova");
  httplib::Result bad = Send("PUT", "/api/v1/me", novakova, Json{{"email", "ne adresa"}}.dump());
  ASSERT_TRUE(bad);
  EXPECT_EQ(BodyOf(bad)["error"]["fields"][0]["field"], "email");
  ASSERT_EQ(Send("PUT", "/api/v1/me", novakova,
                 Json{{"email", "jana@mesto.cz"}, {"daily_digest", true}}.dump())
                ->status,
            200);
  Json me = BodyOf(Send("GET", "/api/v1/me", novakova));
  EXPECT_EQ(me["email"], "jana@mesto.cz");
  EXPECT_TRUE(me["daily_digest"].get<bool>());
}

}  // namespace
}  // namespace souhra
