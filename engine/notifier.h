// The Notifier seam: one channel that delivers outbox messages to people (the in-app inbox;
// e-mail and webhooks to come).
//
// The outbox dispatcher (engine/outbox_dispatcher.h) hands each due message to its channel and
// records the attempt. Delivery is at least once: a message whose success was not recorded (a
// crash between sending and recording) is delivered again with the same key, so a channel must
// treat a repeated key as already delivered.
#pragma once

#include <string>

#include "engine/status.h"
#include "engine/store.h"

namespace souhra {

// One outbox message addressed to one resolved user.
struct Delivery {
  std::string key;  // the idempotency key, "outbox-<id>": the same on every attempt
  std::string tenant;
  CaseId case_id = 0;
  std::string task_key;  // the task the triggering event was about ("task.<key>.…"), or ""
  std::string login;     // the user it goes to
  std::string template_name;
  Json payload = Json::object();  // {case_code, workflow, state, event}
};

class Notifier {
 public:
  virtual ~Notifier() = default;
  // The channel's name as outbox messages and attempts record it, e.g. "inbox".
  virtual const std::string& channel() const = 0;
  // OK once the recipient has the message. Any error is retried later with backoff; a repeated
  // key must not deliver the message twice. Called by one thread at a time.
  virtual Status Deliver(const Delivery& delivery) = 0;
};

}  // namespace souhra
