#include "web/guarded_server.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <string>

#include "web/api_errors.h"
#include "web/deadline_stream.h"
#include "web/socket_address.h"

namespace souhra {
namespace {

using std::chrono::steady_clock;

// How often a connection waiting for its next request checks whether the server stops.
constexpr auto kStopCheck = std::chrono::milliseconds(100);

// The whole answer to a connection over its address's cap, written without reading the request
// so that refusing costs the worker next to nothing.
std::string BusyReply() {
  const std::string body =
      ErrorBody("unavailable",
                "Z vaší adresy je otevřeno příliš mnoho spojení najednou; zkuste to za chvíli "
                "znovu.")
          .dump();
  return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
         "Retry-After: 1\r\nConnection: close\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

void RefuseBusyClient(int sock) {
  static const std::string reply = BusyReply();
  (void)send(sock, reply.data(), reply.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

// Ends the connection after its last answer. What the client sent and nobody read (a refused
// request, a body over the limit) is dropped first: closing with unread data would reset the
// connection, and the client could lose the answer.
void CloseConnection(int sock) {
  ::shutdown(sock, SHUT_WR);
  char unread[4096];
  while (recv(sock, unread, sizeof unread, MSG_DONTWAIT) > 0) {
  }
  ::close(sock);
}

}  // namespace

GuardedHttpServer::GuardedHttpServer(ConnectionLimits limits)
    : limits_(limits), clients_(limits.max_per_client) {}

bool GuardedHttpServer::SetListenBacklog() {
  // Linux takes a second listen() on a listening socket as a new backlog.
  const socket_t sock = svr_sock_;
  return sock != INVALID_SOCKET && ::listen(sock, limits_.listen_backlog) == 0;
}

bool GuardedHttpServer::process_and_close_socket(socket_t sock) {
  bool served = false;
  if (std::optional<ClientConnections::Admission> admitted = clients_.Admit(PeerAddress(sock))) {
    served = ServeConnection(sock);
  } else {
    RefuseBusyClient(sock);
  }
  CloseConnection(sock);
  return served;
}

bool GuardedHttpServer::ServeConnection(socket_t sock) {
  bool ok = false;
  for (size_t served = 0; served < keep_alive_max_count_; ++served) {
    if (served > 0 && !AwaitNextRequest(sock)) break;
    // The first request's headers are due header_timeout after its worker took the connection,
    // a later one's after it started.
    DeadlineStream stream(
        sock, RequestDeadlines{steady_clock::now() + limits_.header_timeout, limits_.body_timeout,
                               limits_.write_timeout, payload_max_length_});
    bool closed = false;
    ok = process_request(stream, served + 1 == keep_alive_max_count_, closed,
                         [&stream](httplib::Request& request) { stream.HeadersRead(request); });
    if (!ok || closed || stream.close_after()) break;
  }
  return ok;
}

bool GuardedHttpServer::AwaitNextRequest(socket_t sock) {
  const auto idle_until = steady_clock::now() + limits_.keep_alive_timeout;
  while (svr_sock_ != INVALID_SOCKET) {
    const auto left =
        std::chrono::ceil<std::chrono::milliseconds>(idle_until - steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd fd{sock, POLLIN, 0};
    const int ready = poll(&fd, 1, static_cast<int>(std::min(left, kStopCheck).count()));
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) return false;
  }
  return false;
}

}  // namespace souhra
