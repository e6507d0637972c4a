#include "tests/fuzz/definition_loader_target.h"

#include <string>

#include "engine/definitions/definition_loader.h"

namespace souhra {

void FuzzDefinitionLoader(const uint8_t* data, size_t size) {
  const std::string source(reinterpret_cast<const char*>(data), size);
  SandboxLimits limits;
  limits.memory_bytes = 8u << 20;  // small budgets keep each input fast
  limits.instructions = 100'000;
  (void)LoadDefinition("fuzz.lua", source, limits, ValidationContext{});
}

}  // namespace souhra
