// The seed of a randomised test. Every randomised test takes its seed from here, so that one
// variable replays any of them: SOUHRA_TEST_SEED=<n> ctest … (or the test binary with a
// --gtest_filter) runs the same cases again. The seed is printed as "SOUHRA_TEST_SEED=<n>" and
// kept as the test's "seed" property (in --gtest_output=xml), and tests name it in their failures.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>

namespace souhra::testing {

inline constexpr char kTestSeedVariable[] = "SOUHRA_TEST_SEED";

// SOUHRA_TEST_SEED when it is set, else `otherwise`; printed and recorded. Call it once per test,
// from inside the test.
inline uint64_t TestSeed(uint64_t otherwise) {
  const char* env = std::getenv(kTestSeedVariable);
  const uint64_t seed = env != nullptr ? std::strtoull(env, nullptr, 10) : otherwise;
  // Flushed at once: a test that hangs and is killed must still have named its seed.
  std::cout << kTestSeedVariable << "=" << seed << std::endl;
  ::testing::Test::RecordProperty("seed", std::to_string(seed));
  return seed;
}

// A fresh seed for each run, for tests that should explore (the crash tests).
inline uint64_t FreshSeed() { return std::random_device{}(); }

}  // namespace souhra::testing
