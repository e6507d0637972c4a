// httplib's server with the limits that keep slow and greedy clients from taking it over.
//
// httplib serves each connection on one worker thread for as long as the connection stays open,
// between requests too, and it waits up to its read timeout for every byte. So a client that
// opens connections and sends a byte a second keeps a worker per connection; enough of them and
// nobody else is served, /healthz included. This server serves each connection itself (httplib's
// process_and_close_socket is virtual for that, as its SSLServer does) and adds:
// - a cap on the connections one address holds open (ConnectionLimits::max_per_client, far below
//   the worker pool): the extra ones get 503 at once and are closed;
// - deadlines for a whole request, not per byte (DeadlineStream): the request line and headers
//   within `header_timeout`, the body within `body_timeout`;
// - an idle connection waits at most `keep_alive_timeout` for its next request, then frees its
//   worker;
// - a declared Content-Length above the payload limit answered 413 before any body is awaited;
// - a listen backlog of `listen_backlog` (httplib's is 5, compiled into Debian's library).
// A slow client thus holds at most max_per_client workers for at most header_timeout each.
// Many addresses at once (a botnet) can still fill the pool: the cap is per address, not global.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <string>

#include "web/client_connections.h"
#include "web/connection_limits.h"

namespace souhra {

class GuardedHttpServer : public httplib::Server {
 public:
  explicit GuardedHttpServer(ConnectionLimits limits);

  // Call after bind_to_port: sets the bound socket's listen backlog. False when it fails.
  bool SetListenBacklog();
  // Connections `address` holds open now (for tests and figures).
  size_t OpenConnectionsFrom(const std::string& address) { return clients_.OpenFrom(address); }

 private:
  bool process_and_close_socket(socket_t sock) override;
  // Serves the requests of one admitted connection until it closes, idles or misses a deadline.
  bool ServeConnection(socket_t sock);
  // Waits until the next request starts; false when the connection idled out or the server
  // stops.
  bool AwaitNextRequest(socket_t sock);

  ConnectionLimits limits_;
  ClientConnections clients_;
};

}  // namespace souhra
