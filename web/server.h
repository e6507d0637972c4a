// The HTTP server behind `souhra serve`: one port for the JSON API and the UI's static files.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "engine/status.h"
#include "engine/store.h"

namespace souhra {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port, see HttpServer::port()
  size_t max_body_bytes = 1u << 20;  // larger requests are refused with 413
};

class HttpServer {
 public:
  HttpServer(Store& store, ServerOptions options);
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
