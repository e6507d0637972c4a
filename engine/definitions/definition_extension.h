// A municipality's extension of a shipped definition: `return extend "intake" { … }`.
//
// An extension changes params, templates and the title, adds or replaces whole states (a
// workflow) or criteria by id (a rule set), and may set `initial` or `min_score`. The version
// that is stored and pinned is self-contained: the base's file name and text and the
// extension's text in one source (ComposeExtension), so its content hash covers both and a
// running instance keeps its behaviour when the shipped base changes later. The loader
// recognises such a source (SplitComposite) and merges the two (MergeExtension).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/definitions/definition.h"
#include "engine/definitions/source_map.h"

namespace souhra {

// The source stored for `extension_source` over the base `base_file` with `base_source`.
std::string ComposeExtension(const std::string& base_file, const std::string& base_source,
                             const std::string& extension_source);

struct CompositeParts {
  std::string base_file;
  std::string base_source;
  std::string extension_source;
};
// True, with the parts, when `source` was made by ComposeExtension.
bool SplitComposite(const std::string& source, CompositeParts* parts);

// Where a part of the merged value came from in the extension, for diagnostics: the merged
// key path and the extension's key path.
struct ExtensionOrigin {
  KeyPath merged;
  KeyPath source;
};

// The base's value (workflow { … } or rules { … }) with the extension applied. Problems (an
// extension of a workflow that lists criteria, a replaced criterion without id) go to `problems`
// as messages with the extension's key path.
Json MergeExtension(const Json& base, const Json& extension, std::vector<ExtensionOrigin>* origins,
                    std::vector<std::pair<KeyPath, std::string>>* problems);

// The whole definitions a tenant's extensions may extend, by name, as they are installed in
// order (the shipped ones first, then the tenant's files).
class ExtensionBases {
 public:
  // The source to install for `file`: the text itself for a whole definition (remembered as the
  // base of its name), or an extension composed over the base it names. An extension whose base
  // is unknown is returned as it is; loading it reports that.
  std::string Prepare(const std::string& file, const std::string& source);

 private:
  struct Base {
    std::string file;
    std::string source;
  };
  std::map<std::string, Base> bases_;
};

}  // namespace souhra
