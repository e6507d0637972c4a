// The HTTP server behind `souhra serve`: one port for the JSON API (/api/v1), the UI's static
// files, /healthz and /metrics. One JSON line per request goes to the log stream (stderr):
// time, method, route, status, ms, user, tenant; never bodies.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "engine/status.h"
#include "web/api.h"
#include "web/authenticator.h"
#include "web/connection_limits.h"
#include "web/sign_in_limiter.h"

namespace souhra {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                   // 0: any free port, see HttpServer::port()
  size_t max_body_bytes = 1u << 20;  // larger requests are refused with 413
  // Worker threads. A connection holds its thread while it stays open, so fewer threads than
  // open connections leaves requests queued behind idle ones. `connections` bounds how many one
  // address holds (24, far below 128) and for how long (web/guarded_server.h), so that slow
  // clients from a few addresses cannot take them all.
  size_t threads = 128;
  ConnectionLimits connections;
  std::string static_dir;  // the UI's files; "" serves none
  SessionPolicy sessions;
  SignInLimits sign_in;
  std::ostream* log = nullptr;  // request log; null = none
};

class HttpServer {
 public:
  // `services` must outlive the server.
  HttpServer(WebServices services, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and serves until Stop() is called; `on_listening` runs once the port is bound.
  // kUnavailable when the address cannot be bound.
  Status Run(const std::function<void()>& on_listening);
  // Stops accepting and returns once in-flight requests are answered. Thread-safe.
  void Stop();
  // The port it listens on, once Run has bound it.
  int port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace souhra
