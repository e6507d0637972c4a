// The definitions lifecycle through the REST API: drafts, versions with instance counts,
// activation, diffs, scenario runs on a draft and state diagrams, against a real server.
#include <gtest/gtest.h>

#include "tests/fakes/api_server.h"

namespace souhra {
namespace {

using testing::BrowserSession;

// The escalation workflow with one state renamed: a valid draft beside the active version.
constexpr char kEscalationDraft[] = R"lua(
return workflow {
  name = "escalation",
  title = "Žádost o pomoc koordinátora",
  events = {
    ["escalation.acknowledged"] = { title = "Převzít", by = { "coordinator", "head" } },
    ["escalation.resolved"] = {
      title = "Vyřešit", by = { "coordinator", "head" },
      form = { { name = "resolution", type = "text", label = "Řešení", required = true },
               { name = "note", type = "long_text", label = "Poznámka" } },
    },
  },
  initial = "open",
  states = {
    open = { title = "Nová", on = { ["escalation.acknowledged"] = { go = "acknowledged" } } },
    acknowledged = { title = "Převzatá", on = { ["escalation.resolved"] = { go = "resolved" } } },
    resolved = { title = "Uzavřená", final = true },
  },
}
)lua";

constexpr char kScenario[] = R"lua(scenario {
  name = "Koncept",
  tenant = "demo",
  start = "2026-04-02T10:00:00+02:00",
  definitions = { "escalation.lua" },
}
case { code = "K-SIM-1", workflow = "escalation" }
expect { state = "open" }
send { "escalation.acknowledged" }
expect { state = "acknowledged" }
)lua";

class ApiDefinitions : public testing::ApiServerFixture {
 protected:
  Json SaveDraft(const BrowserSession& session, const std::string& source, int status = 201) {
    httplib::Result res = Send("POST", "/api/v1/definitions", session,
                               Json{{"file", "escalation.lua"}, {"source", source}}.dump());
    EXPECT_TRUE(res);
    if (!res) return Json();
    EXPECT_EQ(res->status, status) << res->body;
    return BodyOf(res);
  }
  Json Get(const BrowserSession& session, const std::string& path, int status = 200) {
    httplib::Result res = Send("GET", path, session);
    EXPECT_TRUE(res);
    if (!res) return Json();
    EXPECT_EQ(res->status, status) << path << ": " << res->body;
    return BodyOf(res);
  }
  std::string ActiveVersion(const BrowserSession& session) {
    return Get(session, "/api/v1/definitions/escalation")["version"].get<std::string>();
  }
  // A user of another tenant, seeded like the demo one.
  BrowserSession SignInElsewhere(const std::string& login) {
    std::string used;
    EXPECT_TRUE(SeedDemoDirectory(*directory_, "jinde", testing::kDemoPassword, &used).ok());
    httplib::Result res = client_->Post(
        "/api/v1/session",
        Json{{"tenant", "jinde"}, {"login", login}, {"password", testing::kDemoPassword}}.dump(),
        "application/json");
    BrowserSession session;
    if (!res || res->status != 200) {
      ADD_FAILURE() << "sign-in elsewhere failed";
      return session;
    }
    const std::string cookie = res->get_header_value("Set-Cookie");
    session.cookie = cookie.substr(0, cookie.find(';'));
    session.csrf = Json::parse(res->body)["csrf_token"].get<std::string>();
    return session;
  }
};

TEST_F(ApiDefinitions, SavingADraftLeavesTheActiveVersionAndListsTheDraft) {
  BrowserSession methodologist = SignIn("kucera");
  const std::string active = ActiveVersion(methodologist);
  const Json saved = SaveDraft(methodologist, kEscalationDraft);
  EXPECT_EQ(saved["name"], "escalation");
  EXPECT_EQ(saved["kind"], "workflow");
  EXPECT_EQ(saved["status"], "draft");
  EXPECT_TRUE(saved["created"].get<bool>());
  const std::string draft = saved["version"];
  EXPECT_NE(draft, active);
  // Saving the same text again changes nothing.
  EXPECT_FALSE(SaveDraft(methodologist, kEscalationDraft, 200)["created"].get<bool>());

  const Json detail = Get(methodologist, "/api/v1/definitions/escalation");
  EXPECT_EQ(detail["version"], active);
  EXPECT_NE(detail["source"].get<std::string>().find("escalation"), std::string::npos);
  EXPECT_EQ(detail["draft_version"], draft);
  ASSERT_EQ(detail["versions"].size(), 2u);
  EXPECT_EQ(detail["versions"][0]["status"], "active");
  EXPECT_EQ(detail["versions"][0]["number"], 1);
  EXPECT_EQ(detail["versions"][1]["status"], "draft");
  EXPECT_EQ(detail["versions"][1]["version"], draft);
  EXPECT_EQ(detail["versions"][1]["saved_by"], "user:kucera");
  EXPECT_EQ(detail["versions"][1]["instances"], 0);

  const Json list = Get(methodologist, "/api/v1/definitions")["definitions"];
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["name"], "escalation");
  EXPECT_EQ(list[0]["version"], active);
  EXPECT_EQ(list[0]["versions"].size(), 2u);
}

