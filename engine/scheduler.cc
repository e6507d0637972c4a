#include "engine/scheduler.h"

#include <utility>

namespace souhra {

Scheduler::Scheduler(Engine& engine, std::chrono::milliseconds tick, int batch,
                     std::function<void(const Status&)> on_error)
    : engine_(engine), tick_(tick), batch_(batch), on_error_(std::move(on_error)),
      thread_([this] { Loop(); }) {}

Scheduler::~Scheduler() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void Scheduler::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    lock.unlock();
    Result<int> fired = engine_.FireDueTimers(batch_);
    while (fired.ok() && *fired == batch_) fired = engine_.FireDueTimers(batch_);
    if (!fired.ok() && on_error_) on_error_(fired.status());
    lock.lock();
    wake_.wait_for(lock, tick_, [this] { return stopping_; });
  }
}

}  // namespace souhra
