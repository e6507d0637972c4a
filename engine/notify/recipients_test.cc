#include "engine/notify/recipients.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

const Json kData = {
    {"people",
     {{"case_manager", "user:novak"}, {"coordinator", "user:dvorak"}, {"head", "novak"}}}};

TEST(ResolveLogin, AUserIsThatUser) { EXPECT_EQ(*ResolveLogin("user:svoboda", kData), "svoboda"); }

TEST(ResolveLogin, ARoleIsWhoHoldsItInTheCasesPeople) {
  EXPECT_EQ(*ResolveLogin("case_manager", kData), "novak");
  EXPECT_EQ(*ResolveLogin("coordinator", kData), "dvorak");
}

TEST(ResolveLogin, ARoleNobodyHoldsIsNotFound) {
  Result<std::string> login = ResolveLogin("guardian", kData);
  EXPECT_EQ(login.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(login.status().message(), "role 'guardian' has nobody in the case's people");
  EXPECT_EQ(ResolveLogin("coordinator", Json::object()).status().code(), StatusCode::kNotFound);
}

TEST(ResolveLogin, AnActorOrAMalformedHolderIsRefused) {
  EXPECT_EQ(ResolveLogin("actor:ospod", kData).status().code(), StatusCode::kInvalidArgument);
  Result<std::string> malformed = ResolveLogin("head", kData);
  EXPECT_EQ(malformed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(malformed.status().message().find("\"novak\""), std::string::npos);
  EXPECT_EQ(ResolveLogin("user:", kData).status().code(), StatusCode::kNotFound);
}

TEST(ActorOf, AnActorRecipientNamesTheActor) {
  EXPECT_EQ(ActorOf("actor:charita"), "charita");
  EXPECT_EQ(ActorOf("user:novak"), std::nullopt);
  EXPECT_EQ(ActorOf("case_manager"), std::nullopt);
}

}  // namespace
}  // namespace souhra
