// The Notifier seam: one channel that delivers outbox messages to people (the in-app inbox,
// e-mail, webhooks; adapters/).
//
// The outbox dispatcher (engine/notify/outbox_dispatcher.h) hands each due message to its channel
// and records the attempt. Delivery is at least once: a message whose success was not recorded (a
// crash between sending and recording) is delivered again with the same key, so a channel must
// treat a repeated key as already delivered.
#pragma once

#include <string>

#include "engine/records.h"
#include "engine/status.h"

namespace souhra {

// One outbox message addressed to one resolved user or external actor, on one channel.
struct Delivery {
  // The idempotency key, the same on every attempt: "outbox-<id>" in the inbox,
  // "outbox-<id>-<channel>-<login or actor>" on the other channels.
  std::string key;
  std::string tenant;
  CaseId case_id = 0;
  std::string case_code;
  std::string task_key;  // the task the triggering event was about ("task.<key>.…"), or ""
  std::string login;     // the user it goes to; "" for an external actor
  std::string template_name;
  Json payload = Json::object();  // {case_code, workflow, state, event, template, …}

  // Filled by the dispatcher's routing (with a Directory), for the channels that leave Souhra.
  std::string recipient;       // as the message names it: a role, "user:<login>", "actor:<id>"
  std::string recipient_name;  // the user's or actor's name
  std::string address;         // e-mail address or webhook URL
  std::string webhook_secret;
  Json tenant_settings = Json::object();  // TenantRecord.settings
  std::string subject;                    // the rendered template (engine/notify/message_render.h)
  std::string text;
  std::string due;
  std::string link;
};

class Notifier {
 public:
  virtual ~Notifier() = default;
  // The channel's name as outbox messages and attempts record it, e.g. "inbox".
  virtual const std::string& channel() const = 0;
  // OK once the recipient has the message. Any error is retried later with backoff, except
  // kPermissionDenied (the channel refuses to send there, e.g. a webhook to an internal
  // address), which fails the message at once; a repeated key must not deliver the message
  // twice. Called by one thread at a time.
  virtual Status Deliver(const Delivery& delivery) = 0;
};

}  // namespace souhra
