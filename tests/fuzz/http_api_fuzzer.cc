// libFuzzer entry point for the HTTP API; see http_api_target.h.
#include <cstdlib>

#include "tests/fuzz/http_api_target.h"

// A 500 is a bug in Souhra: a finding, like a crash.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (souhra::FuzzHttpApi(data, size) == 500) std::abort();
  return 0;
}
