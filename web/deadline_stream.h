// One request's reading and writing on a connection, with deadlines for the whole request rather
// than for each read: httplib waits up to its read timeout for every byte, so a client sending
// one byte a second held a worker for as long as it liked. Here the request line and headers
// must arrive by `headers_due`, and the body within `body_timeout` of the headers. A body that
// declares a length above `max_body` is not waited for: reading ends at once, httplib answers
// 413, and the connection closes after the answer. Used by GuardedHttpServer; one thread.
#pragma once

#include <httplib.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <string>

namespace souhra {

struct RequestDeadlines {
  std::chrono::steady_clock::time_point headers_due;
  std::chrono::milliseconds body_timeout;
  std::chrono::milliseconds write_timeout;  // for each write of the reply
  size_t max_body = 0;                      // larger declared bodies are refused (413)
};

class DeadlineStream final : public httplib::Stream {
 public:
  DeadlineStream(int sock, RequestDeadlines deadlines);

  // The headers are parsed (httplib's setup_request): the body's deadline starts, and a body
  // declared too large is refused.
  void HeadersRead(const httplib::Request& request);
  // True when the connection must close after this request's answer.
  bool close_after() const { return body_refused_; }

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  int socket() const override { return sock_; }

 private:
  // Waits until the socket has `events` or `deadline` passes; true when it has them.
  bool WaitFor(short events, std::chrono::steady_clock::time_point deadline) const;

  int sock_;
  RequestDeadlines deadlines_;
  std::chrono::steady_clock::time_point read_due_;
  bool body_refused_ = false;
  // httplib reads the request line and headers a byte at a time: one recv() fills this instead.
  std::array<char, 4096> buffer_;
  size_t buffered_begin_ = 0;
  size_t buffered_end_ = 0;
};

}  // namespace souhra
