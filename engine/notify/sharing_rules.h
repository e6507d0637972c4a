// The information rules as the outbox dispatcher asks them at send time: may something about a
// case go to this recipient, for this purpose (engine/information_sharing.h)?
//
// Reads the case and the tenant's active "information_sharing" rule set through the Store's
// queries (read connections), never through the engine's writer: a check is a read, and queueing
// it on the writer would cost every group commit a request. Compiled rule sets are kept by
// content hash (versions are immutable), so a new active version is picked up at the next
// check. Lua states belong to one thread: one caller at a time (the dispatcher's thread).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "engine/definitions/definition_loader.h"
#include "engine/information_sharing.h"
#include "engine/store.h"

namespace souhra {

class SharingRules {
 public:
  // `store` must outlive the rules.
  explicit SharingRules(Store& store, SandboxLimits limits = {}) : store_(store), limits_(limits) {}

  // Evaluates the tenant's active rule set (decide = "any") for case `case_id`; refused, with
  // the reason, when the tenant has none. kNotFound for no such case; a failing script's error
  // is returned (no incident: nothing was applied).
  Result<SharingVerdict> Check(CaseId case_id, const SharingRequest& request);

 private:
  Result<std::shared_ptr<const RuleSet>> Compiled(const DefinitionSource& source);

  Store& store_;
  SandboxLimits limits_;
  std::map<std::string, std::shared_ptr<const RuleSet>> by_hash_;
};

}  // namespace souhra
