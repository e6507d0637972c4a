// Builds a Workflow from the value of `workflow { … }` and checks its structure: keys, types,
// effects, transition targets, reachability, final states, and the task and timer events it
// listens to. Every problem goes to the Diagnostics; the Workflow is usable only when none did.
#pragma once

#include "engine/definitions/definition.h"
#include "engine/definitions/definition_loader.h"
#include "engine/definitions/diagnostics.h"

namespace souhra {

void ReadWorkflow(const Json& value, const ValidationContext& context, Diagnostics* sink,
                  Workflow* out);

}  // namespace souhra
