// The diff between the active version of a definition and another one, as a person reviewing
// an activation sees it, with the SHA-256 that binds an approval to exactly that text.
#pragma once

#include <string>

#include "engine/definitions/text_diff.h"
#include "engine/records.h"

namespace souhra {

struct VersionDiff {
  TextDiff diff;
  // The unified diff, labelled "<name>@<first 10 hex of the hash>" on both sides, "/dev/null"
  // for no version before: what GET /api/v1/definitions/{name}/diff answers as `diff`.
  std::string text;
  std::string sha256;  // hex SHA-256 of `text`
};

// From `from` (null: no version, e.g. nothing active yet) to `to`, both versions of `name`.
VersionDiff DiffVersions(const std::string& name, const DefinitionSource* from,
                         const DefinitionSource& to);

}  // namespace souhra
