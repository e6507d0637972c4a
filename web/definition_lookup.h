// Finding a tenant's definition versions for the definitions API: a version named by its
// content hash or a unique prefix, the versions list with their instance counts, and the
// loader's diagnostics as JSON.
#pragma once

#include <string>
#include <vector>

#include "engine/definitions/definition_loader.h"
#include "engine/store.h"
#include "web/api.h"

namespace souhra {

// The version of (tenant, name) whose hash is `version` or starts with it. kNotFound when none,
// kInvalidArgument when the prefix is ambiguous or empty.
Result<DefinitionSource> FindVersion(const std::vector<DefinitionSource>& versions,
                                     const std::string& name, const std::string& version);

// [{version, number, status, file, saved, saved_by, instances, approval}] in saving order;
// `counts` are Store::CountActiveInstances of the name (summed per version); `approval` is the
// newest of `requests` (the tenant's, newest first) for a draft version
// (ActivationRequestJson: pending, or refused with its reason), null when there is none.
Json VersionsJson(const std::vector<DefinitionSource>& versions,
                  const std::vector<VersionStateCount>& counts,
                  const std::vector<ActivationRequest>& requests);

// [{file, line, message}]; the status's message as one line-0 entry when there are none.
Json DiagnosticsJson(const std::vector<Diagnostic>& diagnostics, const std::string& file,
                     const Status& status);

// What the tenant's active definitions define, so that references to them validate.
Result<ValidationContext> ActiveContext(DefinitionVersions& store, const std::string& tenant);

}  // namespace souhra
