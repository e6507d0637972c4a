// `souhra diagram FILE [--out X.svg] [--db PATH --tenant ID]`: the state diagram of a workflow.
#pragma once

#include "app/command_spec.h"
#include "app/commands.h"

namespace souhra {

// Loads the workflow FILE and writes its state diagram as SVG to --out (default stdout). With
// --db, each state shows how many active instances of this version of the workflow sit in it in
// the tenant (--tenant, default "demo"). Returns 0 on success, 1 when the file is not a valid
// workflow or the diagram or store fail, 2 on a usage error.
// Its options, summary and example (command_spec.h).
const CommandSpec& DiagramSpec();

int DiagramCommand(const CommandArgs& args);

}  // namespace souhra
