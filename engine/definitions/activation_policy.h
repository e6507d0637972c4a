// Four eyes on activation: who, besides the methodologist asking, must approve that a version of
// a definition becomes active (workflows/README.md "Schválení aktivace").
//
// What governs disclosure needs the head: the information rules, every workflow that may send to
// external actors (actor_reach.h), and the workflows that own the client's consent or the
// emergency that overrides it. Other definitions need a second methodologist or the head only
// when the tenant's setting asks for it; otherwise the methodologist activates them alone.
#pragma once

#include "engine/definitions/definition_loader.h"
#include "engine/json.h"

namespace souhra {

enum class Approver { kNone, kSecondPerson, kHead };

// "none", "second_person", "head": as requests and the API name them.
const char* ApproverName(Approver approver);

// The tenant setting `four_eyes` (TenantRecord::settings): "all" puts every definition under four
// eyes; absent or "disclosure", only what governs disclosure. Any other value counts as "all":
// a mistyped setting must not lower the bar.
bool FourEyesForAll(const Json& tenant_settings);

// Whether `loaded` decides what leaves the office: a rule set named kSharingRuleSet or deciding
// "any" (grounds for sharing), a workflow that notifies actors, or one owning "consent" or
// "emergency".
bool GovernsDisclosure(const LoadedDefinition& loaded);

Approver ApproverFor(const LoadedDefinition& loaded, bool four_eyes_for_all);

}  // namespace souhra
