// The definitions a running engine knows: every stored version, compiled on first use and kept
// by content hash (versions are immutable, so a compiled one never goes stale), and which version
// is active for each tenant and name. Versions have a lifecycle (draft, active, retired; see
// workflows/README.md "Verze definic"): SaveDraft stores one, Activate switches to it.
//
// Used only from the engine's writer thread, inside its write transaction.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "engine/definitions/definition_loader.h"
#include "engine/write_txn.h"

namespace souhra {

class DefinitionCatalog {
 public:
  explicit DefinitionCatalog(SandboxLimits limits) : limits_(limits) {}

  // Validates `source` and stores it as the active version of its name for `tenant`.
  // kInvalidArgument with every diagnostic when it is not valid; nothing is stored then.
  Result<LoadedDefinition> Install(WriteTxn& txn, const std::string& tenant,
                                   const std::string& file, const std::string& source, Instant now,
                                   const std::string& saved_by = "system");
  // Validates `source` and stores it as a draft version for `tenant`, not active. Saving a
  // version that exists changes nothing (it keeps its state, time and author); *created says
  // whether it is new. kInvalidArgument with every diagnostic when it is not valid.
  Result<LoadedDefinition> SaveDraft(WriteTxn& txn, const std::string& tenant,
                                     const std::string& file, const std::string& source,
                                     const std::string& saved_by, Instant now, bool* created);
  // Makes `version` of (tenant, name) the active one: new instances start on it, running ones
  // stay on theirs. `version` is a content hash or a prefix naming one version. It is validated
  // again, its references against the tenant's other active definitions. Activating the active
  // version changes nothing (*changed false). kNotFound: no such version; kInvalidArgument: an
  // ambiguous prefix or a version that is no longer valid.
  Result<DefinitionSource> Activate(WriteTxn& txn, const std::string& tenant,
                                    const std::string& name, const std::string& version,
                                    bool* changed);

  // The stored version of (tenant, name) that `version` (a content hash or a prefix) names.
  // kNotFound: no such version; kInvalidArgument: an empty or ambiguous prefix.
  Result<DefinitionSource> FindVersion(WriteTxn& txn, const std::string& tenant,
                                       const std::string& name, const std::string& version);
  // A stored version compiled, from the cache when it was compiled before. Its references are
  // not checked again (Activate does that).
  Result<LoadedDefinition> Compiled(const DefinitionSource& source);

  // A pinned version. kNotFound if the store has no such version.
  Result<std::shared_ptr<const Workflow>> WorkflowVersion(WriteTxn& txn, const std::string& hash);
  // The active version of a workflow or rule set. kNotFound names the tenant and the name.
  Result<std::shared_ptr<const Workflow>> ActiveWorkflow(WriteTxn& txn, const std::string& tenant,
                                                         const std::string& name);
  Result<std::shared_ptr<const RuleSet>> ActiveRuleSet(WriteTxn& txn, const std::string& tenant,
                                                       const std::string& name);

 private:
  // Stores `stored` (active or a draft), which the caller loaded as `loaded`.
  Result<LoadedDefinition> Store(WriteTxn& txn, DefinitionSource stored, LoadedDefinition loaded);
  // kInvalidArgument when `loaded` owns a case data field another active workflow of the tenant
  // owns (a workflow's own earlier versions do not count).
  Status CheckOwners(WriteTxn& txn, const std::string& tenant, const LoadedDefinition& loaded);
  // The names of the tenant's active workflows and rule sets, but `except`, and who owns what.
  Result<ValidationContext> ActiveNames(WriteTxn& txn, const std::string& tenant,
                                        const std::string& except);

  SandboxLimits limits_;
  std::map<std::string, LoadedDefinition> by_hash_;
};

}  // namespace souhra
