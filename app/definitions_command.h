// `souhra definitions [--db PATH] [--tenant ID] list|versions NAME|activate NAME VERSION|diff A B`:
// the definitions lifecycle for operators (workflows/README.md "Verze definic").
#pragma once

#include "app/command_spec.h"
#include "app/commands.h"

namespace souhra {

// list: each name with its active version and how many versions it has.
// versions NAME: each version, oldest first: number, hash, state, when and by whom saved, and how
//   many active instances run on it.
// activate NAME VERSION: makes a version (hash or unique prefix) the active one, validated again.
// diff A B: the unified line diff between two versions (hashes or unique prefixes).
// Returns 0 on success, 1 when the store or the engine refuses, 2 on a usage error.
// Its options, summary and example (command_spec.h).
const CommandSpec& DefinitionsSpec();

int DefinitionsCommand(const CommandArgs& args);

}  // namespace souhra
