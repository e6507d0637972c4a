#include "web/tool_runner.h"

#include <gtest/gtest.h>

#include <future>
#include <stdexcept>
#include <thread>

namespace souhra {
namespace {

TEST(ToolRunnerTest, RunsTheWorkOnAToolThreadAndReturnsWhenItIsDone) {
  ToolRunner tools;
  std::thread::id ran_on;
  ASSERT_TRUE(tools.Run([&] { ran_on = std::this_thread::get_id(); }).ok());
  EXPECT_NE(ran_on, std::thread::id());
  EXPECT_NE(ran_on, std::this_thread::get_id());
}

TEST(ToolRunnerTest, AnExceptionOfTheWorkIsThrownToTheCaller) {
  ToolRunner tools;
  EXPECT_THROW((void)tools.Run([] { throw std::runtime_error("boom"); }), std::runtime_error);
  EXPECT_TRUE(tools.Run([] {}).ok());  // the thread survived it
}

// While the only tool thread is busy and nothing may wait, a request is refused at once with
// Retry-After, without running; once the thread is free, requests run again.
TEST(ToolRunnerTest, WhenTheToolsAreBusyARequestIsRefusedAtOnce) {
  ToolRunner tools(ToolLimits{.threads = 1, .max_waiting = 0});
  std::promise<void> release;
  std::promise<void> started;
  auto first = std::async(std::launch::async, [&] {
    return tools.Run([&] {
      started.set_value();
      release.get_future().wait();
    });
  });
  started.get_future().wait();
  bool ran = false;
  Status refused = tools.Run([&] { ran = true; });
  EXPECT_EQ(refused.code(), StatusCode::kRateLimited);
  EXPECT_GT(refused.retry_after_seconds(), 0);
  EXPECT_FALSE(ran);
  release.set_value();
  EXPECT_TRUE(first.get().ok());
  EXPECT_TRUE(tools.Run([&] { ran = true; }).ok());
  EXPECT_TRUE(ran);
}

// Requests beyond the threads wait their turn instead of being refused.
TEST(ToolRunnerTest, ARequestWithinTheQueueWaitsAndRuns) {
  ToolRunner tools(ToolLimits{.threads = 1, .max_waiting = 1});
  std::promise<void> release;
  std::promise<void> started;
  auto first = std::async(std::launch::async, [&] {
    return tools.Run([&] {
      started.set_value();
      release.get_future().wait();
    });
  });
  started.get_future().wait();
  bool second_ran = false;
  auto second =
      std::async(std::launch::async, [&] { return tools.Run([&] { second_ran = true; }); });
  release.set_value();
  EXPECT_TRUE(first.get().ok());
  EXPECT_TRUE(second.get().ok());
  EXPECT_TRUE(second_ran);
}

}  // namespace
}  // namespace souhra
