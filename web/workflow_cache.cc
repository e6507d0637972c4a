#include "web/workflow_cache.h"

#include "engine/definitions/definition_loader.h"

namespace souhra {

Result<std::shared_ptr<const Workflow>> WorkflowCache::Version(DefinitionVersions& store,
                                                               const std::string& tenant,
                                                               const std::string& name,
                                                               const std::string& hash) {
  {
    std::lock_guard lock(mu_);
    auto cached = by_hash_.find(hash);
    if (cached != by_hash_.end()) return cached->second;
  }
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> versions,
                          store.ListDefinitionVersions(tenant, name));
  for (const DefinitionSource& version : versions) {
    if (version.content_hash == hash) return Compiled(version);
  }
  return NotFound("Verze procesu „" + name +
                  "“, podle které případ běží, v obci chybí; obraťte "
                  "se na metodika.");
}

Result<std::shared_ptr<const Workflow>> WorkflowCache::Active(DefinitionVersions& store,
                                                              const std::string& tenant,
                                                              const std::string& name) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<DefinitionSource> active,
                          store.GetActiveDefinition(tenant, name));
  if (!active)
    return NotFound("Proces „" + name + "“ není v obci zapnutý; obraťte se na metodika.");
  return Compiled(*active);
}

Result<std::shared_ptr<const Workflow>> WorkflowCache::Compiled(const DefinitionSource& source) {
  {
    std::lock_guard lock(mu_);
    auto cached = by_hash_.find(source.content_hash);
    if (cached != by_hash_.end()) return cached->second;
  }
  // Compiled outside the lock: two requests may both compile a new version; one result is kept.
  SOUHRA_ASSIGN_OR_RETURN(
      LoadedDefinition loaded,
      LoadDefinition(source.file, source.source, SandboxLimits{}, ValidationContext{}));
  if (!loaded.workflow) return NotFound("„" + source.name + "“ je sada pravidel, ne proces.");
  std::lock_guard lock(mu_);
  return by_hash_.emplace(source.content_hash, loaded.workflow).first->second;
}

}  // namespace souhra
