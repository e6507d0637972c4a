#include "web/socket_address.h"

#include <netdb.h>
#include <sys/socket.h>

#include <cstdlib>

namespace souhra {
namespace {

std::string Numeric(const sockaddr_storage& address, socklen_t length, int* port) {
  char host[NI_MAXHOST];
  char service[NI_MAXSERV];
  if (getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host, sizeof host, service,
                  sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
    return "";
  }
  if (port != nullptr) *port = std::atoi(service);
  return host;
}

}  // namespace

std::string PeerAddress(int sock, int* port) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (getpeername(sock, reinterpret_cast<sockaddr*>(&address), &length) != 0) return "";
  return Numeric(address, length, port);
}

std::string LocalAddress(int sock, int* port) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (getsockname(sock, reinterpret_cast<sockaddr*>(&address), &length) != 0) return "";
  return Numeric(address, length, port);
}

}  // namespace souhra
