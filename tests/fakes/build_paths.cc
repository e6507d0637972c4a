#include "tests/fakes/build_paths.h"

namespace souhra::testing {

const std::string& SourceDir() {
  static const std::string path = SOUHRA_SOURCE_DIR;
  return path;
}

const std::string& SouhraBinary() {
  static const std::string path = SOUHRA_BINARY;
  return path;
}

const std::string& CrashChildBinary() {
  static const std::string path = SOUHRA_CRASH_CHILD;
  return path;
}

const std::string& TimerCrashChildBinary() {
  static const std::string path = SOUHRA_TIMER_CRASH_CHILD;
  return path;
}

const std::string& NotifyCrashChildBinary() {
  static const std::string path = SOUHRA_NOTIFY_CRASH_CHILD;
  return path;
}

}  // namespace souhra::testing
