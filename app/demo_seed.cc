#include "app/demo_seed.h"

#include <algorithm>
#include <filesystem>

#include "app/text_file.h"

namespace souhra {
namespace {

std::vector<std::filesystem::path> LuaFilesIn(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".lua") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

Status InstallShippedDefinitions(Engine& engine, const std::string& tenant,
                                 const std::string& root, std::vector<std::string>* installed) {
  for (const char* kind : {"rules", "workflows"}) {
    const std::filesystem::path dir = std::filesystem::path(root) / kind;
    if (!std::filesystem::is_directory(dir)) return NotFound("no directory " + dir.string());
    for (const auto& file : LuaFilesIn(dir)) {
      SOUHRA_ASSIGN_OR_RETURN(std::string source, ReadTextFile(file.string()));
      const std::string shown = std::string(kind) + "/" + file.filename().string();
      Result<Applied> result = engine.Install(tenant, shown, source);
      if (!result.ok()) return result.status();
      if (installed) installed->push_back(shown);
    }
  }
  return Status::Ok();
}

}  // namespace souhra
