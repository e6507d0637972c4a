// Cases, events, tasks, escalations, the inbox, actors, incidents and definitions through the
// REST API, against a real server on loopback.
#include <gtest/gtest.h>

#include "tests/fakes/api_server.h"
#include "web/credentials.h"

namespace souhra {
namespace {

using testing::BrowserSession;

class ApiCases : public testing::ApiServerFixture {};

std::string CasePath(CaseId id) { return "/api/v1/cases/" + std::to_string(id); }

TEST_F(ApiCases, AReferralStartsACaseTheReferringCaseManagerSees) {
  BrowserSession manager = SignIn("novakova");
  httplib::Result created = Send("POST", "/api/v1/cases", manager,
                                 Json{{"code", "K-2026-0001"}, {"workflow", "plan_review"}}.dump());
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  const Json c = BodyOf(created)["case"];
  EXPECT_EQ(c["code"], "K-2026-0001");
  EXPECT_EQ(c["people"]["case_manager"], "user:novakova");

  httplib::Result file = Send("GET", CasePath(c["id"]), manager);
  ASSERT_TRUE(file);
  ASSERT_EQ(file->status, 200) << file->body;
  const Json body = BodyOf(file);
  ASSERT_EQ(body["instances"].size(), 1u);
  EXPECT_EQ(body["instances"][0]["workflow"], "plan_review");
  EXPECT_EQ(body["instances"][0]["state"], "waiting");
  ASSERT_EQ(body["tasks"].size(), 1u);
  EXPECT_EQ(body["tasks"][0]["key"], "review");
  EXPECT_FALSE(body["tasks"][0]["due"].is_null());
  EXPECT_FALSE(body["tasks"][0]["due_explanation"].empty()) << body["tasks"][0].dump();
  EXPECT_FALSE(body["history"].empty());
  EXPECT_TRUE(body.contains("timers"));
  EXPECT_TRUE(body.contains("consent"));
  EXPECT_TRUE(body.contains("plan"));
}

TEST_F(ApiCases, ACaseManagerSeesOnlyTheirCasesAndOthersAreNotFound) {
  const CaseId mine = CreateCase("K-1", "novakova");
  const CaseId theirs = CreateCase("K-2", "jiny");
  BrowserSession manager = SignIn("novakova");
  httplib::Result list = Send("GET", "/api/v1/cases", manager);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  const Json cases = BodyOf(list)["cases"];
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0]["id"], mine);
  EXPECT_EQ(cases[0]["states"]["plan_review"], "waiting");

  httplib::Result other = Send("GET", CasePath(theirs), manager);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 404);
  httplib::Result event =
      Send("POST", CasePath(theirs) + "/events", manager, Json{{"type", "case.closed"}}.dump());
  ASSERT_TRUE(event);
  EXPECT_EQ(event->status, 404);

  BrowserSession coordinator = SignIn("svoboda");
  httplib::Result all = Send("GET", "/api/v1/cases", coordinator);
  ASSERT_TRUE(all);
  EXPECT_EQ(BodyOf(all)["cases"].size(), 2u);
}

TEST_F(ApiCases, AnotherTenantsCaseIsNotFoundEvenForItsCoordinator) {
  const CaseId id = CreateCase("K-1", "novakova");
  TenantRecord tenant;
  tenant.id = "jina_obec";
  tenant.name = "Jiná obec";
  ASSERT_TRUE(directory_->PutTenant(tenant).ok());
  UserRecord user;
  user.tenant = "jina_obec";
  user.login = "svoboda";  // the same login as demo's coordinator, in another tenant
  user.name = "Karel Svoboda";
  user.roles = {"coordinator"};
  user.password_hash = HashPassword("jine-heslo").value();
  ASSERT_TRUE(directory_->PutUser(user).ok());
  httplib::Result signed_in = client_->Post(
      "/api/v1/session",
      Json{{"tenant", "jina_obec"}, {"login", "svoboda"}, {"password", "jine-heslo"}}.dump(),
      "application/json");
  ASSERT_TRUE(signed_in);
  ASSERT_EQ(signed_in->status, 200);
  const std::string set_cookie = signed_in->get_header_value("Set-Cookie");
  BrowserSession other{set_cookie.substr(0, set_cookie.find(';')), BodyOf(signed_in)["csrf_token"]};
  httplib::Result res = Send("GET", CasePath(id), other);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  httplib::Result list = Send("GET", "/api/v1/cases", other);
  ASSERT_TRUE(list);
  EXPECT_TRUE(BodyOf(list)["cases"].empty());
  httplib::Result event =
      Send("POST", CasePath(id) + "/events", other, Json{{"type", "case.closed"}}.dump());
  ASSERT_TRUE(event);
  EXPECT_EQ(event->status, 404);
}

