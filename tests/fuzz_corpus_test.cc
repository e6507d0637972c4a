// Replays the kept fuzz corpus through the fuzz targets, so every input that once found a new
// path keeps being checked in ordinary runs (and under the sanitizers).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "tests/fakes/build_paths.h"
#include "tests/fuzz/definition_loader_target.h"
#include "tests/fuzz/http_api_target.h"

namespace souhra {
namespace {

TEST(FuzzCorpus, DefinitionLoaderSurvivesEveryKeptInput) {
  const std::filesystem::path dir =
      std::filesystem::path(testing::SourceDir()) / "tests/fuzz/corpus/definition_loader";
  int inputs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    SCOPED_TRACE(entry.path().filename().string());
    FuzzDefinitionLoader(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    ++inputs;
  }
  EXPECT_GT(inputs, 10) << "the corpus in " << dir << " is missing";
}

TEST(FuzzCorpus, HttpApiAnswersEveryKeptInputWithoutAServerError) {
  const std::filesystem::path dir =
      std::filesystem::path(testing::SourceDir()) / "tests/fuzz/corpus/http_api";
  int inputs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    SCOPED_TRACE(entry.path().filename().string());
    const int status = FuzzHttpApi(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    EXPECT_NE(status, 500);
    ++inputs;
  }
  EXPECT_GT(inputs, 10) << "the corpus in " << dir << " is missing";
}

}  // namespace
}  // namespace souhra
