#include "web/server.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <ostream>
#include <thread>

#include "web/api_errors.h"
#include "web/api_router.h"
#include "web/api_routes.h"
#include "web/credentials.h"
#include "web/guarded_server.h"
#include "web/health.h"
#include "web/metrics.h"
#include "web/request_paths.h"
#include "web/security_headers.h"

namespace souhra {
namespace {

constexpr int kFigureLimit = 10000;  // how far /metrics counts due timers and outbox messages

EngineFigures FiguresOf(WebServices& services) {
  EngineFigures f;
  const EngineStats stats = services.engine->Stats();
  f.events_applied = stats.applied;
  f.events_refused = stats.refused;
  f.commits = stats.commits;
  const Instant now = services.clock->Now();
  if (auto incidents = services.incidents->ListIncidents(true); incidents.ok()) {
    f.incidents_open = static_cast<int64_t>(incidents->size());
  }
  if (auto timers = services.due->DueTimers(now, kFigureLimit); timers.ok()) {
    f.timers_due = static_cast<int64_t>(timers->size());
    if (!timers->empty()) {
      f.scheduler_lag_seconds = std::chrono::duration<double>(now - timers->front().due).count();
    }
  }
  if (auto outbox = services.due->DueOutbox(now, kFigureLimit); outbox.ok()) {
    f.outbox_backlog = static_cast<int64_t>(outbox->size());
  }
  return f;
}

}  // namespace

struct HttpServer::Impl {
  Impl(WebServices s, ServerOptions o)
      : services(std::move(s)),
        options(std::move(o)),
        http(options.connections),
        router(
            http, services, options.sessions,
            [this](const httplib::Request& request, int status) { LogRequest(request, status); }),
        limiter(*services.access, *services.clock, options.sign_in),
        password_checks(options.sign_in.concurrent_password_checks,
                        options.sign_in.password_check_wait),
        sign_in{limiter, password_checks} {}

  void LogRequest(const httplib::Request& request, int status);
  // The steps of HttpServer's constructor, in the order it takes them.
  void SetLimits();
  void TrackRequests();
  void ReplyToRefusalsWithErrorBodies();
  void AddProbes();
  void AddApi();
  void ServeStaticFiles();

  WebServices services;
  ServerOptions options;
  GuardedHttpServer http;
  ApiRouter router;
  SignInLimiter limiter;
  PasswordChecks password_checks;
  SignInGuards sign_in;
  RequestMetrics metrics;
  std::mutex log_mu;
  // httplib ignores a stop() that comes before listen_after_bind() runs: Stop() records the
  // request, and waits while Run is about to listen.
  std::atomic<bool> stop_requested{false};
  std::atomic<bool> starting{false};
};

void HttpServer::Impl::LogRequest(const httplib::Request& request, int status) {
  RequestScope& scope = CurrentRequestScope();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - scope.start).count();
  // Unrouted requests are named by kind, never by path, so that metrics keep few series.
  std::string route = scope.route;
  if (route.empty()) route = status < 400 ? "static" : "unmatched";
  metrics.Observe(route, request.method, status, seconds);
  if (options.log != nullptr) {
    Json line{{"time", FormatUtc(services.clock->Now())},
              {"method", request.method},
              {"route", route},
              {"status", status},
              {"ms", static_cast<double>(static_cast<int64_t>(seconds * 100000)) / 100},
              {"user", scope.user},
              {"tenant", scope.tenant},
              {"request_id", scope.request_id}};
    if (!scope.error.empty()) line["error"] = scope.error;
    std::lock_guard<std::mutex> lock(log_mu);
    *options.log << line.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n" << std::flush;
  }
}

HttpServer::HttpServer(WebServices services, ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(services), std::move(options))) {
  impl_->SetLimits();
  impl_->TrackRequests();
  impl_->ReplyToRefusalsWithErrorBodies();
  impl_->AddProbes();
  impl_->AddApi();
  impl_->ServeStaticFiles();
  AddSecurityHeaders(impl_->http);
}

void HttpServer::Impl::SetLimits() {
  http.set_payload_max_length(options.max_body_bytes);
  // A reply is written in more than one send(); with Nagle's algorithm on, the second waits for
  // the client's delayed ACK, which put a 40 ms floor under every request.
  http.set_tcp_nodelay(true);
  const size_t threads = options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_keep_alive_max_count(100);
}