TEST_F(ApiDefinitions, AnInvalidDraftIsRefusedWithItsLineNumbers) {
  BrowserSession methodologist = SignIn("kucera");
  const std::string broken =
      "return workflow {\n  name = \"escalation\",\n  initial = \"a\",\n"
      "  states = { a = { on = { x = { go = \"b\" } } } },\n}\n";
  const Json refused = SaveDraft(methodologist, broken, 422);
  EXPECT_EQ(refused["error"]["code"], "invalid_definition");
  ASSERT_FALSE(refused["diagnostics"].empty());
  EXPECT_GT(refused["diagnostics"][0]["line"].get<int>(), 0) << refused.dump();
  EXPECT_EQ(Get(methodologist, "/api/v1/definitions/escalation")["versions"].size(), 1u);
}

TEST_F(ApiDefinitions, OnlyTheMethodologistSavesActivatesAndSimulates) {
  BrowserSession methodologist = SignIn("kucera");
  const std::string draft = SaveDraft(methodologist, kEscalationDraft)["version"];
  BrowserSession coordinator = SignIn("svoboda");
  const std::string path = "/api/v1/definitions/escalation";
  for (const auto& [method, target] : std::vector<std::pair<std::string, std::string>>{
           {"POST", "/api/v1/definitions"},
           {"POST", path + "/versions/" + draft + "/activate"},
           {"POST", path + "/simulate"}}) {
    httplib::Result res =
        Send(method, target, coordinator,
             Json{{"file", "e.lua"}, {"source", kEscalationDraft}, {"scenario", kScenario}}.dump());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << target;
  }
  // Reading is for everyone of the tenant.
  EXPECT_EQ(Get(coordinator, path)["versions"].size(), 2u);
}

TEST_F(ApiDefinitions, AnotherTenantSeesNoneOfThem) {
  BrowserSession methodologist = SignIn("kucera");
  const std::string draft = SaveDraft(methodologist, kEscalationDraft)["version"];
  BrowserSession stranger = SignInElsewhere("kucera");
  const std::string path = "/api/v1/definitions/escalation";
  EXPECT_TRUE(Get(stranger, "/api/v1/definitions")["definitions"].empty());
  Get(stranger, path, 404);
  Get(stranger, path + "/diff", 404);
  Get(stranger, path + "/versions/" + draft + "/diagram", 404);
  httplib::Result activate =
      Send("POST", path + "/versions/" + draft + "/activate", stranger, "{}");
  ASSERT_TRUE(activate);
  EXPECT_EQ(activate->status, 404);
  httplib::Result simulate =
      Send("POST", path + "/simulate", stranger, Json{{"scenario", kScenario}}.dump());
  ASSERT_TRUE(simulate);
  EXPECT_EQ(simulate->status, 404);
  EXPECT_EQ(Get(methodologist, path)["versions"][1]["status"], "draft");
}

TEST_F(ApiDefinitions, ActivatingADraftByItsPrefixMakesItTheActiveVersion) {
  BrowserSession methodologist = SignIn("kucera");
  const std::string active = ActiveVersion(methodologist);
  const std::string draft = SaveDraft(methodologist, kEscalationDraft)["version"];
  const std::string path = "/api/v1/definitions/escalation/versions/";
  httplib::Result unknown = Send("POST", path + "0000000000/activate", methodologist, "{}");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);

  httplib::Result activated =
      Send("POST", path + draft.substr(0, 12) + "/activate", methodologist, "{}");
  ASSERT_TRUE(activated);
  ASSERT_EQ(activated->status, 200) << activated->body;
  EXPECT_EQ(BodyOf(activated)["version"], draft);
  EXPECT_EQ(BodyOf(activated)["previous"], active);
  const Json detail = Get(methodologist, "/api/v1/definitions/escalation");
  EXPECT_EQ(detail["version"], draft);
  EXPECT_EQ(detail["versions"][0]["status"], "retired");
  EXPECT_FALSE(detail.contains("draft_source"));

  const Json audit = Get(SignIn("spravce"), "/api/v1/audit");
  EXPECT_NE(audit.dump().find("definition:escalation@" + draft), std::string::npos);
}

