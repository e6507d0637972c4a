// The webhook channel: a message to an external actor's system as a signed JSON POST
// (adapters/webhook/webhook_sender.h). The body carries the case by code only, never a name:
// {delivery, tenant, case, template, subject, text, due, link}. Before each send the actor's URL
// is checked again under the tenant's settings (adapters/webhook/webhook_target.h).
#pragma once

#include <string>
#include <utility>

#include "adapters/webhook/webhook_target.h"
#include "engine/clock.h"
#include "engine/notifier.h"

namespace souhra {

class WebhookChannel final : public Notifier {
 public:
  // `clock` stamps the signatures; it must outlive the channel. `resolve` looks up webhook hosts
  // (tests pass their own).
  explicit WebhookChannel(const Clock& clock, HostResolver resolve = ResolveHost)
      : clock_(clock), resolve_(std::move(resolve)) {}

  const std::string& channel() const override { return name_; }
  // kPermissionDenied when the target check refuses the URL (not retried: see
  // engine/notifier.h); kUnavailable when the host cannot be resolved or the receiver did not
  // answer 2xx.
  Status Deliver(const Delivery& delivery) override;

 private:
  const Clock& clock_;
  const HostResolver resolve_;
  const std::string name_ = "webhook";
};

}  // namespace souhra
