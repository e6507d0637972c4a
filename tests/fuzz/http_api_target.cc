#include "tests/fuzz/http_api_target.h"

#include <httplib.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "adapters/sqlite/access_store.h"
#include "adapters/sqlite/directory_store.h"
#include "adapters/sqlite/sqlite_store.h"
#include "app/demo_directory.h"
#include "app/demo_seed.h"
#include "engine/runtime/engine.h"
#include "engine/time/working_calendar.h"
#include "tests/fakes/build_paths.h"
#include "tests/fakes/fake_clock.h"
#include "tests/fakes/temp_dir.h"
#include "web/server.h"

namespace souhra {
namespace {

constexpr char kPassword[] = "heslo-pro-fuzzer";
const char* const kMethods[] = {"GET", "POST", "PUT", "DELETE"};

[[noreturn]] void SetupFailed(const std::string& what) {
  std::fprintf(stderr, "http_api fuzz target: %s\n", what.c_str());
  std::abort();
}

template <typename T>
T Must(Result<T> result, const char* what) {
  if (!result.ok()) SetupFailed(std::string(what) + ": " + result.status().ToString());
  return std::move(result).value();
}

struct Session {
  std::string cookie;
  std::string csrf;
};

// Built once per process and never torn down: libFuzzer ends the process, not the target.
class FuzzServer {
 public:
  FuzzServer() : clock_(FromMillis(1775030400000)) {  // 2026-04-01T08:00Z
    SqliteOptions options;
    options.path = dir_.File("souhra.db");
    calendar_ = Must(WorkingCalendar::Create(), "calendar");
    store_ = Must(OpenSqliteStore(options), "store");
    directory_ = Must(OpenSqliteDirectory(options), "directory");
    access_ = Must(OpenSqliteAccessStore(options), "access store");
    std::string used;
    Status seeded = SeedDemoDirectory(*directory_, kDemoTenant, kPassword, &used);
    if (!seeded.ok()) SetupFailed("demo directory: " + seeded.ToString());
    EngineOptions engine_options;
    engine_options.directory = directory_.get();
    engine_ = std::make_unique<Engine>(*store_, clock_, *calendar_, engine_options);
    std::vector<std::string> installed;
    Status shipped =
        InstallShippedDefinitions(*engine_, kDemoTenant, testing::SourceDir(), &installed);
    if (!shipped.ok()) SetupFailed("shipped definitions: " + shipped.ToString());
    Serve();
    for (const DemoSignIn& user : DemoSignIns()) sessions_.push_back(SignIn(user.login));
  }

  httplib::Client& client() { return *client_; }
  // The session of sender `who` (1..6); nobody for 0.
  const Session* SessionOf(int who) const {
    return who == 0 ? nullptr : &sessions_[static_cast<size_t>(who - 1) % sessions_.size()];
  }

 private:
  void Serve() {
    services_.ReadFrom(*store_);
    services_.engine = engine_.get();
    services_.directory = directory_.get();
    services_.access = access_.get();
    services_.calendar = calendar_.get();
    services_.clock = &clock_;
    ServerOptions options;
    options.port = 0;
    options.threads = 4;
    server_ = std::make_unique<HttpServer>(services_, options);
    std::promise<void> listening;
    thread_ = std::thread([this, &listening] {
      Status served = server_->Run([&] { listening.set_value(); });
      if (!served.ok()) SetupFailed("server: " + served.ToString());
    });
    listening.get_future().wait();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_keep_alive(true);
    client_->set_read_timeout(30, 0);
  }

  Session SignIn(const std::string& login) {
    const std::string body = Json{{"login", login}, {"password", kPassword}}.dump();
    httplib::Result res = client_->Post("/api/v1/session", body, "application/json");
    if (!res || res->status != 200) SetupFailed("sign-in of " + login);
    const std::string set_cookie = res->get_header_value("Set-Cookie");
    return Session{set_cookie.substr(0, set_cookie.find(';')),
                   Json::parse(res->body)["csrf_token"].get<std::string>()};
  }

  testing::TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<WorkingCalendar> calendar_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Directory> directory_;
  std::unique_ptr<AccessStore> access_;
  std::unique_ptr<Engine> engine_;
  WebServices services_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
  std::vector<Session> sessions_;
};

struct FuzzRequest {
  int who = 0;
  bool csrf = true;
  std::string method;
  std::string path;
  httplib::Headers headers;
  std::string body;
};

// The next line of `text` from `*at` (without its "\n"), moving `*at` past it.
std::string NextLine(const std::string& text, size_t* at) {
  size_t end = text.find('\n', *at);
  if (end == std::string::npos) end = text.size();
  std::string line = text.substr(*at, end - *at);
  *at = end < text.size() ? end + 1 : text.size();
  return line;
}

FuzzRequest Split(const uint8_t* data, size_t size) {
  FuzzRequest request;
  request.who = data[0] % 7;
  request.csrf = (data[0] & 0x80) == 0;
  request.method = kMethods[data[1] % 4];
  const std::string text(reinterpret_cast<const char*>(data + 2), size - 2);
  size_t at = 0;
  request.path = NextLine(text, &at);
  if (request.path.empty() || request.path[0] != '/') request.path = "/" + request.path;
  for (std::string line = NextLine(text, &at); !line.empty(); line = NextLine(text, &at)) {
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    const size_t value = line.find_first_not_of(' ', colon + 1);
    request.headers.emplace(line.substr(0, colon),
                            value == std::string::npos ? "" : line.substr(value));
  }
  request.body = text.substr(at);
  return request;
}

// The path before its query, %-escapes decoded as the server decodes them.
std::string DecodedRoute(const std::string& path) {
  const std::string route = path.substr(0, path.find('?'));
  std::string out;
  for (size_t i = 0; i < route.size(); ++i) {
    if (route[i] == '%' && i + 2 < route.size() &&
        std::isxdigit(static_cast<unsigned char>(route[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(route[i + 2]))) {
      out += static_cast<char>(std::stoi(route.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += route[i];
    }
  }
  return out;
}

}  // namespace

int FuzzHttpApi(const uint8_t* data, size_t size) {
  static FuzzServer* server = new FuzzServer();
  if (size < 2) return 0;
  FuzzRequest request = Split(data, size);
  // Signing in costs a password hash, and signing out would end the sessions under test.
  if (request.method != "GET" && DecodedRoute(request.path) == "/api/v1/session") return 0;
  // The client frames the body itself; a length that disagrees with it only makes the server
  // wait for its read timeout.
  request.headers.erase("Content-Length");
  request.headers.erase("Transfer-Encoding");
  if (const Session* session = server->SessionOf(request.who)) {
    request.headers.erase("Cookie");
    request.headers.erase("X-CSRF-Token");
    request.headers.emplace("Cookie", session->cookie);
    if (request.csrf) request.headers.emplace("X-CSRF-Token", session->csrf);
  }
  httplib::Client& client = server->client();
  httplib::Result res =
      request.method == "GET" ? client.Get(request.path, request.headers)
      : request.method == "DELETE"
          ? client.Delete(request.path, request.headers, request.body, "application/json")
      : request.method == "PUT"
          ? client.Put(request.path, request.headers, request.body, "application/json")
          : client.Post(request.path, request.headers, request.body, "application/json");
  if (!res) return 0;  // a request the client would not send (a malformed header)
  if (res->status == 500) {
    std::fprintf(stderr, "http_api fuzz target: 500 for %s %s\n%s\n", request.method.c_str(),
                 request.path.c_str(), res->body.c_str());
  }
  return res->status;
}

}  // namespace souhra
