// Bounded input through the real server: bodies nested deeper than the limit are refused with a
// 400 naming it, before anything recurses over them, and the server keeps answering.
#include <gtest/gtest.h>

#include <string>

#include "tests/fakes/api_server.h"

namespace souhra {
namespace {

using testing::BrowserSession;

class ApiInputLimits : public testing::ApiServerFixture {
 protected:
  // Expects a 400 naming the depth limit (and `field`), then a server that still answers.
  void ExpectRefusedAsTooDeep(const httplib::Result& res, const std::string& field) {
    ASSERT_TRUE(res) << "the server did not answer";
    EXPECT_EQ(res->status, 400) << res->body.substr(0, 300);
    const Json error = BodyOf(res)["error"];
    EXPECT_NE(error.value("message", "").find("nejvýše 64 úrovní"), std::string::npos)
        << res->body.substr(0, 300);
    ASSERT_EQ(error["fields"].size(), 1u) << res->body.substr(0, 300);
    EXPECT_EQ(error["fields"][0]["field"], field);
    httplib::Result health = client_->Get("/healthz");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
  }
};

// `depth` arrays inside each other.
std::string NestedArrays(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string EventWithPayload(const std::string& payload) {
  return R"({"type": "case.closed", "payload": {"note": )" + payload + "}}";
}

TEST_F(ApiInputLimits, AnEventPayloadNested50000LevelsDeepIsRefusedAndTheServerAnswers) {
  const CaseId id = CreateCase("K-1", "novakova");
  BrowserSession manager = SignIn("novakova");
  ExpectRefusedAsTooDeep(Send("POST", "/api/v1/cases/" + std::to_string(id) + "/events", manager,
                              EventWithPayload(NestedArrays(50'000))),
                         "payload");
}

TEST_F(ApiInputLimits, AMillionOpenBracketsAreRefusedLikeAnyTooDeepBody) {
  const CaseId id = CreateCase("K-1", "novakova");
  BrowserSession manager = SignIn("novakova");
  ExpectRefusedAsTooDeep(
      Send("POST", "/api/v1/cases/" + std::to_string(id) + "/events", manager,
           R"({"type": "case.closed", "payload": )" + std::string(1'000'000, '[')),
      "payload");
}

TEST_F(ApiInputLimits, ANewCaseNested50000LevelsDeepIsRefusedAndNoCaseIsMade) {
  BrowserSession manager = SignIn("novakova");
  const std::string body = R"({"code": "K-9", "workflow": "plan_review", "data": {"referral": )" +
                           NestedArrays(50'000) + "}}";
  ExpectRefusedAsTooDeep(Send("POST", "/api/v1/cases", manager, body), "data");
  httplib::Result list = Send("GET", "/api/v1/cases", manager);
  ASSERT_TRUE(list);
  EXPECT_TRUE(BodyOf(list)["cases"].empty()) << list->body;
}

TEST_F(ApiInputLimits, ABodyAtTheLimitIsTakenAndOneLevelMoreIsNot) {
  const CaseId id = CreateCase("K-1", "novakova");
  BrowserSession manager = SignIn("novakova");
  const std::string path = "/api/v1/cases/" + std::to_string(id) + "/events";
  // The body and its payload are two levels: 62 arrays in the note make 64.
  httplib::Result at_limit = Send("POST", path, manager, EventWithPayload(NestedArrays(62)));
  ASSERT_TRUE(at_limit);
  // Read: whatever the case then says of the event, it is not a bad request.
  EXPECT_NE(at_limit->status, 400) << at_limit->body;
  ExpectRefusedAsTooDeep(Send("POST", path, manager, EventWithPayload(NestedArrays(63))),
                         "payload");
}

}  // namespace
}  // namespace souhra