// Each request's scope (route, user, tenant, start) is thread-local: reset before routing,
// logged and reset again once the reply is written.
void HttpServer::Impl::TrackRequests() {
  Impl& impl = *this;
  http.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    RequestScope& scope = CurrentRequestScope();
    scope = RequestScope();
    scope.start = std::chrono::steady_clock::now();
    scope.request_id = RandomToken().substr(0, 16);
    if (!IsPlainRequestPath(request.path)) {
      response.status = 404;  // answered with the API's error body (ReplyToRefusalsWithErrorBodies)
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.set_logger([&impl](const httplib::Request& request, const httplib::Response& response) {
    RequestScope& scope = CurrentRequestScope();
    if (!scope.answered) impl.LogRequest(request, response.status);
    scope = RequestScope();
  });
}

// httplib's own refusals (413, 404 of unknown routes) get the API's error body.
void HttpServer::Impl::ReplyToRefusalsWithErrorBodies() {
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& response) {
        if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        const ApiError error = TransportErrorOf(response.status);
        response.set_content(ErrorBody(error.code, error.message).dump(), "application/json");
        return httplib::Server::HandlerResponse::Handled;
      }));
}

// Liveness and figures, outside the API's sessions.
void HttpServer::Impl::AddProbes() {
  Impl& impl = *this;
  http.Get("/healthz", [&impl](const httplib::Request&, httplib::Response& res) {
    CurrentRequestScope().route = "/healthz";
    const bool ok = impl.services.cases->GetCase(0).ok();
    res.status = ok ? 200 : ErrorOf(Unavailable("")).http_status;
    res.set_content(HealthBody(ok), "application/json");
  });
  http.Get("/metrics", [&impl](const httplib::Request&, httplib::Response& res) {
    CurrentRequestScope().route = "/metrics";
    res.set_content(impl.metrics.Render(FiguresOf(impl.services)),
                    "text/plain; version=0.0.4; charset=utf-8");
  });
}

void HttpServer::Impl::AddApi() {
  AddSessionRoutes(router, sign_in);
  AddCaseRoutes(router);
  AddCaseReadRoutes(router);
  AddTaskRoutes(router);
  AddActionRoutes(router);
  AddEscalationRoutes(router);
  AddInboxRoutes(router);
  AddDirectoryRoutes(router);
  AddTokenRoutes(router);
  AddAccountRoutes(router);
  AddOwnAccountRoutes(router, sign_in);
  AddOperationsRoutes(router);
  AddDefinitionRoutes(router);
}

void HttpServer::Impl::ServeStaticFiles() {
  // httplib refuses paths that climb out of the mount point ("..") and sets the MIME type by
  // extension.
  if (!options.static_dir.empty()) {
    http.set_mount_point("/", options.static_dir);
    http.set_file_extension_and_mimetype_mapping("js", "text/javascript; charset=utf-8");
    http.set_file_extension_and_mimetype_mapping("mjs", "text/javascript; charset=utf-8");
    http.set_file_extension_and_mimetype_mapping("html", "text/html; charset=utf-8");
    http.set_file_extension_and_mimetype_mapping("css", "text/css; charset=utf-8");
    http.set_file_extension_and_mimetype_mapping("svg", "image/svg+xml");
    http.set_file_extension_and_mimetype_mapping("json", "application/json");
    http.set_file_extension_and_mimetype_mapping("woff2", "font/woff2");
  }
}

HttpServer::~HttpServer() = default;

Status HttpServer::Run(const std::function<void()>& on_listening) {
  auto& http = impl_->http;
  const char* host = impl_->options.host.c_str();
  if (impl_->options.port == 0) {
    impl_->options.port = http.bind_to_any_port(host);
  } else if (!http.bind_to_port(host, impl_->options.port)) {
    impl_->options.port = -1;
  }
  if (impl_->options.port > 0 && !http.SetListenBacklog()) impl_->options.port = -1;
  if (impl_->options.port <= 0) {
    return Unavailable("cannot listen on " + impl_->options.host + ":" +
                       std::to_string(impl_->options.port));
  }
  on_listening();
  impl_->starting = true;
  // Set before checking, as Stop() requests before checking `starting`: one sees the other.
  const bool listened = impl_->stop_requested || http.listen_after_bind();
  impl_->starting = false;
  if (!listened) return Unavailable("the HTTP server stopped unexpectedly");
  return Status::Ok();
}

void HttpServer::Stop() {
  impl_->stop_requested = true;
  while (impl_->starting && !impl_->http.is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->http.stop();
}

int HttpServer::port() const { return impl_->options.port; }

}  // namespace souhra
