#include "adapters/webhook/webhook_target.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>

namespace souhra {
namespace {

constexpr char kAllowSetting[] = "webhook_allow";

struct V4Range {
  uint32_t network;
  int bits;
  AddressKind kind;
};

constexpr V4Range kV4Ranges[] = {
    {0x00000000, 8, AddressKind::kUnspecified}, {0x7f000000, 8, AddressKind::kLoopback},
    {0x0a000000, 8, AddressKind::kPrivate},     {0xac100000, 12, AddressKind::kPrivate},
    {0xc0a80000, 16, AddressKind::kPrivate},    {0xa9fe0000, 16, AddressKind::kLinkLocal},
    {0x64400000, 10, AddressKind::kShared},     {0xe0000000, 4, AddressKind::kMulticast},
    {0xf0000000, 4, AddressKind::kReserved},   // and 255.255.255.255
    {0xc0000000, 24, AddressKind::kReserved},  // IETF protocol assignments
    {0xc0000200, 24, AddressKind::kReserved},  // TEST-NET-1
    {0xc6120000, 15, AddressKind::kReserved},  // benchmarking
    {0xc6336400, 24, AddressKind::kReserved},  // TEST-NET-2
    {0xcb007100, 24, AddressKind::kReserved},  // TEST-NET-3
};

AddressKind ClassifyV4(uint32_t address) {
  for (const V4Range& range : kV4Ranges) {
    const uint32_t mask = ~uint32_t{0} << (32 - range.bits);
    if ((address & mask) == range.network) return range.kind;
  }
  return AddressKind::kPublic;
}

uint32_t V4At(const unsigned char* b) {
  return uint32_t{b[0]} << 24 | uint32_t{b[1]} << 16 | uint32_t{b[2]} << 8 | uint32_t{b[3]};
}

bool AllZero(const unsigned char* b, int n) {
  return std::all_of(b, b + n, [](unsigned char c) { return c == 0; });
}

AddressKind ClassifyV6(const unsigned char* b) {
  if (AllZero(b, 15) && b[15] == 0) return AddressKind::kUnspecified;
  if (AllZero(b, 15) && b[15] == 1) return AddressKind::kLoopback;
  // An IPv4 address inside an IPv6 one reaches that IPv4 host: judge the host.
  if (AllZero(b, 12)) return ClassifyV4(V4At(b + 12));  // IPv4-compatible
  if (AllZero(b, 10) && b[10] == 0xff && b[11] == 0xff) return ClassifyV4(V4At(b + 12));  // mapped
  const unsigned char kNat64[] = {0x00, 0x64, 0xff, 0x9b};
  if (std::equal(kNat64, kNat64 + 4, b) && AllZero(b + 4, 8)) return ClassifyV4(V4At(b + 12));
  if (b[0] == 0x20 && b[1] == 0x02) return ClassifyV4(V4At(b + 2));  // 6to4
  if (b[0] == 0xff) return AddressKind::kMulticast;
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return AddressKind::kLinkLocal;
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return AddressKind::kPrivate;  // site-local
  if ((b[0] & 0xfe) == 0xfc) return AddressKind::kPrivate;                  // unique local
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return AddressKind::kReserved;
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) return AddressKind::kReserved;
  if (b[0] == 0x01 && AllZero(b + 1, 7)) return AddressKind::kReserved;  // discard-only
  return AddressKind::kPublic;
}

// The address in inet_ntop's form, so that "::ffff:7f00:1" and "::FFFF:127.0.0.1" compare equal;
// anything that is not a numeric address (a host name) comes back lowercased.
std::string Canonical(const std::string& host) {
  unsigned char bytes[16];
  char text[INET6_ADDRSTRLEN];
  if (inet_pton(AF_INET, host.c_str(), bytes) == 1) {
    return inet_ntop(AF_INET, bytes, text, sizeof text);
  }
  if (inet_pton(AF_INET6, host.c_str(), bytes) == 1) {
    return inet_ntop(AF_INET6, bytes, text, sizeof text);
  }
  std::string lower = host;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

const char* CzechKind(AddressKind kind) {
  switch (kind) {
    case AddressKind::kPublic:
      return "veřejná adresa";
    case AddressKind::kLoopback:
      return "tento server";
    case AddressKind::kLinkLocal:
      return "místní linka";
    case AddressKind::kPrivate:
      return "vnitřní síť";
    case AddressKind::kShared:
      return "sdílený rozsah poskytovatele";
    case AddressKind::kUnspecified:
      return "nespecifikovaná adresa";
    case AddressKind::kMulticast:
      return "skupinová adresa";
    case AddressKind::kReserved:
      return "vyhrazená adresa";
  }
  return "vyhrazená adresa";
}

// "host", "host:port", "[v6]" or "[v6]:port" (and a bare IPv6 address, in the allow-list).
bool ParseHostPort(const std::string& text, std::string* host, std::optional<int>* port) {
  std::string rest;
  if (!text.empty() && text[0] == '[') {
    const size_t close = text.find(']');
    if (close == std::string::npos) return false;
    *host = text.substr(1, close - 1);
    rest = text.substr(close + 1);
  } else if (std::count(text.begin(), text.end(), ':') > 1) {
    *host = text;
  } else {
    const size_t colon = text.find(':');
    *host = text.substr(0, colon);
    rest = colon == std::string::npos ? "" : text.substr(colon);
  }
  *host = Canonical(*host);
  port->reset();
  if (rest.empty()) return !host->empty();
  if (rest[0] != ':' || rest.size() < 2 || rest.size() > 6) return false;
  if (!std::all_of(rest.begin() + 1, rest.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  *port = std::stoi(rest.substr(1));
  return !host->empty() && **port >= 1 && **port <= 65535;
}

Result<WebhookTarget> ParseUrl(const std::string& url) {
  const Status not_http = InvalidArgument(
      "Adresa webhooku musí mít tvar https://server/cesta (server se může uvést s portem).");
  if (std::any_of(url.begin(), url.end(), [](unsigned char c) { return c <= 0x20 || c == 0x7f; })) {
    return InvalidArgument("Adresa webhooku nesmí obsahovat mezery ani řídicí znaky.");
  }
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return not_http;
  WebhookTarget target;
  target.scheme = Canonical(url.substr(0, scheme_end));
  if (target.scheme != "http" && target.scheme != "https") return not_http;
  const std::string rest = url.substr(scheme_end + 3);
  const size_t authority_end = rest.find_first_of("/?#");
  const std::string authority = rest.substr(0, authority_end);
  if (authority.find('@') != std::string::npos) {
    return InvalidArgument(
        "Adresa webhooku nesmí obsahovat jméno a heslo; příjemce ověří podpis tajemstvím "
        "webhooku.");
  }
  std::optional<int> port;
  if (!ParseHostPort(authority, &target.host, &port)) return not_http;
  target.port = port.value_or(target.scheme == "https" ? 443 : 80);
  std::string path = authority_end == std::string::npos ? "" : rest.substr(authority_end);
  path = path.substr(0, path.find('#'));
  target.path = path.empty() || path[0] != '/' ? "/" + path : path;
  return target;
}

struct AllowEntry {
  std::string host;  // Canonical
  std::optional<int> port;
};

// The tenant's "webhook_allow"; entries that are not "host[:port]" strings allow nothing.
std::vector<AllowEntry> AllowList(const Json& settings) {
  std::vector<AllowEntry> entries;
  if (!settings.is_object() || !settings.contains(kAllowSetting)) return entries;
  const Json& list = settings[kAllowSetting];
  if (!list.is_array()) return entries;
  for (const Json& item : list) {
    AllowEntry entry;
    if (item.is_string() && ParseHostPort(item.get<std::string>(), &entry.host, &entry.port)) {
      entries.push_back(entry);
    }
  }
  return entries;
}

bool Allowed(const std::vector<AllowEntry>& entries, const WebhookTarget& target,
             const std::string& address) {
  return std::any_of(entries.begin(), entries.end(), [&](const AllowEntry& e) {
    return (e.host == target.host || e.host == address) && (!e.port || *e.port == target.port);
  });
}

}  // namespace

std::optional<AddressKind> ClassifyAddress(const std::string& text) {
  unsigned char bytes[16];
  if (inet_pton(AF_INET, text.c_str(), bytes) == 1) return ClassifyV4(V4At(bytes));
  if (inet_pton(AF_INET6, text.c_str(), bytes) == 1) return ClassifyV6(bytes);
  return std::nullopt;
}

Result<std::vector<std::string>> ResolveHost(const std::string& host) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0 || found == nullptr) {
    return Unavailable("Server „" + host + "“ se nepodařilo najít; zkontrolujte adresu.");
  }
  std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> owned(found, &freeaddrinfo);
  std::vector<std::string> addresses;
  for (const addrinfo* a = found; a != nullptr; a = a->ai_next) {
    char text[INET6_ADDRSTRLEN];
    const void* bytes =
        a->ai_family == AF_INET
            ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(a->ai_addr)->sin_addr)
            : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(a->ai_addr)->sin6_addr);
    if ((a->ai_family == AF_INET || a->ai_family == AF_INET6) &&
        inet_ntop(a->ai_family, bytes, text, sizeof text) != nullptr &&
        std::find(addresses.begin(), addresses.end(), text) == addresses.end()) {
      addresses.push_back(text);
    }
  }
  return addresses;
}

