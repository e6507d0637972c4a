// Error bodies: a form's field errors, and a server error in Czech with the request's id.
#include <gtest/gtest.h>

#include "web/api_router.h"

namespace souhra {
namespace {

TEST(ApiErrorBody, AFormsFieldErrorsAreListedBesideTheSummary) {
  ApiReply reply = ApiReply::Error(
      Status::InvalidForm("Formulář obsahuje chyby.", {{"steps.2.due", "Zadejte datum."}}));
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.body["error"]["fields"],
            Json::parse(R"([{"field": "steps.2.due", "message": "Zadejte datum."}])"));
}

TEST(ApiErrorBody, AServerErrorIsACzechSentenceWithTheRequestIdAndItsTextGoesToTheLog) {
  RequestScope& scope = CurrentRequestScope();
  scope = RequestScope();
  scope.request_id = "4f2a9c01d3e5b7a8";
  ApiReply reply = ApiReply::Error(Internal("unexpected failure: std::bad_alloc"));
  EXPECT_EQ(reply.status, 500);
  const std::string message = reply.body["error"]["message"];
  EXPECT_EQ(message.find("bad_alloc"), std::string::npos) << message;
  EXPECT_NE(message.find("Na serveru nastala chyba"), std::string::npos) << message;
  EXPECT_NE(message.find("4f2a9c01d3e5b7a8"), std::string::npos) << message;
  EXPECT_EQ(reply.body["error"]["request_id"], "4f2a9c01d3e5b7a8");
  EXPECT_EQ(scope.error, "unexpected failure: std::bad_alloc");
  scope = RequestScope();
}

}  // namespace
}  // namespace souhra
