// Builds a Workflow from the value of `workflow { … }` and checks its structure: keys, types,
// effects, transition targets, reachability, final states, and the task and timer events it
// listens to. Every problem goes to the Diagnostics; the Workflow is usable only when none did.
#pragma once

#include "engine/definition.h"
#include "engine/definition_loader.h"
#include "engine/diagnostics.h"

namespace souhra {

void ReadWorkflow(const Json& value, const ValidationContext& context, Diagnostics* sink,
                  Workflow* out);

}  // namespace souhra
