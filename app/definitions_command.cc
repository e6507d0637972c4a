#include "app/definitions_command.h"

#include <iostream>
#include <map>

#include "adapters/clock/system_clock.h"
#include "adapters/sqlite/sqlite_store.h"
#include "app/demo_seed.h"
#include "app/flags.h"
#include "engine/definitions/text_diff.h"
#include "engine/runtime/engine.h"
#include "engine/time/working_calendar.h"

namespace souhra {
namespace {

constexpr char kUsage[] =
    "usage: souhra definitions [--db PATH] [--tenant ID] list | versions NAME |"
    " activate NAME VERSION | diff A B\n";

int Fail(const Status& status) {
  std::cerr << "souhra definitions: " << status.ToString() << "\n";
  return 1;
}

std::string Short(const std::string& hash) { return hash.substr(0, 12); }

std::string Label(const DefinitionSource& v) {
  return v.name + " #" + std::to_string(v.number) + " " + Short(v.content_hash) + " (" +
         DefinitionStateName(v.state()) + ")";
}

int List(DefinitionVersions& store, const std::string& tenant) {
  Result<std::vector<DefinitionSource>> versions = store.ListDefinitionVersions(tenant, "");
  if (!versions.ok()) return Fail(versions.status());
  if (versions->empty()) std::cout << "tenant '" << tenant << "' has no definitions\n";
  std::map<std::string, std::pair<int, std::string>> names;  // name -> (versions, active)
  for (const DefinitionSource& v : *versions) {
    auto& [count, active] = names[v.name];
    ++count;
    if (v.active) active = "#" + std::to_string(v.number) + " " + Short(v.content_hash);
  }
  for (const auto& [name, summary] : names) {
    std::cout << name << "  active " << (summary.second.empty() ? "none" : summary.second) << "  "
              << summary.first << (summary.first == 1 ? " version\n" : " versions\n");
  }
  return 0;
}

int Versions(DefinitionVersions& store, const std::string& tenant, const std::string& name) {
  Result<std::vector<DefinitionSource>> versions = store.ListDefinitionVersions(tenant, name);
  if (!versions.ok()) return Fail(versions.status());
  if (versions->empty()) return Fail(NotFound("tenant '" + tenant + "' has no '" + name + "'"));
  Result<std::vector<VersionStateCount>> counts = store.CountActiveInstances(tenant, name);
  if (!counts.ok()) return Fail(counts.status());
  std::map<std::string, int64_t> per_version;
  for (const VersionStateCount& c : *counts) per_version[c.content_hash] += c.count;
  for (const DefinitionSource& v : *versions) {
    std::cout << "#" << v.number << "  " << v.content_hash << "  " << DefinitionStateName(v.state())
              << "  saved " << FormatUtc(v.saved) << (v.saved_by.empty() ? "" : " by " + v.saved_by)
              << "  active instances " << per_version[v.content_hash] << "\n";
  }
  return 0;
}

int Activate(Store& store, const std::string& tenant, const std::string& name,
             const std::string& version) {
  Result<std::unique_ptr<WorkingCalendar>> calendar = WorkingCalendar::Create();
  if (!calendar.ok()) return Fail(calendar.status());
  SystemClock clock;
  Engine engine(store, clock, **calendar);
  // The operator's path: whoever can run this can write the database file too, so four eyes
  // (activation requests) cannot bind it; it is audited as "cli" with the diff's hash instead.
  RequestAudit audit;
  audit.record.tenant = tenant;
  audit.record.actor = "cli";
  audit.record.action = "souhra definitions activate";
  audit.record.target = "definition:" + name + "@" + version;
  audit.record.client = "cli";
  audit.target_of = [](const Applied& applied) {
    const DefinitionChange& d = applied.definition;
    return "definition:" + d.name + "@" + d.version + " previous:" + d.previous +
           " diff_sha256:" + d.diff_sha256;
  };
  Result<DefinitionChange> change = engine.Activate(tenant, name, version, &audit);
  if (!change.ok()) return Fail(change.status());
  if (!change->changed) {
    std::cout << name << " " << change->version << " is already active\n";
    return 0;
  }
  std::cout << "activated " << name << " " << change->version
            << (change->previous.empty() ? "" : "; retired " + change->previous) << "\n"
            << "audited as cli, diff sha256 " << change->diff_sha256 << "\n";
  return 0;
}

Result<DefinitionSource> Version(const std::vector<DefinitionSource>& versions,
                                 const std::string& version) {
  const DefinitionSource* found = nullptr;
  for (const DefinitionSource& v : versions) {
    if (version.empty() || !v.content_hash.starts_with(version)) continue;
    if (found != nullptr && found->content_hash != v.content_hash) {
      return InvalidArgument("version " + version + " is ambiguous");
    }
    found = &v;
  }
  if (found == nullptr) return NotFound("no version " + version);
  return *found;
}

int Diff(DefinitionVersions& store, const std::string& tenant, const std::string& a,
         const std::string& b) {
  Result<std::vector<DefinitionSource>> versions = store.ListDefinitionVersions(tenant, "");
  if (!versions.ok()) return Fail(versions.status());
  Result<DefinitionSource> before = Version(*versions, a);
  if (!before.ok()) return Fail(before.status());
  Result<DefinitionSource> after = Version(*versions, b);
  if (!after.ok()) return Fail(after.status());
  TextDiff diff = DiffLines(before->source, after->source);
  if (diff.identical()) {
    std::cout << "no differences\n";
    return 0;
  }
  std::cout << UnifiedDiff(diff, Label(*before), Label(*after));
  return 0;
}

}  // namespace

int DefinitionsCommand(const CommandArgs& args) {
  Flags flags(args);
  SqliteOptions options;
  options.path = flags.Get("--db", "souhra.db");
  const std::string tenant = flags.Get("--tenant", kDemoTenant);
  const std::vector<std::string>& words = flags.positional();
  const std::string verb = words.empty() ? "" : words[0];
  const size_t operands = verb == "list" ? 0 : verb == "versions" ? 1 : 2;
  if (!flags.Finish(std::cerr) || words.empty() || words.size() != operands + 1 ||
      (verb != "list" && verb != "versions" && verb != "activate" && verb != "diff")) {
    std::cerr << kUsage;
    return 2;
  }
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(options);
  if (!store.ok()) return Fail(store.status());
  if (verb == "list") return List(**store, tenant);
  if (verb == "versions") return Versions(**store, tenant, words[1]);
  if (verb == "activate") return Activate(**store, tenant, words[1], words[2]);
  return Diff(**store, tenant, words[1], words[2]);
}

}  // namespace souhra
