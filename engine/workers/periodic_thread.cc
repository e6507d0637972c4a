#include "engine/workers/periodic_thread.h"

#include <utility>

namespace souhra {

PeriodicThread::PeriodicThread(std::chrono::milliseconds tick,
                               std::function<Result<bool>()> drain,
                               std::function<void(const Status&)> on_error)
    : tick_(tick),
      drain_(std::move(drain)),
      on_error_(std::move(on_error)),
      thread_([this] { Loop(); }) {}

PeriodicThread::~PeriodicThread() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void PeriodicThread::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    lock.unlock();
    Result<bool> more = drain_();
    while (more.ok() && *more) more = drain_();
    if (!more.ok() && on_error_) on_error_(more.status());
    lock.lock();
    wake_.wait_for(lock, tick_, [this] { return stopping_; });
  }
}

}  // namespace souhra
