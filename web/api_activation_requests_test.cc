// Four eyes on activation through the REST API (web/api_activation_requests.cc): what governs
// disclosure waits for the head, nobody approves their own request, a refusal needs a reason
// and leaves a draft, and a tenant may put every definition under four eyes.
#include <gtest/gtest.h>

#include "tests/fakes/api_server.h"

namespace souhra {
namespace {

using testing::BrowserSession;

// The issue's attack: the information rules replaced by "always allow".
constexpr char kAlwaysAllow[] = R"lua(
return rules {
  name = "information_sharing",
  title = "Sdílení informací s externími aktéry",
  decide = "any",
  criteria = {
    criterion { id = "always", title = "Vždy", check = function() return true end },
  },
}
)lua";

// The test escalation workflow with one state renamed: needs nobody else by default.
constexpr char kEscalationDraft[] = R"lua(
return workflow {
  name = "escalation",
  title = "Žádost o pomoc koordinátora",
  events = {
    ["escalation.acknowledged"] = { title = "Převzít", by = { "coordinator", "head" } },
  },
  initial = "open",
  states = {
    open = { title = "Nová", on = { ["escalation.acknowledged"] = { go = "closed" } } },
    closed = { title = "Uzavřená", final = true },
  },
}
)lua";

class ApiActivationRequests : public testing::ApiServerFixture {
 protected:
  // A second person with the given roles, signing in with the demo password.
  BrowserSession SignInNew(const std::string& login, std::vector<std::string> roles) {
    Result<std::optional<UserRecord>> methodologist = directory_->GetUser("demo", "kucera");
    EXPECT_TRUE(methodologist.ok() && methodologist->has_value());
    UserRecord user = **methodologist;
    user.login = login;
    user.name = login;
    user.email = login + "@example.cz";
    user.roles = std::move(roles);
    EXPECT_TRUE(directory_->PutUser(user).ok());
    return SignIn(login);
  }
  Json Call(const std::string& method, const std::string& path, const BrowserSession& session,
            const Json& body, int status) {
    httplib::Result res = Send(method, path, session, method == "GET" ? "" : body.dump());
    EXPECT_TRUE(res);
    if (!res) return Json();
    EXPECT_EQ(res->status, status) << method << " " << path << ": " << res->body;
    return BodyOf(res);
  }
  std::string SaveDraft(const BrowserSession& session, const std::string& file,
                        const std::string& source) {
    return Call("POST", "/api/v1/definitions", session, {{"file", file}, {"source", source}},
                201)["version"];
  }
  // Asks to activate `version` of `name`; returns the reply.
  Json Activate(const BrowserSession& session, const std::string& name, const std::string& version,
                int status) {
    return Call("POST", "/api/v1/definitions/" + name + "/versions/" + version + "/activate",
                session, Json::object(), status);
  }
  Json Request(const BrowserSession& session, int64_t id) {
    return Call("GET", "/api/v1/activation-requests/" + std::to_string(id), session, {}, 200);
  }
  Json Approve(const BrowserSession& session, int64_t id, const std::string& sha, int status) {
    return Call("POST", "/api/v1/activation-requests/" + std::to_string(id) + "/approve", session,
                {{"diff_sha256", sha}}, status);
  }
  Json Definition(const std::string& name) {
    return Call("GET", "/api/v1/definitions/" + name, SignIn("kucera"), {}, 200);
  }
  std::string AuditText() {
    return Call("GET", "/api/v1/audit", SignIn("spravce"), {}, 200).dump();
  }
  // The information rules asked for by the methodologist: the pending request's id.
  int64_t AskForAlwaysAllow() {
    BrowserSession methodologist = SignIn("kucera");
    const std::string version = SaveDraft(methodologist, "information_sharing.lua", kAlwaysAllow);
    const Json asked = Activate(methodologist, "information_sharing", version, 202);
    return asked["request"]["id"].get<int64_t>();
  }
};

TEST_F(ApiActivationRequests, InformationRulesActivatedByOneMethodologistStayPending) {
  BrowserSession methodologist = SignIn("kucera");
  const std::string version = SaveDraft(methodologist, "information_sharing.lua", kAlwaysAllow);
  const Json asked = Activate(methodologist, "information_sharing", version, 202);
  EXPECT_EQ(asked["status"], "pending_approval");
  EXPECT_FALSE(asked["changed"].get<bool>());
  EXPECT_EQ(asked["request"]["approver"], "head");
  EXPECT_EQ(asked["request"]["requested_by"], "user:kucera");
  EXPECT_EQ(asked["request"]["diff_sha256"].get<std::string>().size(), 64u);
  // Asking again keeps the one request.
  EXPECT_EQ(Activate(methodologist, "information_sharing", version, 202)["request"]["id"],
            asked["request"]["id"]);

  const Json detail = Definition("information_sharing");
  EXPECT_TRUE(detail["version"].is_null()) << "nothing became active";
  EXPECT_EQ(detail["versions"][0]["status"], "draft");
  EXPECT_EQ(detail["versions"][0]["approval"]["status"], "pending");
  const Json pending = Call("GET", "/api/v1/activation-requests", SignIn("cerna"), {}, 200);
  ASSERT_EQ(pending["requests"].size(), 1u);
  EXPECT_EQ(pending["requests"][0]["name"], "information_sharing");
  EXPECT_NE(AuditText().find("activation_request:" + asked["request"]["id"].dump() +
                             " requested_by:user:kucera approver:head diff_sha256:" +
                             asked["request"]["diff_sha256"].get<std::string>()),
            std::string::npos);
}

