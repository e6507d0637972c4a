#include "engine/workers/periodic_thread.h"

#include <exception>
#include <string>
#include <utility>

namespace souhra {

PeriodicThread::PeriodicThread(std::chrono::milliseconds tick, std::function<Result<bool>()> drain,
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

Result<bool> PeriodicThread::Drain() {
  // A tick that throws (a bug, an exhausted allocator) is a failed tick, reported like any other;
  // the next tick runs as usual.
  try {
    return drain_();
  } catch (const std::exception& e) {
    return Internal(std::string("unexpected failure in a periodic tick: ") + e.what());
  } catch (...) {
    return Internal("unexpected failure in a periodic tick: an unknown exception");
  }
}

void PeriodicThread::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    lock.unlock();
    Result<bool> more = Drain();
    while (more.ok() && *more) more = Drain();
    if (!more.ok() && on_error_) on_error_(more.status());
    lock.lock();
    wake_.wait_for(lock, tick_, [this] { return stopping_; });
  }
}

}  // namespace souhra
