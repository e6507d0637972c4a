// Loads workflow and rule-set files into immutable definitions, and validates them.
//
// The same code guards every load: `souhra validate`, installing a definition into the store,
// and re-loading a pinned version after a restart. A file is run once in a fresh sandbox; its
// syntax and run-time errors, and every structural error of the table it returns, are reported
// as `file:line: message` diagnostics, all of them in one pass.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/definitions/definition.h"
#include "engine/status.h"

namespace souhra {

struct Diagnostic {
  SourcePos pos;
  std::string message;
  std::string ToString() const;  // "file:line: message"
};

// Budgets for every Lua state a definition gets.
struct SandboxLimits {
  size_t memory_bytes = 32u << 20;   // per Lua state
  int64_t instructions = 1'000'000;  // per handler call (and for running the file itself)
};

// What a definition may refer to outside itself. Empty sets mean "do not check".
struct ValidationContext {
  std::set<std::string> workflows;  // names valid in start { workflow = … }
  std::set<std::string> rule_sets;  // names valid in decide { rules = … }
  // Case data field -> the active workflow owning it (`owns`); another may not own it too.
  std::map<std::string, std::string> owners;
};

// The hex SHA-256 of `text`: a version's content hash, and the hash of a diff (version_diff.h).
std::string Sha256Hex(const std::string& text);

// The roles a task or notification may address ("case_manager", "coordinator", …).
const std::set<std::string>& KnownRoles();

struct LoadedDefinition {
  std::shared_ptr<const Workflow> workflow;  // exactly one of these two is set
  std::shared_ptr<const RuleSet> rule_set;
  const std::string& name() const;
};

// Loads `source` (the text of `file`). On success `diagnostics` is left empty. On failure returns
// kInvalidArgument whose message is every diagnostic, one per line, and appends them to
// `diagnostics` when it is given.
Result<LoadedDefinition> LoadDefinition(const std::string& file, const std::string& source,
                                        const SandboxLimits& limits,
                                        const ValidationContext& context,
                                        std::vector<Diagnostic>* diagnostics = nullptr);

// What a file defines, found by running it without checking it: kind "workflow", "rules" or
// "extend" (a tenant's `extend "base" { … }`), and the name. Empty when it cannot be run
// (loading it reports why).
struct DefinitionHead {
  std::string kind;
  std::string name;  // for "extend", the name of the definition it extends
};
DefinitionHead PeekDefinition(const std::string& file, const std::string& source,
                              const SandboxLimits& limits);

}  // namespace souhra
