// `souhra audit verify [--db PATH]`: walks the audit log's hash chain (engine/audit_chain.h) and
// says whether it holds; exit 0 when it does, 1 naming the first broken row, 2 for bad usage.
#pragma once

#include "app/command_spec.h"
#include "app/commands.h"

namespace souhra {

// Its options, summary and example (command_spec.h).
const CommandSpec& AuditSpec();

int AuditCommand(const CommandArgs& args);

}  // namespace souhra
