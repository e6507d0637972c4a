// The definitions Souhra ships (rules/, workflows/ and a municipality's own
// workflows/tenants/<id>/) on their way into a tenant's store.
//
// A tenant gets the pack once, active, while it has no definitions at all. After that the active
// versions are the methodologist's: a shipped file whose text no stored version of its definition
// has (a newer pack after an upgrade of Souhra) is saved as an inactive draft to diff and
// activate; an unchanged pack adds nothing.
#pragma once

#include <string>
#include <vector>

#include "engine/runtime/engine.h"
#include "engine/store.h"

namespace souhra {

// A shipped file that reached a tenant as a draft.
struct ArrivedDraft {
  std::string file;     // "workflows/intake.lua"
  std::string name;     // the definition's name
  std::string version;  // its content hash
};

// What one tenant got from the pack.
struct PackArrival {
  std::string tenant;
  // The tenant had no definitions: every file is installed and active ("workflows/intake.lua").
  std::vector<std::string> installed;
  std::vector<ArrivedDraft> drafts;  // otherwise: the files that were new, as drafts
};

// Brings the pack under `root` to `tenant` as the header says, file by file through the engine.
// `stored` is read for the tenant's versions. An invalid file stops it with the loader's
// diagnostics; the files before it stay as they arrived.
Result<PackArrival> BringShippedPack(Engine& engine, DefinitionVersions& stored,
                                     const std::string& tenant, const std::string& root);

// BringShippedPack for each of `tenants`, in that order.
Result<std::vector<PackArrival>> BringShippedPacks(Engine& engine, DefinitionVersions& stored,
                                                   const std::vector<std::string>& tenants,
                                                   const std::string& root);

// How many drafts arrived in all of `arrivals`.
size_t CountDrafts(const std::vector<PackArrival>& arrivals);

}  // namespace souhra
