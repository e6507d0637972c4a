#include "adapters/webhook/webhook_sender.h"

#include <httplib.h>
#include <sodium.h>

namespace souhra {

std::string WebhookSignature(const std::string& secret, const std::string& timestamp,
                             const std::string& body) {
  const std::string signed_text = timestamp + "." + body;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(signed_text.data()),
                                signed_text.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[sizeof mac * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return std::string("sha256=") + hex;
}

Status PostWebhook(const WebhookRequest& request) {
  const WebhookTarget& target = request.target;
  const bool v6 = target.host.find(':') != std::string::npos;
  const std::string base = target.scheme + "://" + (v6 ? "[" + target.host + "]" : target.host) +
                           ":" + std::to_string(target.port);
  const std::string timestamp = std::to_string(
      std::chrono::duration_cast<std::chrono::seconds>(request.timestamp.time_since_epoch())
          .count());
  httplib::Client client(base);
  if (!client.is_valid()) return InvalidArgument("webhook " + base + " is not usable");
  // Connect to the checked address only: httplib would otherwise resolve the name again.
  client.set_hostname_addr_map({{target.host, target.address}});
  client.set_follow_location(false);
  client.set_connection_timeout(request.timeout);
  client.set_read_timeout(request.timeout);
  client.set_write_timeout(request.timeout);
  httplib::Headers headers = {
      {"X-Souhra-Delivery", request.key},
      {"X-Souhra-Timestamp", timestamp},
      {"X-Souhra-Signature", WebhookSignature(request.secret, timestamp, request.body)},
  };
  httplib::Result result = client.Post(target.path, headers, request.body, "application/json");
  if (!result) {
    return Unavailable("webhook " + base + ": " + httplib::to_string(result.error()));
  }
  if (result->status < 200 || result->status >= 300) {
    return Unavailable("webhook " + base + " answered " + std::to_string(result->status));
  }
  return Status::Ok();
}

}  // namespace souhra
