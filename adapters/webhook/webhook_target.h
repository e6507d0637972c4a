// Where a webhook may post: the check against server-side request forgery.
//
// A coordinator types an actor's webhook URL, but the server makes the request; unchecked, it
// could reach the server itself, the cloud's metadata service (169.254.169.254) or the office's
// internal network. A target must use https, and every address its host resolves to must be
// public unicast: not loopback, link-local, private or unique-local, unspecified, multicast,
// shared (CGNAT), reserved or documentation ranges, nor any of these embedded in an IPv6 address
// (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16).
//
// A tenant lets its own receivers through with the setting (TenantRecord.settings)
//   "webhook_allow": ["127.0.0.1:18999", "hooks.internal.example", "[fd00::7]:8443"]
// each a host name or address, with an optional port. An allow-listed target may also use http.
//
// The check runs when an actor is saved and again before every send; the sender then connects to
// exactly the address that was checked (WebhookTarget::address), so a DNS answer that changes
// between the check and the connection (DNS rebinding) cannot redirect it. Thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/json.h"
#include "engine/status.h"

namespace souhra {

enum class AddressKind {
  kPublic,
  kLoopback,     // 127/8, ::1
  kLinkLocal,    // 169.254/16, fe80::/10
  kPrivate,      // 10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10
  kShared,       // 100.64/10, carrier-grade NAT
  kUnspecified,  // 0/8, ::
  kMulticast,    // 224/4, ff00::/8
  kReserved,     // 240/4 and broadcast, documentation, benchmarking, IETF and Teredo ranges
};

// The kind of the numeric IPv4 or IPv6 address `text`; nullopt when it is not one.
std::optional<AddressKind> ClassifyAddress(const std::string& text);

// A checked webhook target: where to connect and what to ask for.
struct WebhookTarget {
  std::string scheme;   // "http" or "https"
  std::string host;     // as the URL names it, lowercase, IPv6 without brackets
  int port = 0;         // the URL's, or the scheme's default
  std::string path;     // "/…" with the query, without a fragment
  std::string address;  // the numeric address that was checked: connect to this one only
};

// The numeric addresses `host` resolves to now. kUnavailable when it cannot be resolved.
using HostResolver = std::function<Result<std::vector<std::string>>(const std::string& host)>;
// The system's resolver (getaddrinfo).
Result<std::vector<std::string>> ResolveHost(const std::string& host);

// Checks `url` against `tenant_settings`' "webhook_allow", resolving its host once with
// `resolve`. kInvalidArgument for a URL that is not http(s)://host[:port][/path] (or names a user
// and password); kPermissionDenied for a target the rules refuse; kUnavailable when the host
// cannot be resolved. Messages are Czech sentences for the person who typed the URL.
Result<WebhookTarget> CheckWebhookTarget(const std::string& url, const Json& tenant_settings,
                                         const HostResolver& resolve = ResolveHost);

}  // namespace souhra
