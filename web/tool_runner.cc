#include "web/tool_runner.h"

#include <exception>
#include <future>

namespace souhra {

// A queued run; the waiting request owns it and blocks on `done`.
struct ToolRunner::Job {
  std::function<void()> work;
  std::promise<void> done;
};

ToolRunner::ToolRunner(ToolLimits limits) : limits_(limits) {
  for (int i = 0; i < limits_.threads; ++i) threads_.emplace_back([this] { Work(); });
}

ToolRunner::~ToolRunner() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : threads_) t.join();
}

Status ToolRunner::Run(std::function<void()> work) {
  Job job{std::move(work), {}};
  std::future<void> done = job.done.get_future();
  {
    std::lock_guard<std::mutex> lock(mu_);
    const size_t waiting = queue_.size();
    if (running_ + static_cast<int>(waiting) >= limits_.threads + limits_.max_waiting) {
      return Status::RateLimitedFor(
          "Simulace a diagramy teď počítají jiné požadavky. Zkuste to prosím za chvíli znovu.", 5);
    }
    queue_.push_back(&job);
  }
  wake_.notify_one();
  done.get();
  return Status::Ok();
}

void ToolRunner::Work() {
  for (;;) {
    Job* job = nullptr;
    {
      std::unique_lock<std::mutex> lock(mu_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to do
      job = queue_.front();
      queue_.pop_front();
      ++running_;
    }
    std::exception_ptr failure;
    try {
      job->work();
    } catch (...) {
      failure = std::current_exception();
    }
    // The place is free before the request hears it is done: one that follows at once must not
    // find it still taken.
    {
      std::lock_guard<std::mutex> lock(mu_);
      --running_;
    }
    // The job is gone once `done` is set: the request it belongs to returns.
    if (failure) {
      job->done.set_exception(failure);
    } else {
      job->done.set_value();
    }
  }
}

}  // namespace souhra
