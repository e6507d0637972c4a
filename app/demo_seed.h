// Seeding the municipalities: the shipped workflows and rule sets, active for tenant "demo" and
// for every tenant with a directory workflows/tenants/<id>/, each followed by its own files.
#pragma once

#include <string>
#include <vector>

#include "engine/runtime/engine.h"

namespace souhra {

// The tenant `souhra serve` seeds on its first start.
inline constexpr char kDemoTenant[] = "demo";

// Installs every rules/*.lua and workflows/*.lua under `root` (rule sets first, so workflows
// that decide with them find them) for `tenant`, then workflows/tenants/<tenant>/*.lua, which
// may `extend` a shipped definition or replace it. Installing an unchanged file again changes
// nothing. Returns the first failure, with every diagnostic of the file that failed.
// `installed` receives "tenant: file" for each.
Status InstallShippedDefinitions(Engine& engine, const std::string& tenant, const std::string& root,
                                 std::vector<std::string>* installed);

// "demo" and the id of every directory under root/workflows/tenants/, sorted.
std::vector<std::string> SeededTenants(const std::string& root);

// InstallShippedDefinitions for every tenant of SeededTenants.
Status InstallTenantDefinitions(Engine& engine, const std::string& root,
                                std::vector<std::string>* installed);

}  // namespace souhra
