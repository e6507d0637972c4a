// The in-app inbox through the REST API (web/api_inbox.cc), against a real server on loopback.
#include <gtest/gtest.h>

#include "tests/fakes/api_server.h"

namespace souhra {
namespace {

class InboxApi : public testing::ApiServerFixture {};

TEST_F(InboxApi, AMessageIsWordedForItsReaderWithDuesInPragueTime) {
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
  const Json messages = BodyOf(inbox)["messages"];
  ASSERT_EQ(messages.size(), 1u) << inbox->body;
  const Json m = messages[0];
  EXPECT_EQ(m["title"], "Revize plánu K-7");
  const std::string body = m["body"];
  EXPECT_EQ(body.rfind("Dobrý den, Mgr. Jana Nováková, revize je splatná ", 0), 0u) << body;
  EXPECT_EQ(body.find("{due}"), std::string::npos) << body;
  EXPECT_EQ(body.find("Z"), std::string::npos) << "a Prague time, not UTC: " << body;
}

}  // namespace
}  // namespace souhra
