#include "app/simulation.h"

#include <filesystem>

#include "app/text_file.h"

namespace souhra {

DefinitionSourceReader FilesUnder(const std::string& root) {
  return [root](const std::string& path) {
    return ReadTextFile((std::filesystem::path(root) / path).string());
  };
}

}  // namespace souhra
