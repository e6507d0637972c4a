// How long and how many connections a client may hold: the values GuardedHttpServer
// (web/guarded_server.h) enforces, set in ServerOptions.
#pragma once

#include <chrono>
#include <cstddef>

namespace souhra {

struct ConnectionLimits {
  int listen_backlog = 128;
  // Open connections per client address; 0: no cap. Behind a reverse proxy every client has
  // the proxy's address: raise it there or cap at the proxy.
  size_t max_per_client = 24;
  std::chrono::milliseconds header_timeout = std::chrono::seconds(5);
  std::chrono::milliseconds body_timeout = std::chrono::seconds(30);
  std::chrono::milliseconds keep_alive_timeout = std::chrono::seconds(2);
  std::chrono::milliseconds write_timeout = std::chrono::seconds(5);
};

}  // namespace souhra
