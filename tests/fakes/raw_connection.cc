#include "tests/fakes/raw_connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>

namespace souhra::testing {

std::unique_ptr<RawConnection> RawConnection::Open(int port, const std::string& source) {
  const int sock = socket(AF_INET, SOCK_STREAM, 0);
  if (sock < 0) return nullptr;
  sockaddr_in from{};
  from.sin_family = AF_INET;
  inet_pton(AF_INET, source.c_str(), &from.sin_addr);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  if (bind(sock, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
      connect(sock, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    close(sock);
    return nullptr;
  }
  return std::unique_ptr<RawConnection>(new RawConnection(sock));
}

RawConnection::~RawConnection() { close(sock_); }

bool RawConnection::Send(const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = send(sock_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

std::string RawConnection::ReadUntilClosed(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string received;
  while (!closed_) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd fd{sock_, POLLIN, 0};
    if (poll(&fd, 1, static_cast<int>(left.count())) <= 0) continue;
    char chunk[4096];
    const ssize_t n = recv(sock_, chunk, sizeof chunk, 0);
    if (n <= 0) {
      closed_ = true;
    } else {
      received.append(chunk, static_cast<size_t>(n));
    }
  }
  return received;
}

bool RawConnection::ClosedWithin(std::chrono::milliseconds timeout) {
  (void)ReadUntilClosed(timeout);
  return closed_;
}

std::string JsonPost(const std::string& path, const std::string& body) {
  return "POST " + path +
         " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
         "Connection: close\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

int StatusOf(const std::string& response) {
  if (response.rfind("HTTP/1.", 0) != 0 || response.size() < 12) return 0;
  return std::atoi(response.c_str() + 9);
}

}  // namespace souhra::testing
