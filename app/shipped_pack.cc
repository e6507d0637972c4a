#include "app/shipped_pack.h"

#include "app/demo_seed.h"

namespace souhra {
namespace {

// Who saved a draft that came with the pack (DefinitionSource::saved_by).
constexpr char kShippedBy[] = "system";

Result<PackArrival> InstallFirstPack(Engine& engine, const std::string& tenant,
                                     const std::vector<ShippedFile>& files) {
  PackArrival arrival;
  arrival.tenant = tenant;
  for (const ShippedFile& f : files) {
    Result<DefinitionChange> change = engine.Install(tenant, f.file, f.source);
    if (!change.ok()) return change.status();
    arrival.installed.push_back(f.file);
  }
  return arrival;
}

// SaveDraft stores nothing new for a text a version already has, so only new texts count.
Result<PackArrival> SaveNewTextsAsDrafts(Engine& engine, const std::string& tenant,
                                         const std::vector<ShippedFile>& files) {
  PackArrival arrival;
  arrival.tenant = tenant;
  for (const ShippedFile& f : files) {
    SOUHRA_ASSIGN_OR_RETURN(DefinitionChange change,
                            engine.SaveDraft(tenant, f.file, f.source, kShippedBy));
    if (change.created) arrival.drafts.push_back(ArrivedDraft{f.file, change.name, change.version});
  }
  return arrival;
}

}  // namespace

Result<PackArrival> BringShippedPack(Engine& engine, DefinitionVersions& stored,
                                     const std::string& tenant, const std::string& root) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<ShippedFile> files, ShippedFiles(tenant, root));
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> versions,
                          stored.ListDefinitionVersions(tenant, ""));
  if (versions.empty()) return InstallFirstPack(engine, tenant, files);
  return SaveNewTextsAsDrafts(engine, tenant, files);
}

Result<std::vector<PackArrival>> BringShippedPacks(Engine& engine, DefinitionVersions& stored,
                                                   const std::vector<std::string>& tenants,
                                                   const std::string& root) {
  std::vector<PackArrival> arrivals;
  for (const std::string& tenant : tenants) {
    SOUHRA_ASSIGN_OR_RETURN(PackArrival arrival, BringShippedPack(engine, stored, tenant, root));
    arrivals.push_back(std::move(arrival));
  }
  return arrivals;
}

size_t CountDrafts(const std::vector<PackArrival>& arrivals) {
  size_t drafts = 0;
  for (const PackArrival& a : arrivals) drafts += a.drafts.size();
  return drafts;
}

}  // namespace souhra
