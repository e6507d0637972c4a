#include "tests/fakes/smtp_sink.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/fakes/build_paths.h"

namespace souhra::testing {
namespace {

bool Connects(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

}  // namespace

int FreeLoopbackPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = 0;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  close(fd);
  return port;
}

SmtpSink::SmtpSink() : port_(FreeLoopbackPort()) {
  process_ = std::make_unique<ChildProcess>(
      std::vector<std::string>{"/usr/bin/python3", testing::SourceDir() + "/tests/smtp_sink.py",
                               std::to_string(port_), dir_.path()});
  if (!process_->running()) return;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  std::optional<std::string> line = process_->ReadLine(deadline);
  // "ready" is printed once the server listens; the connect confirms it.
  ready_ = line && *line == "ready" && Connects(port_);
}

std::optional<Json> SmtpSink::Message(int n) const {
  std::ifstream in(dir_.File(std::to_string(n) + ".json"));
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return Json::parse(text.str());
}

int SmtpSink::Count() const {
  int n = 0;
  while (std::filesystem::exists(dir_.File(std::to_string(n + 1) + ".json"))) ++n;
  return n;
}

}  // namespace souhra::testing
