// The periodic thread outlives a tick that throws: the exception is reported as kInternal and the
// next tick runs.
#include "engine/workers/periodic_thread.h"

#include <gtest/gtest.h>

#include <future>
#include <stdexcept>

namespace souhra {
namespace {

TEST(PeriodicThread, ATickThatThrowsIsReportedAsInternalAndTheNextTickRuns) {
  int calls = 0;  // the thread's own
  std::promise<void> ticked_again;
  std::promise<Status> reported;
  {
    PeriodicThread thread(
        std::chrono::milliseconds(1),
        [&]() -> Result<bool> {
          ++calls;
          if (calls == 1) throw std::runtime_error("a tick that throws");
          if (calls == 2) ticked_again.set_value();
          return false;
        },
        [&](const Status& error) { reported.set_value(error); });
    ASSERT_EQ(ticked_again.get_future().wait_for(std::chrono::seconds(30)),
              std::future_status::ready);
  }
  const Status error = reported.get_future().get();
  EXPECT_EQ(error.code(), StatusCode::kInternal);
  EXPECT_NE(error.message().find("a tick that throws"), std::string::npos) << error.ToString();
}

}  // namespace
}  // namespace souhra
