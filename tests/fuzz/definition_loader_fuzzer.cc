// libFuzzer entry point for the definition loader; see definition_loader_target.h.
#include "tests/fuzz/definition_loader_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  souhra::FuzzDefinitionLoader(data, size);
  return 0;
}