TEST_F(ApiCases, AMethodologistOrAdminSeesNoCases) {
  const CaseId id = CreateCase("K-1", "novakova");
  for (const char* login : {"kucera", "spravce"}) {
    BrowserSession session = SignIn(login);
    httplib::Result res = Send("GET", CasePath(id), session);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << login;
  }
}

TEST_F(ApiCases, AnEventMovesTheCaseAndAnUndeclaredOneIsForbidden) {
  const CaseId id = CreateCase("K-1", "novakova");
  BrowserSession manager = SignIn("novakova");
  httplib::Result refused =
      Send("POST", CasePath(id) + "/events", manager, Json{{"type", "plan.nonsense"}}.dump());
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403) << refused->body;
  EXPECT_EQ(BodyOf(refused)["error"]["code"], "forbidden");
  EXPECT_NE(BodyOf(refused)["error"]["message"].get<std::string>().find("nenabízí"),
            std::string::npos)
      << refused->body;

  // The review (workflows/plan_review.lua), completed through the case's events.
  const std::string review = Json{
      {"type", "task.review.done"},
      {"payload", {{"note", "Plán platí."}}},
      {"idempotency_key", "k1"}}.dump();
  httplib::Result reviewed = Send("POST", CasePath(id) + "/events", manager, review);
  ASSERT_TRUE(reviewed);
  ASSERT_EQ(reviewed->status, 200) << reviewed->body;
  EXPECT_FALSE(BodyOf(reviewed)["repeated"].get<bool>());
  httplib::Result again = Send("POST", CasePath(id) + "/events", manager, review);
  ASSERT_TRUE(again);
  EXPECT_TRUE(BodyOf(again)["repeated"].get<bool>());
}

TEST_F(ApiCases, EventBodiesAreCheckedFieldByField) {
  const CaseId id = CreateCase("K-1", "novakova");
  BrowserSession manager = SignIn("novakova");
  struct Bad {
    std::string body;
    std::string says;
  };
  for (const Bad& bad :
       {Bad{"[1]", "JSON object"}, Bad{"{", "nejsou platný JSON"},
        Bad{R"({"type":"x","extra":1})", "'extra'"},
        Bad{R"({"type":5})", "Položka „type“ má být text."},
        Bad{R"({"type":"x","payload":[]})", "Položka „payload“ má být skupina údajů."},
        Bad{R"({"payload":{}})", "Chybí povinná položka „type“."},
        Bad{R"({"type":"timer.second_level"})", "Lhůty vyhodnocuje Souhra sama"}}) {
    httplib::Result res = Send("POST", CasePath(id) + "/events", manager, bad.body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << bad.body;
    EXPECT_NE(BodyOf(res)["error"]["message"].get<std::string>().find(bad.says), std::string::npos)
        << res->body;
  }
}

TEST_F(ApiCases, MyTasksListsTheReviewAndCompletingItOnceIsIdempotent) {
  const CaseId id = CreateCase("K-7", "novakova");
  BrowserSession manager = SignIn("novakova");
  httplib::Result list = Send("GET", "/api/v1/tasks?assignee=me&due=upcoming", manager);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  const Json tasks = BodyOf(list)["tasks"];
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0]["case_code"], "K-7");
  EXPECT_EQ(tasks[0]["due_state"], "upcoming");
  const std::string task_path = "/api/v1/tasks/" + std::to_string(tasks[0]["id"].get<int64_t>());

  httplib::Result overdue = Send("GET", "/api/v1/tasks?due=overdue", manager);
  ASSERT_TRUE(overdue);
  EXPECT_TRUE(BodyOf(overdue)["tasks"].empty());
  httplib::Result bad = Send("GET", "/api/v1/tasks?due=someday", manager);
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);

  httplib::Result done = Send("POST", task_path + "/complete", manager, "{}");
  ASSERT_TRUE(done);
  ASSERT_EQ(done->status, 200) << done->body;
  httplib::Result file = Send("GET", CasePath(id), manager);
  ASSERT_TRUE(file);
  // The review re-enters "waiting": a new review task, the completed one closed.
  ASSERT_EQ(BodyOf(file)["tasks"].size(), 1u);
  EXPECT_NE(BodyOf(file)["tasks"][0]["id"], tasks[0]["id"]);
  httplib::Result twice = Send("POST", task_path + "/complete", manager, "{}");
  ASSERT_TRUE(twice);
  EXPECT_EQ(twice->status, 409);
}