Result<WebhookTarget> CheckWebhookTarget(const std::string& url, const Json& tenant_settings,
                                         const HostResolver& resolve) {
  SOUHRA_ASSIGN_OR_RETURN(WebhookTarget target, ParseUrl(url));
  SOUHRA_ASSIGN_OR_RETURN(std::vector<std::string> addresses, resolve(target.host));
  if (addresses.empty()) {
    return Unavailable("Server „" + target.host + "“ se nepodařilo najít; zkontrolujte adresu.");
  }
  const std::vector<AllowEntry> allow = AllowList(tenant_settings);
  bool all_allowed = true;
  for (const std::string& found : addresses) {
    const std::string address = Canonical(found);
    if (Allowed(allow, target, address)) continue;
    all_allowed = false;
    const AddressKind kind = ClassifyAddress(address).value_or(AddressKind::kReserved);
    if (kind != AddressKind::kPublic) {
      return PermissionDenied("Webhook nesmí mířit do vnitřní sítě: „" + target.host +
                              "“ vede na adresu " + address + " (" + CzechKind(kind) +
                              "). Jde-li o přijímač vaší obce, povolte ho v nastavení obce "
                              "(webhook_allow).");
    }
  }
  if (target.scheme == "http" && !all_allowed) {
    return PermissionDenied(
        "Webhook musí používat https://; http:// jen pro přijímače povolené v nastavení obce "
        "(webhook_allow).");
  }
  target.address = Canonical(addresses.front());
  return target;
}

}  // namespace souhra
