#include "web/deadline_stream.h"

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>

#include "web/socket_address.h"

namespace souhra {

using std::chrono::steady_clock;

DeadlineStream::DeadlineStream(int sock, RequestDeadlines deadlines)
    : sock_(sock), deadlines_(deadlines), read_due_(deadlines.headers_due) {}

void DeadlineStream::HeadersRead(const httplib::Request& request) {
  read_due_ = steady_clock::now() + deadlines_.body_timeout;
  const std::string declared = request.get_header_value("Content-Length");
  if (declared.empty()) return;
  // Digits only; anything else is httplib's to refuse. Longer than 19 digits is too large anyway.
  if (declared.find_first_not_of("0123456789") != std::string::npos) return;
  body_refused_ = declared.size() > 19 || std::stoull(declared) > deadlines_.max_body;
}

bool DeadlineStream::WaitFor(short events, steady_clock::time_point deadline) const {
  while (true) {
    const auto left =
        std::chrono::ceil<std::chrono::milliseconds>(deadline - steady_clock::now()).count();
    if (left <= 0) return false;
    pollfd fd{sock_, events, 0};
    const int ready = poll(&fd, 1, static_cast<int>(std::min<int64_t>(left, 60000)));
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) return false;
  }
}

bool DeadlineStream::is_readable() const {
  return buffered_begin_ < buffered_end_ || (!body_refused_ && WaitFor(POLLIN, read_due_));
}

bool DeadlineStream::is_writable() const {
  return WaitFor(POLLOUT, steady_clock::now() + deadlines_.write_timeout);
}

ssize_t DeadlineStream::read(char* ptr, size_t size) {
  if (buffered_begin_ == buffered_end_) {
    if (body_refused_ || !WaitFor(POLLIN, read_due_)) return -1;
    const ssize_t got = recv(sock_, buffer_.data(), buffer_.size(), 0);
    if (got <= 0) return got;
    buffered_begin_ = 0;
    buffered_end_ = static_cast<size_t>(got);
  }
  const size_t n = std::min(size, buffered_end_ - buffered_begin_);
  std::memcpy(ptr, buffer_.data() + buffered_begin_, n);
  buffered_begin_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t DeadlineStream::write(const char* ptr, size_t size) {
  if (!is_writable()) return -1;
  return send(sock_, ptr, size, MSG_NOSIGNAL);
}

void DeadlineStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = PeerAddress(sock_, &port);
}

void DeadlineStream::get_local_ip_and_port(std::string& ip, int& port) const {
  ip = LocalAddress(sock_, &port);
}

}  // namespace souhra
