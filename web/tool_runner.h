// ToolRunner: the methodologist's expensive tools — scenario runs and state diagrams — run on a
// few threads of their own, not on the request workers. However many are asked for at once, they
// use at most `threads` cores; a few more wait, and beyond that a request is refused at once
// (429 with Retry-After) instead of holding a request worker while it waits.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/status.h"

namespace souhra {

struct ToolLimits {
  int threads = 1;      // tools running at once
  int max_waiting = 4;  // tools queued behind them before further requests are refused
};

class ToolRunner {
 public:
  explicit ToolRunner(ToolLimits limits = {});
  ~ToolRunner();  // finishes what is running and queued
  ToolRunner(const ToolRunner&) = delete;
  ToolRunner& operator=(const ToolRunner&) = delete;

  // Runs `work` on a tool thread and returns once it has run (an exception it throws is thrown
  // here); kRateLimited at once, without running it, when the tools are busy and the queue full.
  Status Run(std::function<void()> work);

 private:
  struct Job;
  void Work();

  const ToolLimits limits_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Job*> queue_;
  int running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace souhra
