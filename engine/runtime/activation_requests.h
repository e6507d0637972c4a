// Four eyes on activation, inside the engine's write transaction: a methodologist asks for a
// version to become active, and a second person approves or refuses (activation_policy.h says
// who). Asking for a version that needs nobody else activates it at once, as Activate does.
//
// The request keeps the SHA-256 of the diff from the version then active (version_diff.h); an
// approval names the diff its approver saw, and is refused while the active version has changed
// since, so that what was approved is exactly what becomes active. Messages are Czech: people
// read them in the UI.
#pragma once

#include <string>
#include <vector>

#include "engine/definitions/definition_catalog.h"
#include "engine/runtime/case_processor.h"
#include "engine/write_txn.h"

namespace souhra {

struct ActivationAsk {
  std::string tenant;
  std::string name;
  std::string version;             // a content hash or a prefix naming one version
  std::string requested_by;        // "user:<login>"
  bool four_eyes_for_all = false;  // the tenant's setting (FourEyesForAll)
};

struct ActivationDecision {
  int64_t request_id = 0;
  std::string tenant;              // the decider's: another tenant's request is not found
  std::string decided_by;          // "user:<login>"
  std::vector<std::string> roles;  // the decider's roles
  bool approve = false;
  std::string diff_sha256;  // approving: the diff the decider saw
  std::string reason;       // refusing: why, required
};

// Activates `ask.version` when nobody else need approve it (changed, request empty), or keeps a
// pending request (a version already pending returns its request; the active version changes
// nothing). kNotFound / kInvalidArgument as DefinitionCatalog::FindVersion and Activate.
Result<DefinitionChange> AskActivation(WriteTxn& txn, DefinitionCatalog& catalog,
                                       const ActivationAsk& ask, Instant now);

// Approves (activating the version, validated again) or refuses (the version stays a draft,
// with the reason) a pending request. kNotFound: no such request in the tenant; kConflict:
// already decided, or the active version changed since the diff was seen; kPermissionDenied:
// the requester, or someone without the role the request needs; kInvalidArgument: a refusal
// without a reason, an approval without the diff's hash, or a version no longer valid.
Result<DefinitionChange> DecideActivation(WriteTxn& txn, DefinitionCatalog& catalog,
                                          const ActivationDecision& decision, Instant now);

}  // namespace souhra
