#include "engine/delivery_worker.h"

#include <utility>

namespace souhra {

DeliveryWorker::DeliveryWorker(OutboxDispatcher& dispatcher, std::chrono::milliseconds tick,
                               std::function<void(const Status&)> on_error)
    : dispatcher_(dispatcher),
      tick_(tick),
      on_error_(std::move(on_error)),
      thread_([this] { Loop(); }) {}

DeliveryWorker::~DeliveryWorker() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void DeliveryWorker::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    lock.unlock();
    Result<int> sent = dispatcher_.DeliverDue();
    while (sent.ok() && *sent == dispatcher_.batch()) sent = dispatcher_.DeliverDue();
    if (!sent.ok() && on_error_) on_error_(sent.status());
    lock.lock();
    wake_.wait_for(lock, tick_, [this] { return stopping_; });
  }
}

}  // namespace souhra
