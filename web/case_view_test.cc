// The case file as the API shows it (web/case_view.cc), against a real server on loopback.
#include <gtest/gtest.h>

#include "tests/fakes/api_server.h"

namespace souhra {
namespace {

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

class CaseFile : public testing::ApiServerFixture {};

TEST_F(CaseFile, APendingTimerCarriesTheExplanationOfItsDue) {
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
