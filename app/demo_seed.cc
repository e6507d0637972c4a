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

Status AddFolder(const std::filesystem::path& dir, const std::string& shown_dir,
                 ExtensionBases& bases, std::vector<ShippedFile>* files) {
  for (const auto& path : LuaFilesIn(dir)) {
    const std::string shown = shown_dir + "/" + path.filename().string();
    SOUHRA_ASSIGN_OR_RETURN(std::string source, ReadTextFile(path.string()));
    files->push_back(ShippedFile{shown, bases.Prepare(shown, source)});
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<ShippedFile>> ShippedFiles(const std::string& tenant, const std::string& root) {
  ExtensionBases bases;
  std::vector<ShippedFile> files;
  for (const char* kind : {"rules", "workflows"}) {
    const std::filesystem::path dir = std::filesystem::path(root) / kind;
    if (!std::filesystem::is_directory(dir))
      return NotFound(
          "Složka " + dir.string() +
          " neexistuje. Zadejte volbou --definitions složku, ve které jsou rules/ a workflows/.");
    SOUHRA_RETURN_IF_ERROR(AddFolder(dir, kind, bases, &files));
  }
  // The tenant's own files, extending or replacing what came before.
  const std::string own = "workflows/tenants/" + tenant;
  SOUHRA_RETURN_IF_ERROR(AddFolder(std::filesystem::path(root) / own, own, bases, &files));
  return files;
}

Status InstallShippedDefinitions(Engine& engine, const std::string& tenant, const std::string& root,
                                 std::vector<std::string>* installed) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<ShippedFile> files, ShippedFiles(tenant, root));
  for (const ShippedFile& f : files) {
    Result<DefinitionChange> result = engine.Install(tenant, f.file, f.source);
    if (!result.ok()) return result.status();
    if (installed) installed->push_back(tenant + ": " + f.file);
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

}  // namespace souhra
