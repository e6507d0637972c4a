// The steps a person may take on a case (GET /cases/{id}/actions) and the refusals of steps taken
// by the wrong person or with the wrong data, through the REST API on a real server.
#include <gtest/gtest.h>

#include "tests/fakes/api_server.h"
#include "tests/fakes/build_paths.h"

namespace souhra {
namespace {

using testing::BrowserSession;

class ActionsApi : public testing::ApiServerFixture {
 protected:
  void SetUp() override {
    ApiServerFixture::SetUp();
    for (const char* file :
         {"rules/cm_eligibility.lua", "workflows/consent.lua", "workflows/intake.lua"}) {
      Result<std::string> source = ReadTextFile(testing::SourceDir() + "/" + file);
      ASSERT_TRUE(source.ok()) << file;
      Install(file, *source);
    }
  }

  // A referral the social worker dvorakova makes through the API; returns the case id.
  CaseId Referral(const BrowserSession& worker) {
    httplib::Result made =
        Send("POST", "/api/v1/cases", worker,
             Json{{"code", "K-2026-0100"}, {"data", {{"referral", {{"source", "gp"}}}}}}.dump());
    EXPECT_TRUE(made && made->status == 201) << (made ? made->body : "no answer");
    return made ? BodyOf(made)["case"]["id"].get<CaseId>() : 0;
  }

  Json Actions(CaseId id, const BrowserSession& who) {
    httplib::Result actions = Send("GET", "/api/v1/cases/" + std::to_string(id) + "/actions", who);
    EXPECT_TRUE(actions && actions->status == 200) << (actions ? actions->body : "no answer");
    return BodyOf(actions)["actions"];
  }

