// Seeding the municipalities: the shipped workflows and rule sets, active for tenant "demo" and
// for every tenant with a directory workflows/tenants/<id>/, each followed by its own files.
#pragma once

#include <string>
#include <vector>

#include "engine/runtime/engine.h"

namespace souhra {

// The tenant `souhra serve` seeds on its first start.
inline constexpr char kDemoTenant[] = "demo";

// A shipped file as it is installed: its path under the root and its source, an extension
// already composed over its base (definition_extension.h).
struct ShippedFile {
  std::string file;  // "rules/eligibility.lua", "workflows/tenants/<tenant>/intake.lua"
  std::string source;
};

// Every rules/*.lua and workflows/*.lua under `root` (rule sets first, so workflows that decide
// with them find them), then workflows/tenants/<tenant>/*.lua, which may `extend` a shipped
// definition or replace it; each folder sorted by name. kNotFound when root has no rules/ or
// workflows/, or a file cannot be read.
Result<std::vector<ShippedFile>> ShippedFiles(const std::string& tenant, const std::string& root);

// Installs every ShippedFiles(tenant, root) and makes it active, whatever the tenant had
// (shipped_pack.h decides when that is right). Installing an unchanged file again changes
// nothing. Returns the first failure, with every diagnostic of the file that failed.
// `installed` receives "tenant: file" for each.
Status InstallShippedDefinitions(Engine& engine, const std::string& tenant, const std::string& root,
                                 std::vector<std::string>* installed);

// "demo" and the id of every directory under root/workflows/tenants/, sorted.
std::vector<std::string> SeededTenants(const std::string& root);

}  // namespace souhra
