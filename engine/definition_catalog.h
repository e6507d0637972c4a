// The definitions a running engine knows: every stored version, compiled on first use and kept
// by content hash (versions are immutable, so a compiled one never goes stale), and which version
// is active for each tenant and name.
//
// Used only from the engine's writer thread, inside its write transaction.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "engine/definition_loader.h"
#include "engine/store.h"

namespace souhra {

class DefinitionCatalog {
 public:
  explicit DefinitionCatalog(SandboxLimits limits) : limits_(limits) {}

  // Validates `source` and stores it as the active version of its name for `tenant`.
  // kInvalidArgument with every diagnostic when it is not valid; nothing is stored then.
  Result<LoadedDefinition> Install(WriteTxn& txn, const std::string& tenant,
                                   const std::string& file, const std::string& source);

  // A pinned version. kNotFound if the store has no such version.
  Result<std::shared_ptr<const Workflow>> WorkflowVersion(WriteTxn& txn, const std::string& hash);
  // The active version of a workflow or rule set. kNotFound names the tenant and the name.
  Result<std::shared_ptr<const Workflow>> ActiveWorkflow(WriteTxn& txn, const std::string& tenant,
                                                         const std::string& name);
  Result<std::shared_ptr<const RuleSet>> ActiveRuleSet(WriteTxn& txn, const std::string& tenant,
                                                       const std::string& name);

 private:
  Result<LoadedDefinition> Compiled(const DefinitionSource& source);

  SandboxLimits limits_;
  std::map<std::string, LoadedDefinition> by_hash_;
};

}  // namespace souhra
