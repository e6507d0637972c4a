#include "web/server.h"

#include <httplib.h>

#include "web/health.h"

namespace souhra {

struct HttpServer::Impl {
  Impl(Store& s, ServerOptions o) : store(s), options(std::move(o)) {}
  Store& store;
  ServerOptions options;
  httplib::Server http;
};

HttpServer::HttpServer(Store& store, ServerOptions options)
    : impl_(std::make_unique<Impl>(store, std::move(options))) {
  auto& http = impl_->http;
  http.set_payload_max_length(impl_->options.max_body_bytes);
  http.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    const bool ok = impl_->store.GetCase(0).ok();
    res.status = ok ? 200 : 503;
    res.set_content(HealthBody(ok), "application/json");
  });
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
  if (impl_->options.port <= 0) {
    return Unavailable("cannot listen on " + impl_->options.host + ":" +
                       std::to_string(impl_->options.port));
  }
  on_listening();
  if (!http.listen_after_bind()) return Unavailable("the HTTP server stopped unexpectedly");
  return Status::Ok();
}

void HttpServer::Stop() { impl_->http.stop(); }

int HttpServer::port() const { return impl_->options.port; }

}  // namespace souhra