TEST_F(ApiCases, OnlyCoordinatorsListOthersTasksAndTasksOfOthersAreNotFound) {
  CreateCase("K-1", "novakova");
  const CaseId other = CreateCase("K-2", "jiny");
  BrowserSession manager = SignIn("novakova");
  httplib::Result res = Send("GET", "/api/v1/tasks?assignee=jiny", manager);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  BrowserSession coordinator = SignIn("svoboda");
  httplib::Result theirs = Send("GET", "/api/v1/tasks?assignee=jiny", coordinator);
  ASSERT_TRUE(theirs);
  ASSERT_EQ(BodyOf(theirs)["tasks"].size(), 1u);
  const int64_t task = BodyOf(theirs)["tasks"][0]["id"];
  EXPECT_EQ(BodyOf(theirs)["tasks"][0]["case_id"], other);
  httplib::Result steal =
      Send("POST", "/api/v1/tasks/" + std::to_string(task) + "/complete", manager, "{}");
  ASSERT_TRUE(steal);
  EXPECT_EQ(steal->status, 404);
}

TEST_F(ApiCases, ACoordinatorReassignsATaskToAnotherUser) {
  CreateCase("K-1", "novakova");
  BrowserSession coordinator = SignIn("svoboda");
  httplib::Result tasks = Send("GET", "/api/v1/tasks?assignee=novakova", coordinator);
  ASSERT_TRUE(tasks);
  const std::string path = "/api/v1/tasks/" +
                           std::to_string(BodyOf(tasks)["tasks"][0]["id"].get<int64_t>()) +
                           "/reassign";
  httplib::Result unknown =
      Send("POST", path, coordinator, Json{{"assignee", "user:nikdo"}}.dump());
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);
  httplib::Result moved =
      Send("POST", path, coordinator, Json{{"assignee", "user:dvorakova"}}.dump());
  ASSERT_TRUE(moved);
  ASSERT_EQ(moved->status, 200) << moved->body;
  BrowserSession worker = SignIn("dvorakova");
  httplib::Result now_theirs = Send("GET", "/api/v1/tasks", worker);
  ASSERT_TRUE(now_theirs);
  EXPECT_EQ(BodyOf(now_theirs)["tasks"].size(), 1u);
}

TEST_F(ApiCases, TheCoordinatorAcknowledgesAndResolvesAnEscalation) {
  NewCase request;
  request.tenant = "demo";
  request.code = "K-E";
  request.workflow = "escalation";
  request.data = Json{{"people", {{"case_manager", "user:novakova"}}}};
  Result<Applied> created = engine_->CreateCase(request);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  BrowserSession coordinator = SignIn("svoboda");
  httplib::Result open = Send("GET", "/api/v1/escalations?status=open", coordinator);
  ASSERT_TRUE(open);
  ASSERT_EQ(open->status, 200) << open->body;
  ASSERT_EQ(BodyOf(open)["escalations"].size(), 1u);
  EXPECT_EQ(BodyOf(open)["escalations"][0]["state"], "open");
  EXPECT_EQ(BodyOf(open)["escalations"][0]["case"]["code"], "K-E");

  const std::string base = "/api/v1/escalations/" + std::to_string(created->case_id);
  httplib::Result ack = Send("POST", base + "/acknowledge", coordinator, "{}");
  ASSERT_TRUE(ack);
  ASSERT_EQ(ack->status, 200) << ack->body;
  httplib::Result acknowledged =
      Send("GET", "/api/v1/escalations?status=acknowledged", coordinator);
  ASSERT_TRUE(acknowledged);
  EXPECT_EQ(BodyOf(acknowledged)["escalations"].size(), 1u);

  httplib::Result no_resolution = Send("POST", base + "/resolve", coordinator, "{}");
  ASSERT_TRUE(no_resolution);
  EXPECT_EQ(no_resolution->status, 400);
  httplib::Result resolved = Send("POST", base + "/resolve", coordinator,
                                  Json{{"resolution", "Svolána případová konference"}}.dump());
  ASSERT_TRUE(resolved);
  ASSERT_EQ(resolved->status, 200) << resolved->body;
  httplib::Result none = Send("GET", "/api/v1/escalations", coordinator);
  ASSERT_TRUE(none);
  EXPECT_TRUE(BodyOf(none)["escalations"].empty());

  BrowserSession manager = SignIn("novakova");
  httplib::Result refused = Send("GET", "/api/v1/escalations", manager);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
}

