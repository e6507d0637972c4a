// Webhooks: a signed JSON POST to an external actor's system (cpp-httplib client).
//
// Headers: X-Souhra-Delivery (the idempotency key, the same on every retry, so the receiver can
// drop repeats), X-Souhra-Timestamp (Unix seconds) and X-Souhra-Signature:
// "sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">" keyed by the actor's webhook secret. A 2xx
// answer is delivered; anything else, or no answer in time, is retried. The post goes to the
// address the target check approved (adapters/webhook/webhook_target.h), never to a fresh DNS
// answer, and a redirect is not followed: it counts as no 2xx answer.
#pragma once

#include <chrono>
#include <string>

#include "adapters/webhook/webhook_target.h"
#include "engine/clock.h"
#include "engine/status.h"

namespace souhra {

struct WebhookRequest {
  WebhookTarget target;  // checked by CheckWebhookTarget
  std::string secret;
  std::string key;   // delivery key
  std::string body;  // JSON
  Instant timestamp;
  std::chrono::milliseconds timeout = std::chrono::seconds(10);
};

// "sha256=<hex>" of "<timestamp>.<body>" with `secret`; what receivers recompute.
std::string WebhookSignature(const std::string& secret, const std::string& timestamp,
                             const std::string& body);

// Posts to request.target.address, naming request.target.host (Host header, TLS name check).
// kUnavailable for no 2xx answer.
Status PostWebhook(const WebhookRequest& request);

}  // namespace souhra