TEST_F(ApiDefinitions, TheDiffDefaultsToTheActiveVersionAgainstTheNewestDraft) {
  BrowserSession methodologist = SignIn("kucera");
  const std::string path = "/api/v1/definitions/escalation/diff";
  Get(methodologist, path, 404);  // no draft yet
  const std::string active = ActiveVersion(methodologist);
  const std::string draft = SaveDraft(methodologist, kEscalationDraft)["version"];
  const Json diff = Get(methodologist, path);
  EXPECT_EQ(diff["from"], active);
  EXPECT_EQ(diff["to"], draft);
  EXPECT_EQ(diff["added"], 1);
  EXPECT_EQ(diff["removed"], 1);
  EXPECT_NE(diff["diff"].get<std::string>().find("+    resolved = { title = \"Uzavřená\""),
            std::string::npos)
      << diff["diff"];
  ASSERT_EQ(diff["hunks"].size(), 1u);
  bool added = false;
  for (const Json& line : diff["hunks"][0]["lines"]) {
    if (line["kind"] == "added")
      added = line["text"].get<std::string>().find("Uzavřená") != std::string::npos;
  }
  EXPECT_TRUE(added);

  const Json reverse = Get(methodologist, path + "?from=" + draft + "&to=" + active);
  EXPECT_EQ(reverse["removed"], 1);
  Get(methodologist, path + "?from=ffffffff", 404);
}

TEST_F(ApiDefinitions, AScenarioRunsOnTheDraftAndReportsItsTimelineAndFailures) {
  BrowserSession methodologist = SignIn("kucera");
  const std::string draft = SaveDraft(methodologist, kEscalationDraft)["version"];
  const std::string path = "/api/v1/definitions/escalation/simulate";
  httplib::Result passed =
      Send("POST", path, methodologist, Json{{"scenario", kScenario}, {"version", draft}}.dump());
  ASSERT_TRUE(passed);
  ASSERT_EQ(passed->status, 200) << passed->body;
  EXPECT_TRUE(BodyOf(passed)["ok"].get<bool>()) << passed->body;
  EXPECT_EQ(BodyOf(passed)["version"], draft);
  EXPECT_FALSE(BodyOf(passed)["timeline"].empty());
  EXPECT_TRUE(BodyOf(passed)["failures"].empty());

  std::string wrong = kScenario;
  wrong.replace(wrong.rfind("\"acknowledged\""), 14, "\"resolved\"");
  httplib::Result failed =
      Send("POST", path, methodologist, Json{{"scenario", wrong}, {"version", draft}}.dump());
  ASSERT_TRUE(failed);
  ASSERT_EQ(failed->status, 200) << failed->body;
  EXPECT_FALSE(BodyOf(failed)["ok"].get<bool>());
  ASSERT_EQ(BodyOf(failed)["failures"].size(), 1u);
  EXPECT_NE(BodyOf(failed)["failures"][0].get<std::string>().find("resolved"), std::string::npos);

  httplib::Result unknown = Send("POST", path, methodologist,
                                 Json{{"scenario", kScenario}, {"version", "0000000"}}.dump());
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

TEST_F(ApiDefinitions, TheDiagramIsSvgWithTheInstanceCountsOfItsVersion) {
  BrowserSession methodologist = SignIn("kucera");
  const std::string active = ActiveVersion(methodologist);
  NewCase request;
  request.tenant = "demo";
  request.code = "K-1";
  request.workflow = "escalation";
  ASSERT_TRUE(engine_->CreateCase(request).ok());
  EXPECT_EQ(Get(methodologist, "/api/v1/definitions/escalation")["states"]["open"], 1);

  httplib::Result svg =
      Send("GET", "/api/v1/definitions/escalation/versions/" + active + "/diagram", methodologist);
  ASSERT_TRUE(svg);
  ASSERT_EQ(svg->status, 200) << svg->body;
  EXPECT_EQ(svg->get_header_value("Content-Type"), "image/svg+xml");
  EXPECT_NE(svg->body.find("<svg"), std::string::npos);
  EXPECT_NE(svg->body.find("1 instance"), std::string::npos);
  Get(methodologist, "/api/v1/definitions/escalation/versions/abcdef/diagram", 404);
}

}  // namespace
}  // namespace souhra
