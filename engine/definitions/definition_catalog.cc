#include "engine/definitions/definition_catalog.h"

#include <algorithm>

namespace souhra {

Result<LoadedDefinition> DefinitionCatalog::Compiled(const DefinitionSource& source) {
  auto cached = by_hash_.find(source.content_hash);
  if (cached != by_hash_.end()) return cached->second;
  // Cross-references were checked when the version was installed; re-checking them here would
  // refuse pinned instances whenever a referenced definition is renamed later.
  SOUHRA_ASSIGN_OR_RETURN(LoadedDefinition loaded,
                          LoadDefinition(source.file, source.source, limits_, ValidationContext{}));
  by_hash_.emplace(source.content_hash, loaded);
  return loaded;
}

Result<LoadedDefinition> DefinitionCatalog::Store(WriteTxn& txn, DefinitionSource stored,
                                                  LoadedDefinition loaded) {
  stored.name = loaded.name();
  stored.content_hash =
      loaded.workflow ? loaded.workflow->content_hash : loaded.rule_set->content_hash;
  SOUHRA_RETURN_IF_ERROR(txn.PutDefinition(stored));
  by_hash_.emplace(stored.content_hash, loaded);
  return loaded;
}

Result<LoadedDefinition> DefinitionCatalog::Install(WriteTxn& txn, const std::string& tenant,
                                                    const std::string& file,
                                                    const std::string& source, Instant now,
                                                    const std::string& saved_by) {
  DefinitionSource stored;
  stored.tenant = tenant;
  stored.file = file;
  stored.source = source;
  stored.active = true;
  stored.saved = now;
  stored.saved_by = saved_by;
  SOUHRA_ASSIGN_OR_RETURN(LoadedDefinition loaded,
                          LoadDefinition(file, source, limits_, ValidationContext{}));
  SOUHRA_RETURN_IF_ERROR(CheckOwners(txn, tenant, loaded));
  return Store(txn, std::move(stored), std::move(loaded));
}

Result<LoadedDefinition> DefinitionCatalog::SaveDraft(WriteTxn& txn, const std::string& tenant,
                                                      const std::string& file,
                                                      const std::string& source,
                                                      const std::string& saved_by, Instant now,
                                                      bool* created) {
  DefinitionSource stored;
  stored.tenant = tenant;
  stored.file = file;
  stored.source = source;
  stored.saved = now;
  stored.saved_by = saved_by;
  SOUHRA_ASSIGN_OR_RETURN(LoadedDefinition loaded,
                          LoadDefinition(file, source, limits_, ValidationContext{}));
  const std::string& hash =
      loaded.workflow ? loaded.workflow->content_hash : loaded.rule_set->content_hash;
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> versions,
                          txn.FindDefinitionVersions(tenant, loaded.name()));
  *created = std::none_of(versions.begin(), versions.end(),
                          [&](const DefinitionSource& v) { return v.content_hash == hash; });
  return Store(txn, std::move(stored), std::move(loaded));
}

Result<ValidationContext> DefinitionCatalog::ActiveNames(WriteTxn& txn, const std::string& tenant,
                                                         const std::string& except) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> versions,
                          txn.FindDefinitionVersions(tenant, ""));
  ValidationContext context;
  for (const DefinitionSource& version : versions) {
    if (!version.active || version.name == except) continue;
    SOUHRA_ASSIGN_OR_RETURN(LoadedDefinition loaded, Compiled(version));
    (loaded.workflow ? context.workflows : context.rule_sets).insert(version.name);
    if (!loaded.workflow) continue;
    for (const std::string& field : loaded.workflow->owns) context.owners[field] = version.name;
  }
  return context;
}

Status DefinitionCatalog::CheckOwners(WriteTxn& txn, const std::string& tenant,
                                      const LoadedDefinition& loaded) {
  if (!loaded.workflow) return Status::Ok();
  SOUHRA_ASSIGN_OR_RETURN(ValidationContext active, ActiveNames(txn, tenant, loaded.name()));
  for (const std::string& field : loaded.workflow->owns) {
    auto owner = active.owners.find(field);
    if (owner == active.owners.end()) continue;
    return InvalidArgument(loaded.workflow->file + ": owns '" + field +
                           "', which the active workflow '" + owner->second +
                           "' already owns: case data has one owner");
  }
  return Status::Ok();
}