TEST_F(ApiCases, TheInboxListsMessagesAndMarksThemRead) {
  const CaseId id = CreateCase("K-1", "novakova");
  InboxMessage message;
  message.delivery_key = "outbox-1";
  message.tenant = "demo";
  message.login = "novakova";
  message.case_id = id;
  message.template_name = "task_reminder";
  message.payload = Json{{"title", "Připomenutí úkolu"}};
  message.created = clock_.Now();
  ASSERT_TRUE(
      engine_->Write([&](WriteTxn& txn, Instant) { return txn.InsertInboxMessage(message); }).ok());
  BrowserSession manager = SignIn("novakova");
  httplib::Result inbox = Send("GET", "/api/v1/inbox", manager);
  ASSERT_TRUE(inbox);
  ASSERT_EQ(inbox->status, 200) << inbox->body;
  EXPECT_EQ(BodyOf(inbox)["unread"], 1);
  const int64_t message_id = BodyOf(inbox)["messages"][0]["id"];
  httplib::Result read =
      Send("POST", "/api/v1/inbox/" + std::to_string(message_id) + "/read", manager, "");
  ASSERT_TRUE(read);
  ASSERT_EQ(read->status, 200) << read->body;
  EXPECT_EQ(BodyOf(read)["unread"], 0);
  BrowserSession other = SignIn("svoboda");
  httplib::Result not_theirs =
      Send("POST", "/api/v1/inbox/" + std::to_string(message_id) + "/read", other, "");
  ASSERT_TRUE(not_theirs);
  EXPECT_EQ(not_theirs->status, 404);
}

TEST_F(ApiCases, ActorsAreListedForAllAndEditedByCoordinators) {
  BrowserSession manager = SignIn("novakova");
  httplib::Result list = Send("GET", "/api/v1/actors", manager);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  EXPECT_EQ(BodyOf(list)["actors"].size(), 7u);
  const std::string actor =
      Json{{"name", "Mgr. Petra Malá"}, {"kind", "social_services"}, {"phone", "+420 1"}}.dump();
  httplib::Result refused = Send("PUT", "/api/v1/actors/charita", manager, actor);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);

  BrowserSession coordinator = SignIn("svoboda");
  httplib::Result edited = Send("PUT", "/api/v1/actors/charita", coordinator, actor);
  ASSERT_TRUE(edited);
  ASSERT_EQ(edited->status, 200) << edited->body;
  EXPECT_EQ(BodyOf(edited)["phone"], "+420 1");
  httplib::Result bad_kind = Send("POST", "/api/v1/actors", coordinator,
                                  Json{{"id", "x"}, {"name", "X"}, {"kind", "cirkus"}}.dump());
  ASSERT_TRUE(bad_kind);
  EXPECT_EQ(bad_kind->status, 400);
  httplib::Result duplicate =
      Send("POST", "/api/v1/actors", coordinator,
           Json{{"id", "charita"}, {"name", "X"}, {"kind", "other"}}.dump());
  ASSERT_TRUE(duplicate);
  EXPECT_EQ(duplicate->status, 409);
}

