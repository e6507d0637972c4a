// Saving an actor: a webhook URL reaching loopback or internal addresses is refused beside the
// field unless the tenant allow-lists it; the secret survives an edit; the e-mail must be one.
#include <gtest/gtest.h>

#include "tests/fakes/api_server.h"

namespace souhra {
namespace {

using testing::BrowserSession;

class ActorsApi : public testing::ApiServerFixture {
 protected:
  httplib::Result SaveActor(const std::string& id, const std::string& webhook_url,
                            bool create = true) {
    const Json body = {{"id", id},
                       {"name", "Petra Malá"},
                       {"kind", "social_services"},
                       {"webhook_url", webhook_url}};
    return Send(create ? "POST" : "PUT", create ? "/api/v1/actors" : "/api/v1/actors/" + id,
                SignIn("svoboda"), body.dump());
  }
  void AllowWebhooks(Json allow) {
    TenantRecord tenant = directory_->GetTenant("demo").value().value();
    tenant.settings["webhook_allow"] = std::move(allow);
    ASSERT_TRUE(directory_->PutTenant(tenant).ok());
  }
};

TEST_F(ActorsApi, AWebhookToLoopbackIsRefusedBesideTheFieldAndNothingIsSaved) {
  for (const std::string url : {"http://127.0.0.1:18999/hook", "https://localhost/hook",
                                "https://[::ffff:127.0.0.1]/hook", "http://169.254.169.254/"}) {
    httplib::Result res = SaveActor("azyl", url);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << url << ": " << res->body;
    const Json error = BodyOf(res)["error"];
    EXPECT_EQ(error["fields"][0]["field"], "webhook_url") << res->body;
    EXPECT_NE(error["fields"][0]["message"].get<std::string>().find("webhook_allow"),
              std::string::npos)
        << res->body;
  }
  EXPECT_FALSE(directory_->GetActor("demo", "azyl").value().has_value());
}

TEST_F(ActorsApi, AnAllowListedReceiverIsSavedAndOthersStillRefused) {
  AllowWebhooks(Json::array({"127.0.0.1:18999"}));
  httplib::Result saved = SaveActor("azyl", "http://127.0.0.1:18999/hook");
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->status, 201) << saved->body;
  httplib::Result other_port = SaveActor("azyl", "http://127.0.0.1:8080/hook", /*create=*/false);
  ASSERT_TRUE(other_port);
  EXPECT_EQ(other_port->status, 400) << other_port->body;
  EXPECT_EQ(directory_->GetActor("demo", "azyl").value()->webhook_url,
            "http://127.0.0.1:18999/hook");
}

TEST_F(ActorsApi, AnActorWithoutAWebhookNeedsNoCheck) {
  httplib::Result res = SaveActor("azyl", "");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 201) << res->body;
}

// The browser never receives the secret, so an edit sends the actor back without it: that used to
// wipe the secret, and webhooks went out signed with an empty key.
TEST_F(ActorsApi, AnEditWithoutTheSecretKeepsItAndAnEmptyOneClearsIt) {
  AllowWebhooks(Json::array({"127.0.0.1:18999"}));
  Json actor = {{"id", "azyl"},
                {"name", "Petra Malá"},
                {"kind", "social_services"},
                {"webhook_url", "http://127.0.0.1:18999/hook"},
                {"webhook_secret", "tajne-heslo-azylu"}};
  const BrowserSession session = SignIn("svoboda");
  httplib::Result created = Send("POST", "/api/v1/actors", session, actor.dump());
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  EXPECT_FALSE(BodyOf(created).contains("webhook_secret"));

  actor.erase("webhook_secret");
  actor["phone"] = "+420 596 123 456";
  httplib::Result edited = Send("PUT", "/api/v1/actors/azyl", session, actor.dump());
  ASSERT_TRUE(edited);
  ASSERT_EQ(edited->status, 200) << edited->body;
  ActorRecord kept = directory_->GetActor("demo", "azyl").value().value();
  EXPECT_EQ(kept.webhook_secret, "tajne-heslo-azylu");
  EXPECT_EQ(kept.phone, "+420 596 123 456");

  actor["webhook_secret"] = "";
  ASSERT_EQ(Send("PUT", "/api/v1/actors/azyl", session, actor.dump())->status, 200);
  EXPECT_EQ(directory_->GetActor("demo", "azyl").value()->webhook_secret, "");
}

TEST_F(ActorsApi, AnInvalidEmailIsRefusedBesideTheFieldAndNothingIsSaved) {
  const Json actor = {
      {"id", "azyl"}, {"name", "Petra Malá"}, {"kind", "social_services"}, {"email", "mala@"}};
  httplib::Result res = Send("POST", "/api/v1/actors", SignIn("svoboda"), actor.dump());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400) << res->body;
  EXPECT_EQ(BodyOf(res)["error"]["fields"][0]["field"], "email") << res->body;
  EXPECT_FALSE(directory_->GetActor("demo", "azyl").value().has_value());
}

}  // namespace
}  // namespace souhra
