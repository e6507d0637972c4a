// Incidents through the REST API (web/api_operations.cc), against a real server on loopback.
#include <gtest/gtest.h>

#include "tests/fakes/api_server.h"

namespace souhra {
namespace {

using testing::BrowserSession;

class IncidentsApi : public testing::ApiServerFixture {};

TEST_F(IncidentsApi, ACoordinatorListsTheIncidentsOfTheirTenant) {
  httplib::Result list = Send("GET", "/api/v1/incidents", SignIn("svoboda"));
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  EXPECT_TRUE(BodyOf(list)["incidents"].is_array());
}

TEST_F(IncidentsApi, RetryingAnUnknownIncidentIsNotFound) {
  httplib::Result missing = Send("POST", "/api/v1/incidents/99/retry", SignIn("svoboda"), "");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
}

TEST_F(IncidentsApi, ACaseManagerMayNotListThem) {
  httplib::Result refused = Send("GET", "/api/v1/incidents", SignIn("kucera"));
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
}

}  // namespace
}  // namespace souhra
