// The webhook target check: every internal range refused, the tenant's allow-list honoured, and
// the post sent to the address that was checked.
#include "adapters/webhook/webhook_target.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <map>
#include <mutex>
#include <thread>

#include "adapters/webhook/webhook_channel.h"
#include "tests/fakes/fake_clock.h"

namespace souhra {
namespace {

TEST(WebhookTarget, EveryAddressRangeIsClassified) {
  const std::vector<std::pair<std::string, AddressKind>> cases = {
      {"8.8.8.8", AddressKind::kPublic},
      {"93.184.216.34", AddressKind::kPublic},
      {"127.0.0.1", AddressKind::kLoopback},
      {"127.255.255.254", AddressKind::kLoopback},
      {"10.1.2.3", AddressKind::kPrivate},
      {"172.16.0.1", AddressKind::kPrivate},
      {"172.31.255.255", AddressKind::kPrivate},
      {"172.32.0.1", AddressKind::kPublic},
      {"192.168.1.1", AddressKind::kPrivate},
      {"169.254.169.254", AddressKind::kLinkLocal},
      {"100.64.0.1", AddressKind::kShared},
      {"100.127.255.255", AddressKind::kShared},
      {"100.128.0.1", AddressKind::kPublic},
      {"0.0.0.0", AddressKind::kUnspecified},
      {"0.1.2.3", AddressKind::kUnspecified},
      {"224.0.0.1", AddressKind::kMulticast},
      {"239.255.255.250", AddressKind::kMulticast},
      {"240.0.0.1", AddressKind::kReserved},
      {"255.255.255.255", AddressKind::kReserved},
      {"192.0.2.1", AddressKind::kReserved},
      {"198.18.0.1", AddressKind::kReserved},
      {"2606:4700::1111", AddressKind::kPublic},
      {"::1", AddressKind::kLoopback},
      {"::", AddressKind::kUnspecified},
      {"fe80::1", AddressKind::kLinkLocal},
      {"febf::1", AddressKind::kLinkLocal},
      {"fc00::1", AddressKind::kPrivate},
      {"fd12:3456::1", AddressKind::kPrivate},
      {"fec0::1", AddressKind::kPrivate},
      {"ff02::1", AddressKind::kMulticast},
      {"2001:db8::1", AddressKind::kReserved},
      {"::ffff:127.0.0.1", AddressKind::kLoopback},
      {"::ffff:7f00:1", AddressKind::kLoopback},
      {"::ffff:10.0.0.1", AddressKind::kPrivate},
      {"::ffff:169.254.169.254", AddressKind::kLinkLocal},
      {"::ffff:8.8.8.8", AddressKind::kPublic},
      {"::127.0.0.1", AddressKind::kLoopback},
      {"64:ff9b::192.168.0.1", AddressKind::kPrivate},
      {"2002:7f00:1::", AddressKind::kLoopback},
      {"2002:0808:0808::", AddressKind::kPublic},
  };
  for (const auto& [address, kind] : cases) {
    std::optional<AddressKind> found = ClassifyAddress(address);
    ASSERT_TRUE(found.has_value()) << address;
    EXPECT_EQ(*found, kind) << address;
  }
  EXPECT_EQ(cases.size(), 40u);
  EXPECT_FALSE(ClassifyAddress("localhost").has_value());
  EXPECT_FALSE(ClassifyAddress("127.1").has_value()) << "only numeric forms inet_pton reads";
}

// A resolver with fixed answers; names it does not know do not resolve.
HostResolver Answers(std::map<std::string, std::vector<std::string>> answers) {
  return [answers](const std::string& host) -> Result<std::vector<std::string>> {
    auto it = answers.find(host);
    if (it != answers.end()) return it->second;
    if (ClassifyAddress(host)) return std::vector<std::string>{host};
    return Unavailable("Server „" + host + "“ se nepodařilo najít; zkontrolujte adresu.");
  };
}

Json Allow(std::vector<std::string> entries) { return Json{{"webhook_allow", entries}}; }

TEST(WebhookTarget, LoopbackIsRefusedWithoutTheAllowListAndNamesWhy) {
  Result<WebhookTarget> target = CheckWebhookTarget("http://127.0.0.1:18999/hook", Json::object());
  ASSERT_EQ(target.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(target.status().message(),
            "Webhook nesmí mířit do vnitřní sítě: „127.0.0.1“ vede na adresu 127.0.0.1 (tento "
            "server). Jde-li o přijímač vaší obce, povolte ho v nastavení obce (webhook_allow).");
}

TEST(WebhookTarget, TheAllowListLetsAnAddressAndPortThroughOverHttp) {
  Result<WebhookTarget> target =
      CheckWebhookTarget("http://127.0.0.1:18999/hook?x=1#frag", Allow({"127.0.0.1:18999"}));
  ASSERT_TRUE(target.ok()) << target.status().ToString();
  EXPECT_EQ(target->scheme, "http");
  EXPECT_EQ(target->host, "127.0.0.1");
  EXPECT_EQ(target->port, 18999);
  EXPECT_EQ(target->path, "/hook?x=1");
  EXPECT_EQ(target->address, "127.0.0.1");
  EXPECT_EQ(
      CheckWebhookTarget("http://127.0.0.1:18998/hook", Allow({"127.0.0.1:18999"})).status().code(),
      StatusCode::kPermissionDenied)
      << "another port is not allowed";
}

TEST(WebhookTarget, ANameResolvingToLoopbackIsRefused) {
  Result<WebhookTarget> target = CheckWebhookTarget("https://localhost/hook", Json::object());
  ASSERT_EQ(target.status().code(), StatusCode::kPermissionDenied);
  EXPECT_NE(target.status().message().find("„localhost“ vede na adresu"), std::string::npos);
}

TEST(WebhookTarget, EveryResolvedAddressMustBePublic) {
  const HostResolver resolve = Answers({{"hooks.example.cz", {"93.184.216.34"}},
                                        {"mixed.example.cz", {"93.184.216.34", "10.0.0.7"}},
                                        {"mapped.example.cz", {"::ffff:169.254.169.254"}}});
  Result<WebhookTarget> ok = CheckWebhookTarget("https://hooks.example.cz/in", {}, resolve);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->address, "93.184.216.34");
  EXPECT_EQ(ok->port, 443);
  Result<WebhookTarget> mixed = CheckWebhookTarget("https://mixed.example.cz/in", {}, resolve);
  EXPECT_EQ(mixed.status().code(), StatusCode::kPermissionDenied);
  EXPECT_NE(mixed.status().message().find("10.0.0.7 (vnitřní síť)"), std::string::npos);
  EXPECT_EQ(CheckWebhookTarget("https://mapped.example.cz/", {}, resolve).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(CheckWebhookTarget("https://[::ffff:127.0.0.1]/", {}, resolve).status().code(),
            StatusCode::kPermissionDenied);
}

TEST(WebhookTarget, PlainHttpOnlyToAllowListedReceivers) {
  const HostResolver resolve = Answers({{"hooks.example.cz", {"93.184.216.34"}}});
  Result<WebhookTarget> http = CheckWebhookTarget("http://hooks.example.cz/in", {}, resolve);
  EXPECT_EQ(http.status().code(), StatusCode::kPermissionDenied);
  EXPECT_NE(http.status().message().find("https://"), std::string::npos);
  EXPECT_TRUE(
      CheckWebhookTarget("http://hooks.example.cz/in", Allow({"hooks.example.cz"}), resolve).ok());
}

TEST(WebhookTarget, AnAllowListedNameMayResolveInternally) {
  const HostResolver resolve = Answers({{"hooks.internal.example", {"10.0.0.5", "fd00::5"}}});
  Result<WebhookTarget> target = CheckWebhookTarget("https://HOOKS.internal.example:8443/in",
                                                    Allow({"hooks.internal.example"}), resolve);
  ASSERT_TRUE(target.ok()) << target.status().ToString();
  EXPECT_EQ(target->host, "hooks.internal.example");
  EXPECT_EQ(target->address, "10.0.0.5");
  EXPECT_TRUE(
      CheckWebhookTarget("https://[fd00::7]:8443/", Allow({"[fd00::7]:8443"}), resolve).ok());
  EXPECT_FALSE(
      CheckWebhookTarget("https://[fd00::7]:8444/", Allow({"[fd00::7]:8443"}), resolve).ok());
}

TEST(WebhookTarget, MalformedUrlsAreInvalidAndUnresolvableHostsUnavailable) {
  const HostResolver resolve = Answers({});
  for (const std::string url : {"ftp://hooks.example.cz/", "hooks.example.cz/in", "https:///in",
                                "https://user:heslo@hooks.example.cz/", "https://h.example.cz:0/",
                                "https://h.example.cz:99999/", "https://h.example.cz/a\r\nX: y"}) {
    EXPECT_EQ(CheckWebhookTarget(url, {}, resolve).status().code(), StatusCode::kInvalidArgument)
        << url;
  }
  Result<WebhookTarget> missing = CheckWebhookTarget("https://nikde.example.cz/", {}, resolve);
  EXPECT_EQ(missing.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(missing.status().message(),
            "Server „nikde.example.cz“ se nepodařilo najít; zkontrolujte adresu.");
}

// A receiver on loopback that counts requests and remembers the Host header.
class Receiver {
 public:
  explicit Receiver(int status, std::string location = "") {
    server_.Post("/hook", [=, this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu_);
      ++requests_;
      host_ = req.get_header_value("Host");
      res.status = status;
      if (!location.empty()) res.set_header("Location", location);
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // stop() before the accept loop runs would leave it running: wait until it does.
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~Receiver() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }
  int requests() {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }
  std::string host() {
    std::lock_guard<std::mutex> lock(mu_);
    return host_;
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mu_;
  int requests_ = 0;
  std::string host_;
};

Delivery HookDelivery(const std::string& url, Json settings) {
  Delivery delivery;
  delivery.key = "outbox-1-webhook-hook";
  delivery.tenant = "demo";
  delivery.address = url;
  delivery.webhook_secret = "tajemstvi";
  delivery.tenant_settings = std::move(settings);
  return delivery;
}

TEST(WebhookTarget, TheChannelConnectsToTheCheckedAddressWithoutAnotherLookup) {
  Receiver receiver(204);
  FakeClock clock(FromMillis(1775030400000));
  // Only the channel's resolver knows the name: a second lookup by the HTTP client would fail.
  WebhookChannel channel(clock, Answers({{"hooks.example.test", {"127.0.0.1"}}}));
  const std::string url = "http://hooks.example.test:" + std::to_string(receiver.port()) + "/hook";
  Status sent = channel.Deliver(HookDelivery(url, Allow({"hooks.example.test"})));
  ASSERT_TRUE(sent.ok()) << sent.ToString();
  EXPECT_EQ(receiver.requests(), 1);
  EXPECT_EQ(receiver.host(), "hooks.example.test:" + std::to_string(receiver.port()));
}

TEST(WebhookTarget, TheChannelRefusesAnInternalTargetWithoutConnecting) {
  Receiver receiver(204);
  FakeClock clock(FromMillis(1775030400000));
  WebhookChannel channel(clock);
  const std::string url = "http://127.0.0.1:" + std::to_string(receiver.port()) + "/hook";
  EXPECT_EQ(channel.Deliver(HookDelivery(url, Json::object())).code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(receiver.requests(), 0);
}

TEST(WebhookTarget, ARedirectIsNotFollowed) {
  Receiver inside(204);
  const std::string inside_url = "http://127.0.0.1:" + std::to_string(inside.port()) + "/hook";
  Receiver redirecting(302, inside_url);
  FakeClock clock(FromMillis(1775030400000));
  WebhookChannel channel(clock);
  const std::string url = "http://127.0.0.1:" + std::to_string(redirecting.port()) + "/hook";
  Status sent = channel.Deliver(
      HookDelivery(url, Allow({"127.0.0.1:" + std::to_string(redirecting.port())})));
  EXPECT_EQ(sent.code(), StatusCode::kUnavailable);
  EXPECT_EQ(redirecting.requests(), 1);
  EXPECT_EQ(inside.requests(), 0);
}

}  // namespace
}  // namespace souhra
