// What the crash tests' child processes tell their parent: one line per acknowledged thing on
// stdout, written with one write() so that a kill never leaves half a line, and errors on stderr.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "engine/status.h"

namespace souhra::testing {

inline void ReportLine(const std::string& line) {
  const std::string text = line + "\n";
  if (::write(STDOUT_FILENO, text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
    std::_Exit(1);  // the test is gone
  }
}

// "<child>: <what>: <status>" on stderr.
inline void PrintChildError(const char* child, const std::string& what, const Status& status) {
  std::fprintf(stderr, "%s: %s: %s\n", child, what.c_str(), status.ToString().c_str());
}

}  // namespace souhra::testing
