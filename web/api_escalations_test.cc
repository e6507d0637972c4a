// Escalations through the REST API (web/api_escalations.cc), against a real server on loopback.
#include <gtest/gtest.h>

#include "tests/fakes/api_server.h"

namespace souhra {
namespace {

using testing::BrowserSession;

class EscalationsApi : public testing::ApiServerFixture {
 protected:
  // A case escalated because the client could not be reached; returns its id.
  CaseId Escalated() {
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
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? created->case_id : 0;
  }
};

TEST_F(EscalationsApi, AnOpenEscalationCarriesItsReasonNoteAndTimes) {
  ASSERT_NE(Escalated(), 0);
  httplib::Result open = Send("GET", "/api/v1/escalations", SignIn("svoboda"));
  ASSERT_TRUE(open);
  ASSERT_EQ(open->status, 200) << open->body;
  const Json escalations = BodyOf(open)["escalations"];
  ASSERT_EQ(escalations.size(), 1u) << open->body;
  const Json e = escalations[0];
  EXPECT_EQ(e["reason"], "no_contact");
  EXPECT_EQ(e["note"], "Klient nebere telefon.");
  EXPECT_EQ(e["raised_at"], "2026-04-01T08:00:00Z");
  EXPECT_TRUE(e["acknowledged_at"].is_null());
}

TEST_F(EscalationsApi, AResolutionKeepsItsNoteInTheCaseHistory) {
  const CaseId created = Escalated();
  ASSERT_NE(created, 0);
  BrowserSession coordinator = SignIn("svoboda");
  const std::string id = std::to_string(created);
  httplib::Result acknowledged =
      Send("POST", "/api/v1/escalations/" + id + "/acknowledge", coordinator, "{}");
  ASSERT_TRUE(acknowledged);
  ASSERT_EQ(acknowledged->status, 200) << acknowledged->body;
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

}  // namespace
}  // namespace souhra
