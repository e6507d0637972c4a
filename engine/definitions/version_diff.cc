#include "engine/definitions/version_diff.h"

#include "engine/definitions/definition_loader.h"

namespace souhra {

VersionDiff DiffVersions(const std::string& name, const DefinitionSource* from,
                         const DefinitionSource& to) {
  VersionDiff out;
  out.diff = DiffLines(from != nullptr ? from->source : "", to.source);
  const std::string before =
      from != nullptr ? name + "@" + from->content_hash.substr(0, 10) : "/dev/null";
  out.text = UnifiedDiff(out.diff, before, name + "@" + to.content_hash.substr(0, 10));
  out.sha256 = Sha256Hex(out.text);
  return out;
}

}  // namespace souhra
