// The delivery worker: a background thread that runs the outbox dispatcher on a tick.
//
// Every tick it delivers what is due, repeating at once while a full batch came back (catching
// up after downtime), then waits for the next tick. The wait is the only use of real time here;
// what is due is decided by the dispatcher's Clock.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "engine/outbox_dispatcher.h"

namespace souhra {

class DeliveryWorker {
 public:
  // `on_error` hears about ticks that failed (e.g. the store was unavailable); it may log.
  // `dispatcher` must outlive the worker and have no other caller meanwhile.
  DeliveryWorker(OutboxDispatcher& dispatcher, std::chrono::milliseconds tick,
                 std::function<void(const Status&)> on_error);
  // Stops the thread after the current tick.
  ~DeliveryWorker();
  DeliveryWorker(const DeliveryWorker&) = delete;
  DeliveryWorker& operator=(const DeliveryWorker&) = delete;

 private:
  void Loop();

  OutboxDispatcher& dispatcher_;
  const std::chrono::milliseconds tick_;
  std::function<void(const Status&)> on_error_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace souhra
