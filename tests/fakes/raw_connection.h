// A TCP connection to a test server from a chosen loopback address, for tests that control every
// byte and its timing: slow clients, bodies that never come, many clients at once. All of
// 127.0.0.0/8 reaches loopback on Linux, so "127.0.0.2", "127.0.0.3"… are distinct clients.
#pragma once

#include <chrono>
#include <memory>
#include <string>

namespace souhra::testing {

class RawConnection {
 public:
  // Connects from `source` to 127.0.0.1:`port`; null when it cannot.
  static std::unique_ptr<RawConnection> Open(int port, const std::string& source = "127.0.0.1");
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // Sends all of `bytes`; false when the connection is gone.
  bool Send(const std::string& bytes);
  // Everything the server sends until it closes the connection or `timeout` passes.
  std::string ReadUntilClosed(std::chrono::milliseconds timeout);
  // True when the server closed (or reset) the connection within `timeout`.
  bool ClosedWithin(std::chrono::milliseconds timeout);
  // Whether the last ReadUntilClosed or ClosedWithin saw the connection close.
  bool closed() const { return closed_; }

 private:
  explicit RawConnection(int sock) : sock_(sock) {}
  int sock_;
  bool closed_ = false;
};

// A POST of a JSON `body` to `path` as a complete HTTP/1.1 request that asks to close after it.
std::string JsonPost(const std::string& path, const std::string& body);
// The status code of an HTTP response's first line; 0 when there is none.
int StatusOf(const std::string& response);

}  // namespace souhra::testing
