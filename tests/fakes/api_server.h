// A real `souhra serve` HTTP server in the test process: the engine on a SQLite file in a
// temporary directory, the demo directory (one user per role, password kDemoPassword), the
// shipped plan_review workflow and a small "escalation" workflow, on an ephemeral loopback port.
// Tests talk to it with cpp-httplib's client.
#pragma once

#include <httplib.h>

#include <future>
#include <memory>
#include <string>
#include <thread>

#include "adapters/sqlite/access_store.h"
#include "adapters/sqlite/directory_store.h"
#include "adapters/sqlite/sqlite_store.h"
#include "app/demo_directory.h"
#include "app/text_file.h"
#include "engine/time/czech_format.h"
#include "tests/fakes/build_paths.h"
#include "tests/fakes/engine_fixture.h"
#include "web/server.h"

namespace souhra::testing {

inline constexpr char kDemoPassword[] = "heslo-pro-testy";

inline constexpr char kEscalationWorkflow[] = R"lua(
return workflow {
  name = "escalation",
  title = "Žádost o pomoc koordinátora",
  events = {
    ["escalation.acknowledged"] = { title = "Převzít", by = { "coordinator", "head" } },
    ["escalation.resolved"] = {
      title = "Vyřešit", by = { "coordinator", "head" },
      form = { { name = "resolution", type = "text", label = "Řešení", required = true },
               { name = "note", type = "long_text", label = "Poznámka" } },
    },
  },
  initial = "open",
  states = {
    open = { title = "Nová", on = { ["escalation.acknowledged"] = { go = "acknowledged" } } },
    acknowledged = { title = "Převzatá", on = { ["escalation.resolved"] = { go = "resolved" } } },
    resolved = { title = "Vyřešená", final = true },
  },
}
)lua";

// A signed-in browser: its session cookie and CSRF token.
struct BrowserSession {
  std::string cookie;  // "souhra_session=…"
  std::string csrf;
};

class ApiServerFixture : public EngineFixture {
 protected:
  ApiServerFixture() : EngineFixture(FromMillis(1775030400000)) {}  // 2026-04-01T08:00Z

  // The web runs on a file: the access and directory stores share it with the engine's store.
  Result<std::unique_ptr<Store>> OpenStore() override {
    SqliteOptions options;
    options.path = dir_.File("souhra.db");
    return OpenSqliteStore(options);
  }

  void SetUp() override {
    EngineFixture::SetUp();
    SqliteOptions options;
    options.path = dir_.File("souhra.db");
    directory_ = std::move(OpenSqliteDirectory(options).value());
    access_ = std::move(OpenSqliteAccessStore(options).value());
    std::string used;
    ASSERT_TRUE(SeedDemoDirectory(*directory_, "demo", kDemoPassword, &used).ok());
    // As `souhra serve` wires it: forms naming users and actors are checked in the directory.
    EngineOptions engine_options;
    engine_options.directory = directory_.get();
    engine_ = std::make_unique<Engine>(*store_, clock_, *calendar_, engine_options);
    Result<std::string> plan = ReadTextFile(testing::SourceDir() + "/workflows/plan_review.lua");
    ASSERT_TRUE(plan.ok());
    Install("plan_review.lua", *plan);
    Install("escalation.lua", kEscalationWorkflow);
    StartServer(ServerOptions());
  }

  void StartServer(ServerOptions options) {
    StopServer();
    WebServices& services = services_;
    services.ReadFrom(*store_);
    services.engine = engine_.get();
    services.directory = directory_.get();
    services.access = access_.get();
    services.calendar = calendar_.get();
    services.clock = &clock_;
    services.format_time = [this](Instant t) {
      return FormatCzechDateTime(calendar_->ToPrague(t));
    };
    options.port = 0;
    options.static_dir = static_dir_;
    server_ = std::make_unique<HttpServer>(services, options);
    std::promise<void> listening;
    thread_ = std::thread([this, &listening] {
      Status served = server_->Run([&] { listening.set_value(); });
      (void)served;
    });
    listening.get_future().wait();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    // Bound is not yet serving: wait for one answer, so that tests start against a running server.
    ASSERT_TRUE(client_->Get("/healthz"));
  }

  void StopServer() {
    if (!server_) return;
    server_->Stop();
    thread_.join();
    server_.reset();
  }

  void TearDown() override { StopServer(); }

  BrowserSession SignIn(const std::string& login) {
    httplib::Result res =
        client_->Post("/api/v1/session", Json{{"login", login}, {"password", kDemoPassword}}.dump(),
                      "application/json");
    BrowserSession session;
    if (!res || res->status != 200) {
      ADD_FAILURE() << "sign-in of " << login << " failed";
      return session;
    }
    const std::string set_cookie = res->get_header_value("Set-Cookie");
    session.cookie = set_cookie.substr(0, set_cookie.find(';'));
    session.csrf = Json::parse(res->body)["csrf_token"].get<std::string>();
    return session;
  }

  // A request as the browser of `session` sends it (with the CSRF header unless told not to).
  httplib::Result Send(const std::string& method, const std::string& path,
                       const BrowserSession& session, const std::string& body = "",
                       bool with_csrf = true) {
    httplib::Headers headers;
    if (!session.cookie.empty()) headers.emplace("Cookie", session.cookie);
    if (with_csrf && !session.csrf.empty()) headers.emplace("X-CSRF-Token", session.csrf);
    if (method == "GET") return client_->Get(path.c_str(), headers);
    if (method == "DELETE") return client_->Delete(path.c_str(), headers);
    if (method == "PUT") return client_->Put(path.c_str(), headers, body, "application/json");
    return client_->Post(path.c_str(), headers, body, "application/json");
  }

  static Json BodyOf(const httplib::Result& res) {
    return res ? Json::parse(res->body, nullptr, false) : Json();
  }

  // Creates a plan_review case managed by `manager` directly through the engine.
  CaseId CreateCase(const std::string& code, const std::string& manager) {
    NewCase request;
    request.tenant = "demo";
    request.code = code;
    request.workflow = "plan_review";
    request.data = Json{{"people", {{"case_manager", "user:" + manager}}}};
    Result<Applied> created = engine_->CreateCase(request);
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? created->case_id : 0;
  }

  std::string static_dir_;
  std::unique_ptr<Directory> directory_;
  std::unique_ptr<AccessStore> access_;
  WebServices services_;  // what the running server was given
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace souhra::testing
