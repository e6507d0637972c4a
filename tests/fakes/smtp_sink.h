// A real SMTP server on loopback for e-mail tests: tests/smtp_sink.py (Debian's python3-aiosmtpd)
// started on a free port, writing each message it receives as <n>.json into a temp directory.
// The server has written a message before it acknowledges it, so once a send returned OK the
// message is there. Killed when the object goes.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "engine/definitions/definition.h"
#include "tests/fakes/child_process.h"
#include "tests/fakes/temp_dir.h"

namespace souhra::testing {

// A TCP port on 127.0.0.1 that was free a moment ago.
int FreeLoopbackPort();

class SmtpSink {
 public:
  SmtpSink();
  bool ready() const { return ready_; }
  int port() const { return port_; }
  // The `n`-th message received (1 = the first), decoded; nullopt if there is none.
  std::optional<Json> Message(int n) const;
  // How many messages arrived.
  int Count() const;

 private:
  TempDir dir_;
  int port_ = 0;
  std::unique_ptr<ChildProcess> process_;
  bool ready_ = false;
};

}  // namespace souhra::testing
