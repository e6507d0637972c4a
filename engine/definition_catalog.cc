#include "engine/definition_catalog.h"

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

Result<LoadedDefinition> DefinitionCatalog::Install(WriteTxn& txn, const std::string& tenant,
                                                    const std::string& file,
                                                    const std::string& source) {
  SOUHRA_ASSIGN_OR_RETURN(LoadedDefinition loaded,
                          LoadDefinition(file, source, limits_, ValidationContext{}));
  const std::string& hash =
      loaded.workflow ? loaded.workflow->content_hash : loaded.rule_set->content_hash;
  DefinitionSource stored{tenant, loaded.name(), hash, file, source, /*active=*/true};
  SOUHRA_RETURN_IF_ERROR(txn.PutDefinition(stored));
  by_hash_.emplace(hash, loaded);
  return loaded;
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

Result<std::shared_ptr<const Workflow>> DefinitionCatalog::ActiveWorkflow(
    WriteTxn& txn, const std::string& tenant, const std::string& name) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<DefinitionSource> source,
                          txn.FindActiveDefinition(tenant, name));
  if (!source) return NotFound("tenant '" + tenant + "' has no active workflow '" + name + "'");
  SOUHRA_ASSIGN_OR_RETURN(LoadedDefinition loaded, Compiled(*source));
  if (!loaded.workflow) return InvalidArgument("'" + name + "' is a rule set, not a workflow");
  return loaded.workflow;
}

Result<std::shared_ptr<const RuleSet>> DefinitionCatalog::ActiveRuleSet(
    WriteTxn& txn, const std::string& tenant, const std::string& name) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<DefinitionSource> source,
                          txn.FindActiveDefinition(tenant, name));
  if (!source) return NotFound("tenant '" + tenant + "' has no active rule set '" + name + "'");
  SOUHRA_ASSIGN_OR_RETURN(LoadedDefinition loaded, Compiled(*source));
  if (!loaded.rule_set) return InvalidArgument("'" + name + "' is a workflow, not a rule set");
  return loaded.rule_set;
}

}  // namespace souhra
