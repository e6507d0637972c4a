// A child process started with posix_spawn whose stdout the test reads line by line; stderr is
// shared with the test. Killed with SIGKILL if still running when the object goes.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace souhra::testing {

class ChildProcess {
 public:
  // Starts `argv[0]` with `argv`. Check running() for success.
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }

  // The next complete line without its newline; nullopt at end of output or at `deadline`.
  std::optional<std::string> ReadLine(std::chrono::steady_clock::time_point deadline);
  void Kill();
  // Sends `signal` (e.g. SIGTERM) without waiting.
  void Signal(int signal);
  // Waits for the child to end and returns its waitpid status.
  int Wait();

 private:
  pid_t pid_ = -1;
  int out_ = -1;        // read end of the child's stdout
  std::string buffer_;  // read but not yet returned
};

}  // namespace souhra::testing
