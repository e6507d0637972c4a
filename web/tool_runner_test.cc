#include "web/tool_runner.h"

#include <gtest/gtest.h>

#include <future>
#include <stdexcept>
#include <thread>

namespace souhra {
namespace {

// Keeps one tool thread busy from construction until Release().
class BusyTool {
 public:
  explicit BusyTool(ToolRunner& tools) {
    std::promise<void> started;
    run_ = std::async(std::launch::async, [&tools, &started, this] {
      return tools.Run([&started, this] {
        started.set_value();
        release_.get_future().wait();
      });
    });
    started.get_future().wait();
  }
  // Lets the work finish and returns what its Run returned.
  Status Release() {
    release_.set_value();
    return run_.get();
  }

 private:
  std::promise<void> release_;
  std::future<Status> run_;
};

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
  BusyTool first(tools);
  bool ran = false;
  Status refused = tools.Run([&] { ran = true; });
  EXPECT_EQ(refused.code(), StatusCode::kRateLimited);
  EXPECT_GT(refused.retry_after_seconds(), 0);
  EXPECT_FALSE(ran);
  EXPECT_TRUE(first.Release().ok());
  EXPECT_TRUE(tools.Run([&] { ran = true; }).ok());
  EXPECT_TRUE(ran);
}

// Requests beyond the threads wait their turn instead of being refused.
TEST(ToolRunnerTest, ARequestWithinTheQueueWaitsAndRuns) {
  ToolRunner tools(ToolLimits{.threads = 1, .max_waiting = 1});
  BusyTool first(tools);
  bool second_ran = false;
  auto second =
      std::async(std::launch::async, [&] { return tools.Run([&] { second_ran = true; }); });
  EXPECT_TRUE(first.Release().ok());
  EXPECT_TRUE(second.get().ok());
  EXPECT_TRUE(second_ran);
}

}  // namespace
}  // namespace souhra