TEST_F(ApiCases, DefinitionsAreListedAndValidatedWithLineNumbersByTheMethodologist) {
  BrowserSession methodologist = SignIn("kucera");
  httplib::Result list = Send("GET", "/api/v1/definitions", methodologist);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  EXPECT_EQ(BodyOf(list)["definitions"].size(), 2u);

  const std::string broken =
      "return workflow {\n  name = \"x\",\n  initial = \"a\",\n"
      "  states = { a = { on = { go = { go = \"b\" } } } },\n}\n";
  httplib::Result invalid = Send("POST", "/api/v1/definitions/validate", methodologist,
                                 Json{{"file", "x.lua"}, {"source", broken}}.dump());
  ASSERT_TRUE(invalid);
  ASSERT_EQ(invalid->status, 200) << invalid->body;
  EXPECT_FALSE(BodyOf(invalid)["valid"].get<bool>());
  ASSERT_FALSE(BodyOf(invalid)["diagnostics"].empty());
  EXPECT_GT(BodyOf(invalid)["diagnostics"][0]["line"].get<int>(), 0) << invalid->body;

  httplib::Result valid = Send("POST", "/api/v1/definitions/validate", methodologist,
                               Json{{"source", testing::kEscalationWorkflow}}.dump());
  ASSERT_TRUE(valid);
  EXPECT_TRUE(BodyOf(valid)["valid"].get<bool>()) << valid->body;
  EXPECT_EQ(BodyOf(valid)["name"], "escalation");

  BrowserSession coordinator = SignIn("svoboda");
  httplib::Result refused =
      Send("POST", "/api/v1/definitions/validate", coordinator, Json{{"source", "x"}}.dump());
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
}

TEST_F(ApiCases, IncidentsAreListedForTheHeadOfTheirTenant) {
  BrowserSession head = SignIn("cerna");
  httplib::Result list = Send("GET", "/api/v1/incidents", head);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  EXPECT_TRUE(BodyOf(list)["incidents"].empty());
  httplib::Result missing = Send("POST", "/api/v1/incidents/99/retry", head, "");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  BrowserSession manager = SignIn("novakova");
  httplib::Result refused = Send("GET", "/api/v1/incidents", manager);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
}

TEST_F(ApiCases, AReferralWithAnotherUsersClientCodeSaysOnlyThatTheCodeIsTaken) {
  const CaseId theirs = CreateCase("K-7", "jiny");
  BrowserSession manager = SignIn("novakova");
  for (const char* workflow : {"plan_review", "escalation"}) {
    httplib::Result refused = Send("POST", "/api/v1/cases", manager,
                                   Json{{"code", "K-7"}, {"workflow", workflow}}.dump());
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 409) << workflow << ": " << refused->body;
    EXPECT_EQ(BodyOf(refused)["error"]["message"],
              "Klient s kódem „K-7“ už v obci má případ; vyhledejte ho v seznamu případů, nebo "
              "zvolte jiný kód.")
        << workflow;
    EXPECT_EQ(refused->body.find(std::to_string(theirs)), std::string::npos) << refused->body;
  }
}

TEST_F(ApiCases, NfdAndNfcSpellingsOfAClientCodeAreOneCase) {
  BrowserSession manager = SignIn("novakova");
  const std::string nfc = "K-\xC5\xBD";   // "K-Ž"
  const std::string nfd = "K-Z\xCC\x8C";  // "K-Z" and a combining caron
  httplib::Result first = Send("POST", "/api/v1/cases", manager,
                               Json{{"code", nfc}, {"workflow", "plan_review"}}.dump());
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 201) << first->body;
  httplib::Result second = Send("POST", "/api/v1/cases", manager,
                                Json{{"code", nfd}, {"workflow", "plan_review"}}.dump());
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 200) << second->body;
  EXPECT_TRUE(BodyOf(second)["repeated"].get<bool>());
  EXPECT_EQ(BodyOf(second)["case"]["id"], BodyOf(first)["case"]["id"]);
  EXPECT_EQ(BodyOf(second)["case"]["code"], nfc);
}

TEST_F(ApiCases, ANumericQueryParameterThatIsNoNumberIsABadRequestNamingIt) {
  BrowserSession head = SignIn("cerna");
  for (const char* path :
       {"/api/v1/cases?before=abc", "/api/v1/cases?before=-3", "/api/v1/cases?limit=0",
        "/api/v1/cases?limit=201", "/api/v1/cases?limit=1x", "/api/v1/audit?before=abc"}) {
    httplib::Result res = Send("GET", path, head);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << path << ": " << res->body;
    const std::string name =
        std::string(path).find("limit") != std::string::npos ? "limit" : "before";
    EXPECT_NE(BodyOf(res)["error"]["message"].get<std::string>().find("„" + name + "“"),
              std::string::npos)
        << res->body;
  }
  httplib::Result fine = Send("GET", "/api/v1/cases?before=5&limit=200", head);
  ASSERT_TRUE(fine);
  EXPECT_EQ(fine->status, 200) << fine->body;
}

}  // namespace
}  // namespace souhra