  httplib::Result Post(CaseId id, const BrowserSession& who, const std::string& type,
                       const Json& payload) {
    return Send("POST", "/api/v1/cases/" + std::to_string(id) + "/events", who,
                Json{{"type", type}, {"payload", payload}}.dump());
  }
};

TEST_F(ActionsApi, TheHeadIsOfferedTheAssignmentWithItsFormAndWhoMayBeChosen) {
  const CaseId id = Referral(SignIn("dvorakova"));
  const BrowserSession head = SignIn("cerna");
  const Json actions = Actions(id, head);
  ASSERT_EQ(actions.size(), 1u) << actions.dump();
  EXPECT_EQ(actions[0]["type"], "intake.assigned");
  EXPECT_EQ(actions[0]["kind"], "event");
  EXPECT_TRUE(actions[0].contains("task_id")) << "the head's task is done by this step";
  const Json worker_field = actions[0]["form"]["fields"][0];
  EXPECT_EQ(worker_field["name"], "social_worker");
  ASSERT_FALSE(worker_field["options"].empty());
  for (const Json& option : worker_field["options"]) {
    EXPECT_TRUE(option["value"].get<std::string>().starts_with("user:"));
    EXPECT_FALSE(option["label"].get<std::string>().empty());
    EXPECT_NE(option["value"], "user:integrace") << "an integration account takes no case";
  }
  // The social worker who referred the case may not assign it (she may record consent).
  for (const Json& action : Actions(id, SignIn("dvorakova"))) {
    EXPECT_NE(action["type"], "intake.assigned");
  }
  // The head finds the task in her list although the case names no head.
  httplib::Result tasks = Send("GET", "/api/v1/tasks", head);
  ASSERT_TRUE(tasks);
  EXPECT_NE(tasks->body.find("Přidělit sociálního pracovníka"), std::string::npos) << tasks->body;
}

// The coordinator's task "Převzít eskalaci" is done by the step of that name: the case offered
// both, one button for the task and one for the step.
TEST_F(ActionsApi, AnOpenEscalationOffersItsAcknowledgementOnceForTheTask) {
  Result<std::string> shipped = ReadTextFile(testing::SourceDir() + "/workflows/escalation.lua");
  ASSERT_TRUE(shipped.ok());
  Install("escalation.lua", *shipped);
  NewCase request;
  request.tenant = "demo";
  request.code = "K-2026-0200";
  request.workflow = "escalation";
  request.data = Json{{"people", {{"case_manager", "user:novakova"}}}};
  Result<Applied> created = engine_->CreateCase(request);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  httplib::Result raised = Post(created->case_id, SignIn("novakova"), "escalation.raised",
                                {{"reason", "cannot_solve_alone"}, {"note", "Klient nereaguje."}});
  ASSERT_TRUE(raised && raised->status == 200) << (raised ? raised->body : "no answer");
  for (const char* login : {"svoboda", "cerna"}) {
    int offered = 0;
    for (const Json& action : Actions(created->case_id, SignIn(login))) {
      if (action["title"] != "Převzít eskalaci") continue;
      ++offered;
      EXPECT_EQ(action["type"], "escalation.acknowledged") << login;
      EXPECT_TRUE(action.contains("task_id")) << login << ": the task is done by this step";
    }
    EXPECT_EQ(offered, 1) << login;
  }
}

TEST_F(ActionsApi, AStepByTheWrongPersonIsA403WithACzechSentence) {
  const BrowserSession worker = SignIn("dvorakova");
  const CaseId id = Referral(worker);
  httplib::Result refused =
      Post(id, worker, "intake.assigned", Json{{"social_worker", "user:dvorakova"}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  EXPECT_EQ(BodyOf(refused)["error"]["code"], "forbidden");
  EXPECT_EQ(BodyOf(refused)["error"]["message"],
            "Krok „Přidělit sociálního pracovníka“ provádí vedoucí odboru případu.");
}

TEST_F(ActionsApi, AFormWithMistakesIsA400NamingEachField) {
  const CaseId id = Referral(SignIn("dvorakova"));
  const BrowserSession head = SignIn("cerna");
  httplib::Result refused =
      Post(id, head, "intake.assigned", Json{{"social_worker", "user:novakova"}, {"by", "x"}});
  ASSERT_TRUE(refused);
  ASSERT_EQ(refused->status, 400) << refused->body;
  const Json fields = BodyOf(refused)["error"]["fields"];
  ASSERT_EQ(fields.size(), 2u) << refused->body;
  EXPECT_EQ(fields[0]["field"], "social_worker");  // novakova is a case manager
  EXPECT_EQ(fields[1]["field"], "by");
  httplib::Result assigned =
      Post(id, head, "intake.assigned", Json{{"social_worker", "user:dvorakova"}});
  ASSERT_TRUE(assigned);
  EXPECT_EQ(assigned->status, 200) << assigned->body;
}

TEST_F(ActionsApi, ANewCaseTakesTheReferralOnlyNotItsPeopleOrConsent) {
  const BrowserSession worker = SignIn("dvorakova");
  for (const char* field : {"people", "consent", "emergency"}) {
    Json data{{"referral", {{"source", "gp"}}}, {field, {{"status", "given"}}}};
    httplib::Result refused =
        Send("POST", "/api/v1/cases", worker, Json{{"code", "K-X"}, {"data", data}}.dump());
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 400) << field << ": " << refused->body;
  }
  httplib::Result no_source =
      Send("POST", "/api/v1/cases", worker,
           Json{{"code", "K-X"}, {"data", {{"referral", Json::object()}}}}.dump());
  ASSERT_TRUE(no_source);
  EXPECT_EQ(no_source->status, 400);
  EXPECT_EQ(BodyOf(no_source)["error"]["fields"][0]["field"], "source") << no_source->body;
}

TEST_F(ActionsApi, TheReferralFormIsOfferedToThoseWhoMayRefer) {
  httplib::Result form = Send("GET", "/api/v1/workflows/intake/referral", SignIn("dvorakova"));
  ASSERT_TRUE(form);
  ASSERT_EQ(form->status, 200) << form->body;
  EXPECT_EQ(BodyOf(form)["form"]["fields"][0]["name"], "source");
  httplib::Result none = Send("GET", "/api/v1/workflows/consent/referral", SignIn("dvorakova"));
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 404);
}

}  // namespace
}  // namespace souhra