TEST_F(ApiActivationRequests, NobodyApprovesTheirOwnRequestNorAMethodologistWhatNeedsTheHead) {
  // A head who is also a methodologist asks: even they need someone else.
  BrowserSession both = SignInNew("vedouci_metodik", {"methodologist", "head"});
  const std::string version = SaveDraft(both, "information_sharing.lua", kAlwaysAllow);
  const int64_t id = Activate(both, "information_sharing", version, 202)["request"]["id"];
  const std::string sha = Request(both, id)["current_diff_sha256"];
  const Json own = Approve(both, id, sha, 403);
  EXPECT_EQ(own["error"]["code"], "forbidden");
  EXPECT_NE(own["error"]["message"].get<std::string>().find("O své vlastní žádosti"),
            std::string::npos);
  const Json methodologist = Approve(SignIn("kucera"), id, sha, 403);
  EXPECT_NE(methodologist["error"]["message"].get<std::string>().find("vedoucí odboru"),
            std::string::npos);
  // A case worker may not even look.
  Call("GET", "/api/v1/activation-requests", SignIn("svoboda"), {}, 403);
  EXPECT_TRUE(Definition("information_sharing")["version"].is_null());
}

TEST_F(ApiActivationRequests, TheHeadApprovesTheDiffSheSawAndTheVersionBecomesActive) {
  const int64_t id = AskForAlwaysAllow();
  BrowserSession head = SignIn("cerna");
  const Json shown = Request(head, id);
  EXPECT_FALSE(shown["stale"].get<bool>());
  EXPECT_NE(shown["diff"].get<std::string>().find("+    criterion { id = \"always\""),
            std::string::npos)
      << shown["diff"];
  // An approval names the diff it approves.
  Approve(head, id, "", 400);
  Approve(head, id, std::string(64, '0'), 409);
  const std::string sha = shown["current_diff_sha256"];
  const Json approved = Approve(head, id, sha, 200);
  EXPECT_EQ(approved["status"], "active");
  EXPECT_TRUE(approved["changed"].get<bool>());
  EXPECT_EQ(approved["request"]["status"], "approved");
  EXPECT_EQ(approved["request"]["decided_by"], "user:cerna");
  EXPECT_EQ(Definition("information_sharing")["version"], shown["version"]);
  // Decided once.
  Approve(head, id, sha, 409);
  const std::string audit = AuditText();
  EXPECT_NE(audit.find("\"actor\":\"user:cerna\""), std::string::npos);
  EXPECT_NE(audit.find("definition:information_sharing@" + shown["version"].get<std::string>() +
                       " activation_request:" + std::to_string(id) +
                       " requested_by:user:kucera approver:head diff_sha256:" + sha),
            std::string::npos)
      << audit;
}

TEST_F(ApiActivationRequests, ARefusalNeedsAReasonAndLeavesADraftShowingIt) {
  const int64_t id = AskForAlwaysAllow();
  BrowserSession head = SignIn("cerna");
  const std::string path = "/api/v1/activation-requests/" + std::to_string(id) + "/refuse";
  const Json blank = Call("POST", path, head, {{"reason", "  "}}, 400);
  EXPECT_NE(blank["error"]["message"].get<std::string>().find("proč"), std::string::npos);
  const Json refused =
      Call("POST", path, head, {{"reason", "Pravidla nesmí povolit sdílení vždy."}}, 200);
  EXPECT_EQ(refused["status"], "draft");
  EXPECT_EQ(refused["request"]["status"], "refused");
  const Json detail = Definition("information_sharing");
  EXPECT_TRUE(detail["version"].is_null());
  EXPECT_EQ(detail["versions"][0]["status"], "draft");
  EXPECT_EQ(detail["versions"][0]["approval"]["status"], "refused");
  EXPECT_EQ(detail["versions"][0]["approval"]["reason"], "Pravidla nesmí povolit sdílení vždy.");
  EXPECT_EQ(detail["versions"][0]["approval"]["decided_by"], "user:cerna");
  EXPECT_TRUE(Call("GET", "/api/v1/activation-requests", head, {}, 200)["requests"].empty());
  EXPECT_EQ(Call("GET", "/api/v1/activation-requests?status=all", head, {}, 200)["requests"].size(),
            1u);
}

TEST_F(ApiActivationRequests, OtherDefinitionsNeedNobodyElseUnlessTheTenantAsksForAll) {
  BrowserSession methodologist = SignIn("kucera");
  const std::string direct = SaveDraft(methodologist, "escalation.lua", kEscalationDraft);
  EXPECT_EQ(Activate(methodologist, "escalation", direct, 200)["status"], "active");

  TenantRecord tenant = **directory_->GetTenant("demo");
  tenant.settings["four_eyes"] = "all";
  ASSERT_TRUE(directory_->PutTenant(tenant).ok());
  std::string again = kEscalationDraft;
  again.replace(again.find("Uzavřená"), std::string("Uzavřená").size(), "Vyřízená");
  const std::string version = SaveDraft(methodologist, "escalation.lua", again);
  const Json asked = Activate(methodologist, "escalation", version, 202);
  EXPECT_EQ(asked["request"]["approver"], "second_person");
  const int64_t id = asked["request"]["id"];
  BrowserSession second = SignInNew("druhy_metodik", {"methodologist"});
  const Json approved = Approve(second, id, Request(second, id)["current_diff_sha256"], 200);
  EXPECT_EQ(approved["status"], "active");
  EXPECT_EQ(Definition("escalation")["version"], version);
}

}  // namespace
}  // namespace souhra
