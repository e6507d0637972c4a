#include "adapters/webhook/webhook_channel.h"

#include "adapters/webhook/webhook_sender.h"

namespace souhra {

Status WebhookChannel::Deliver(const Delivery& delivery) {
  const Json body = {{"delivery", delivery.key},    {"tenant", delivery.tenant},
                     {"case", delivery.case_code},  {"template", delivery.template_name},
                     {"subject", delivery.subject}, {"text", delivery.text},
                     {"due", delivery.due},         {"link", delivery.link}};
  WebhookRequest request;
  SOUHRA_ASSIGN_OR_RETURN(request.target,
                          CheckWebhookTarget(delivery.address, delivery.tenant_settings, resolve_));
  request.secret = delivery.webhook_secret;
  request.key = delivery.key;
  request.body = body.dump();
  request.timestamp = clock_.Now();
  return PostWebhook(request);
}

}  // namespace souhra
