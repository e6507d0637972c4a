#include "web/definition_lookup.h"

#include <algorithm>
#include <map>

#include "web/api_routes.h"

namespace souhra {

Result<DefinitionSource> FindVersion(const std::vector<DefinitionSource>& versions,
                                     const std::string& name, const std::string& version) {
  if (version.empty()) return InvalidArgument("Chybí označení verze; vyberte verzi ze seznamu.");
  const DefinitionSource* found = nullptr;
  for (const DefinitionSource& d : versions) {
    if (d.content_hash.compare(0, version.size(), version) != 0) continue;
    if (d.content_hash == version) return d;
    if (found) {
      return InvalidArgument("Označení verze je příliš krátké, odpovídá více verzím „" + name +
                             "“; vyberte verzi ze seznamu.");
    }
    found = &d;
  }
  if (!found) {
    return NotFound("Definice „" + name + "“ takovou verzi nemá; vyberte verzi ze seznamu.");
  }
  return *found;
}

Json VersionsJson(const std::vector<DefinitionSource>& versions,
                  const std::vector<VersionStateCount>& counts,
                  const std::vector<ActivationRequest>& requests) {
  std::map<std::string, int64_t> per_version;
  for (const VersionStateCount& c : counts) per_version[c.content_hash] += c.count;
  Json list = Json::array();
  for (const DefinitionSource& d : versions) {
    Json approval;
    if (d.state() == DefinitionState::kDraft) {
      auto newest = std::find_if(requests.begin(), requests.end(), [&](const auto& r) {
        return r.name == d.name && r.version == d.content_hash;
      });
      if (newest != requests.end()) approval = ActivationRequestJson(*newest);
    }
    list.push_back(Json{{"version", d.content_hash},
                        {"number", d.number},
                        {"status", DefinitionStateName(d.state())},
                        {"file", d.file},
                        {"saved", FormatUtc(d.saved)},
                        {"saved_by", d.saved_by},
                        {"instances", per_version[d.content_hash]},
                        {"approval", std::move(approval)}});
  }
  return list;
}

Json DiagnosticsJson(const std::vector<Diagnostic>& diagnostics, const std::string& file,
                     const Status& status) {
  Json list = Json::array();
  for (const Diagnostic& d : diagnostics) {
    list.push_back(Json{{"file", d.pos.file}, {"line", d.pos.line}, {"message", d.message}});
  }
  if (!status.ok() && list.empty()) {
    list.push_back(Json{{"file", file}, {"line", 0}, {"message", status.message()}});
  }
  return list;
}

Result<ValidationContext> ActiveContext(DefinitionVersions& store, const std::string& tenant) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> active,
                          store.ListActiveDefinitions(tenant));
  ValidationContext context;
  for (const DefinitionSource& d : active) {
    Result<LoadedDefinition> loaded =
        LoadDefinition(d.file, d.source, SandboxLimits{}, ValidationContext{});
    if (!loaded.ok()) continue;
    (loaded->workflow ? context.workflows : context.rule_sets).insert(d.name);
  }
  return context;
}

}  // namespace souhra
