// Compiled workflow versions for the web's reads: the steps a person may take on a case and their
// forms. A version never changes, so each is compiled once per server. Only declarations are
// read from a cached workflow; its scripts are never called here (they belong to the engine's
// writer thread). Thread-safe.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "engine/definitions/definition.h"
#include "engine/store.h"

namespace souhra {

class WorkflowCache {
 public:
  // The version `hash` of the tenant's workflow `name`; kNotFound when the tenant has none.
  Result<std::shared_ptr<const Workflow>> Version(DefinitionVersions& store,
                                                  const std::string& tenant,
                                                  const std::string& name, const std::string& hash);
  // The tenant's active version of `name`; kNotFound when none is active.
  Result<std::shared_ptr<const Workflow>> Active(DefinitionVersions& store,
                                                 const std::string& tenant,
                                                 const std::string& name);

 private:
  Result<std::shared_ptr<const Workflow>> Compiled(const DefinitionSource& source);

  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const Workflow>> by_hash_;  // guarded by mu_
};

}  // namespace souhra
