// What the UI needed beyond the first API: incidents for the coordinator, escalations with their
// reason and times, a resolution note, inbox messages worded for their reader, and timers with
// the explanation of their due.
#include <gtest/gtest.h>

#include "tests/fakes/api_server.h"

namespace souhra {
namespace {

using testing::BrowserSession;

constexpr char kTimedWorkflow[] = R"lua(
return workflow {
  name = "timed",
  params = { wait = "5 working days" },
  initial = "waiting",
  states = {
    waiting = {
      title = "Čeká",
      enter = { timer { key = "wake", after = "wait" } },
      on = { ["timer.wake"] = { go = "done" } },
    },
    done = { title = "Hotovo", final = true },
  },
}
)lua";

class ApiGaps : public testing::ApiServerFixture {};

TEST_F(ApiGaps, TheCoordinatorListsAndRetriesTheIncidentsOfTheirTenant) {
  BrowserSession coordinator = SignIn("svoboda");
  httplib::Result list = Send("GET", "/api/v1/incidents", coordinator);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  EXPECT_TRUE(BodyOf(list)["incidents"].is_array());
  httplib::Result missing = Send("POST", "/api/v1/incidents/99/retry", coordinator, "");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  httplib::Result refused = Send("GET", "/api/v1/incidents", SignIn("kucera"));
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
}

TEST_F(ApiGaps, EscalationsCarryTheirReasonNoteAndTimesAndAResolutionTakesANote) {
  NewCase request;
  request.tenant = "demo";
  request.code = "K-E";
  request.workflow = "escalation";
  request.data = Json{{"people", {{"case_manager", "user:novakova"}}},
                      {"escalation",
                       {{"reason", "no_contact"},
                        {"note", "Klient nebere telefon."},
                        {"raised_at", "2026-04-01T08:00:00Z"}}}};
  Result<Applied> created = engine_->CreateCase(request);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  BrowserSession coordinator = SignIn("svoboda");
  httplib::Result open = Send("GET", "/api/v1/escalations", coordinator);
  ASSERT_TRUE(open);
  ASSERT_EQ(open->status, 200) << open->body;
  const Json e = BodyOf(open)["escalations"][0];
  EXPECT_EQ(e["reason"], "no_contact");
  EXPECT_EQ(e["note"], "Klient nebere telefon.");
  EXPECT_EQ(e["raised_at"], "2026-04-01T08:00:00Z");
  EXPECT_TRUE(e["acknowledged_at"].is_null());

  const std::string id = std::to_string(created->case_id);
  ASSERT_EQ(Send("POST", "/api/v1/escalations/" + id + "/acknowledge", coordinator, "{}")->status,
            200);
  httplib::Result resolved =
      Send("POST", "/api/v1/escalations/" + id + "/resolve", coordinator,
           Json{{"resolution", "conference"}, {"note", "Konference ve čtvrtek."}}.dump());
  ASSERT_TRUE(resolved);
  ASSERT_EQ(resolved->status, 200) << resolved->body;
  httplib::Result file = Send("GET", "/api/v1/cases/" + id, coordinator);
  ASSERT_TRUE(file);
  const Json history = BodyOf(file)["history"];
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history.back()["type"], "escalation.resolved");
  EXPECT_EQ(history.back()["payload"]["note"], "Konference ve čtvrtek.");
}

TEST_F(ApiGaps, InboxMessagesCarryTheirRenderedTitleAndBody) {
  const CaseId id = CreateCase("K-7", "novakova");
  InboxMessage message;
  message.delivery_key = "outbox-7";
  message.tenant = "demo";
  message.login = "novakova";
  message.case_id = id;
  message.task_key = "review";
  message.template_name = "plan_review_due";
  message.payload = Json{{"template",
                          {{"title", "Revize plánu {case}"},
                           {"body", "Dobrý den, {recipient}, revize je splatná {due}."}}}};
  message.created = clock_.Now();
  ASSERT_TRUE(
      engine_->Write([&](WriteTxn& txn, Instant) { return txn.InsertInboxMessage(message); }).ok());
  httplib::Result inbox = Send("GET", "/api/v1/inbox", SignIn("novakova"));
  ASSERT_TRUE(inbox);
  ASSERT_EQ(inbox->status, 200) << inbox->body;
  const Json m = BodyOf(inbox)["messages"][0];
  EXPECT_EQ(m["title"], "Revize plánu K-7");
  const std::string body = m["body"];
  EXPECT_EQ(body.rfind("Dobrý den, Mgr. Jana Nováková, revize je splatná ", 0), 0u) << body;
  EXPECT_EQ(body.find("{due}"), std::string::npos) << body;
  EXPECT_EQ(body.find("Z"), std::string::npos) << "a Prague time, not UTC: " << body;
}

TEST_F(ApiGaps, TimersCarryTheExplanationOfTheirDue) {
  Install("timed.lua", kTimedWorkflow);
  NewCase request;
  request.tenant = "demo";
  request.code = "K-T";
  request.workflow = "timed";
  request.data = Json{{"people", {{"case_manager", "user:novakova"}}}};
  Result<Applied> created = engine_->CreateCase(request);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  httplib::Result file =
      Send("GET", "/api/v1/cases/" + std::to_string(created->case_id), SignIn("svoboda"));
  ASSERT_TRUE(file);
  ASSERT_EQ(file->status, 200) << file->body;
  const Json timers = BodyOf(file)["timers"];
  ASSERT_EQ(timers.size(), 1u) << file->body;
  EXPECT_EQ(timers[0]["key"], "wake");
  EXPECT_FALSE(timers[0]["due_explanation"].empty()) << timers[0].dump();
}

}  // namespace
}  // namespace souhra
