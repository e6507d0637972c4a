// A background thread that drains work on a tick: the timer scheduler and the outbox delivery
// worker are both one of these.
//
// It calls `drain` at once, again without waiting while `drain` reports a full batch (catching up
// after downtime), and then every `tick`. The wait is the only use of real time here; what is due
// is for `drain` to decide through the Clock it was given. An exception thrown by `drain` is a
// failed drain (kInternal, to `on_error`), never the end of the thread or the process.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "engine/status.h"

namespace souhra {

class PeriodicThread {
 public:
  // `drain` returns true when it did a full batch (more may be waiting). `on_error` hears about
  // failed drains (e.g. the store was unavailable); it may log.
  PeriodicThread(std::chrono::milliseconds tick, std::function<Result<bool>()> drain,
                 std::function<void(const Status&)> on_error);
  // Stops the thread after the current drain.
  ~PeriodicThread();
  PeriodicThread(const PeriodicThread&) = delete;
  PeriodicThread& operator=(const PeriodicThread&) = delete;

 private:
  void Loop();
  Result<bool> Drain();

  const std::chrono::milliseconds tick_;
  std::function<Result<bool>()> drain_;
  std::function<void(const Status&)> on_error_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace souhra
