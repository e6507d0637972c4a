// `souhra incidents [--db PATH] [--all] [--retry ID]`: lists the events that failed in a
// script, with their errors, and applies one again once its cause is fixed.
#pragma once

#include "app/command_spec.h"
#include "app/commands.h"

namespace souhra {

// Its options, summary and example (command_spec.h).
const CommandSpec& IncidentsSpec();

int IncidentsCommand(const CommandArgs& args);

}  // namespace souhra
