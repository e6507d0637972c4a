#include "app/demo_seed.h"

#include <algorithm>
#include <filesystem>

#include "app/text_file.h"
#include "engine/definitions/definition_extension.h"

namespace souhra {
namespace {

std::vector<std::filesystem::path> LuaFilesIn(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".lua")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Status InstallFile(Engine& engine, const std::string& tenant, const std::filesystem::path& file,
                   const std::string& shown, ExtensionBases& bases,
                   std::vector<std::string>* installed) {
  SOUHRA_ASSIGN_OR_RETURN(std::string source, ReadTextFile(file.string()));
  Result<DefinitionChange> result = engine.Install(tenant, shown, bases.Prepare(shown, source));
  if (!result.ok()) return result.status();
  if (installed) installed->push_back(tenant + ": " + shown);
  return Status::Ok();
}

}  // namespace

Status InstallShippedDefinitions(Engine& engine, const std::string& tenant, const std::string& root,
                                 std::vector<std::string>* installed) {
  ExtensionBases bases;
  for (const char* kind : {"rules", "workflows"}) {
    const std::filesystem::path dir = std::filesystem::path(root) / kind;
    if (!std::filesystem::is_directory(dir)) return NotFound("no directory " + dir.string());
    for (const auto& file : LuaFilesIn(dir)) {
      const std::string shown = std::string(kind) + "/" + file.filename().string();
      SOUHRA_RETURN_IF_ERROR(InstallFile(engine, tenant, file, shown, bases, installed));
    }
  }
  // The tenant's own files, extending or replacing what was just installed.
  const std::filesystem::path own = std::filesystem::path(root) / "workflows" / "tenants" / tenant;
  for (const auto& file : LuaFilesIn(own)) {
    const std::string shown = "workflows/tenants/" + tenant + "/" + file.filename().string();
    SOUHRA_RETURN_IF_ERROR(InstallFile(engine, tenant, file, shown, bases, installed));
  }
  return Status::Ok();
}

std::vector<std::string> SeededTenants(const std::string& root) {
  std::vector<std::string> tenants = {kDemoTenant};
  std::error_code error;
  const std::filesystem::path dir = std::filesystem::path(root) / "workflows" / "tenants";
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string id = entry.path().filename().string();
    if (entry.is_directory() && id != kDemoTenant) found.push_back(id);
  }
  std::sort(found.begin(), found.end());
  tenants.insert(tenants.end(), found.begin(), found.end());
  return tenants;
}

Status InstallTenantDefinitions(Engine& engine, const std::string& root,
                                std::vector<std::string>* installed) {
  for (const std::string& tenant : SeededTenants(root)) {
    SOUHRA_RETURN_IF_ERROR(InstallShippedDefinitions(engine, tenant, root, installed));
  }
  return Status::Ok();
}

}  // namespace souhra
