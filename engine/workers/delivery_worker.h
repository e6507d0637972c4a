// The delivery worker: a background thread that runs the outbox dispatcher on a tick.
//
// A PeriodicThread (engine/workers/periodic_thread.h) that delivers what is due by the dispatcher's
// Clock.
#pragma once

#include <chrono>
#include <functional>
#include <utility>

#include "engine/notify/outbox_dispatcher.h"
#include "engine/workers/periodic_thread.h"

namespace souhra {

class DeliveryWorker {
 public:
  // `on_error` hears about ticks that failed (e.g. the store was unavailable); it may log.
  // `dispatcher` must outlive the worker and have no other caller meanwhile.
  DeliveryWorker(OutboxDispatcher& dispatcher, std::chrono::milliseconds tick,
                 std::function<void(const Status&)> on_error)
      : thread_(
            tick,
            [&dispatcher]() -> Result<bool> {
              SOUHRA_ASSIGN_OR_RETURN(int sent, dispatcher.DeliverDue());
              return sent == dispatcher.batch();
            },
            std::move(on_error)) {}

 private:
  PeriodicThread thread_;
};

}  // namespace souhra