Result<DefinitionSource> DefinitionCatalog::FindVersion(WriteTxn& txn, const std::string& tenant,
                                                        const std::string& name,
                                                        const std::string& version) {
  if (version.empty()) {
    return InvalidArgument("Chybí verze k zapnutí; vyberte ji ze seznamu verzí.");
  }
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> versions,
                          txn.FindDefinitionVersions(tenant, name));
  std::vector<const DefinitionSource*> matches;
  for (const DefinitionSource& v : versions) {
    if (v.content_hash.starts_with(version)) matches.push_back(&v);
  }
  if (matches.empty()) {
    return NotFound("Definice „" + name + "“ takovou verzi nemá; vyberte verzi ze seznamu.");
  }
  if (matches.size() > 1) {
    return InvalidArgument("Označení verze odpovídá " + std::to_string(matches.size()) +
                           " verzím „" + name + "“; vyberte verzi ze seznamu.");
  }
  return *matches.front();
}

Result<DefinitionSource> DefinitionCatalog::Activate(WriteTxn& txn, const std::string& tenant,
                                                     const std::string& name,
                                                     const std::string& version, bool* changed) {
  SOUHRA_ASSIGN_OR_RETURN(DefinitionSource chosen, FindVersion(txn, tenant, name, version));
  *changed = !chosen.active;
  if (!*changed) return chosen;
  // Validated again: the tenant's other definitions may have changed since the draft was saved.
  SOUHRA_ASSIGN_OR_RETURN(ValidationContext context, ActiveNames(txn, tenant, name));
  context.workflows.insert(name);  // a workflow may start itself
  SOUHRA_ASSIGN_OR_RETURN(LoadedDefinition loaded,
                          LoadDefinition(chosen.file, chosen.source, limits_, context));
  SOUHRA_RETURN_IF_ERROR(CheckOwners(txn, tenant, loaded));
  chosen.active = true;
  SOUHRA_RETURN_IF_ERROR(txn.PutDefinition(chosen));
  chosen.was_active = true;
  return chosen;
}

Result<std::shared_ptr<const Workflow>> DefinitionCatalog::WorkflowVersion(
    WriteTxn& txn, const std::string& hash) {
  auto cached = by_hash_.find(hash);
  if (cached != by_hash_.end() && cached->second.workflow) return cached->second.workflow;
  SOUHRA_ASSIGN_OR_RETURN(std::optional<DefinitionSource> source, txn.FindDefinition(hash));
  if (!source) return NotFound("no definition version " + hash);
  SOUHRA_ASSIGN_OR_RETURN(LoadedDefinition loaded, Compiled(*source));
  if (!loaded.workflow) return InvalidArgument("definition version " + hash + " is a rule set");
  return loaded.workflow;
}

Result<std::shared_ptr<const Workflow>> DefinitionCatalog::ActiveWorkflow(WriteTxn& txn,
                                                                          const std::string& tenant,
                                                                          const std::string& name) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<DefinitionSource> source,
                          txn.FindActiveDefinition(tenant, name));
  if (!source) {
    return NotFound("Proces „" + name + "“ není v obci zapnutý; obraťte se na metodika.");
  }
  SOUHRA_ASSIGN_OR_RETURN(LoadedDefinition loaded, Compiled(*source));
  if (!loaded.workflow) return InvalidArgument("„" + name + "“ je sada pravidel, ne proces.");
  return loaded.workflow;
}

Result<std::shared_ptr<const RuleSet>> DefinitionCatalog::ActiveRuleSet(WriteTxn& txn,
                                                                        const std::string& tenant,
                                                                        const std::string& name) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<DefinitionSource> source,
                          txn.FindActiveDefinition(tenant, name));
  if (!source) return NotFound("tenant '" + tenant + "' has no active rule set '" + name + "'");
  SOUHRA_ASSIGN_OR_RETURN(LoadedDefinition loaded, Compiled(*source));
  if (!loaded.rule_set) return InvalidArgument("'" + name + "' is a workflow, not a rule set");
  return loaded.rule_set;
}

}  // namespace souhra
