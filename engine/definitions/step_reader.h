// Reads what a workflow declares about the steps people take, and which case data it owns:
//   events   = { ["eligibility.confirmed"] = { title = "…", by = { "coordinator" }, form = { … } }
//   } referral = { title = "…", by = { "social_worker", … }, form = { … } } owns     = { "people",
//   "referral" }
// and checks that the effects written in the workflow set only fields it owns. Effects a
// function returns are checked when they run (engine/runtime/step.cc).
#pragma once

#include <string>
#include <vector>

#include "engine/definitions/definition.h"
#include "engine/definitions/diagnostics.h"

namespace souhra {

void ReadStepDeclarations(const Checker& at, Workflow* out);

// A list of roles at `key` (`by`, `done_by`): each must be one of KnownRoles().
std::vector<std::string> ReadRoles(const Checker& at, const std::string& key);

// The top-level case data field a `set` path or a `decide … into` writes: "people" for
// "people.case_manager".
std::string OwnedFieldOf(const std::string& path);

// Reports every `set` and `decide` written in the workflow on a field it does not own, and every
// task whose `step` is not a declared event.
void CheckOwnership(const Workflow& workflow, Diagnostics* sink);

}  // namespace souhra
