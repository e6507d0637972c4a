// The definition loader as a fuzz target: any bytes, loaded as a workflow or rule-set file,
// must be accepted or refused with diagnostics — never crash, hang or exhaust memory.
// Run by libFuzzer (tests/fuzz/definition_loader_fuzzer.cc, -DSOUHRA_FUZZ=ON with clang) and,
// over the kept corpus, by the ordinary test suite.
#pragma once

#include <cstddef>
#include <cstdint>

namespace souhra {

void FuzzDefinitionLoader(const uint8_t* data, size_t size);

}  // namespace souhra
