// The webhook channel: a message to an external actor's system as a signed JSON POST
// (adapters/webhook/webhook_sender.h). The body carries the case by code only, never a name:
// {delivery, tenant, case, template, subject, text, due, link}.
#pragma once

#include <string>

#include "engine/clock.h"
#include "engine/notifier.h"

namespace souhra {

class WebhookChannel final : public Notifier {
 public:
  // `clock` stamps the signatures; it must outlive the channel.
  explicit WebhookChannel(const Clock& clock) : clock_(clock) {}

  const std::string& channel() const override { return name_; }
  // kUnavailable unless the receiver answered 2xx.
  Status Deliver(const Delivery& delivery) override;

 private:
  const Clock& clock_;
  const std::string name_ = "webhook";
};

}  // namespace souhra
