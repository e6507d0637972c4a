// Seeding the demo municipality: the shipped workflows and rule sets, active for tenant "demo".
#pragma once

#include <string>
#include <vector>

#include "engine/engine.h"

namespace souhra {

// The tenant `souhra serve` seeds on its first start.
inline constexpr char kDemoTenant[] = "demo";

// Installs every rules/*.lua and workflows/*.lua under `root` (rule sets first, so workflows
// that decide with them find them) for `tenant`. Installing an unchanged file again changes
// nothing. Returns the first failure, with every diagnostic of the file that failed.
Status InstallShippedDefinitions(Engine& engine, const std::string& tenant,
                                 const std::string& root, std::vector<std::string>* installed);

}  // namespace souhra
