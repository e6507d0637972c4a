#include "app/definitions_command.h"

#include <iostream>
#include <map>

#include "adapters/clock/system_clock.h"
#include "adapters/sqlite/sqlite_store.h"
#include "app/demo_seed.h"
#include "app/flags.h"
#include "app/help.h"
#include "app/shipped_pack.h"
#include "app/shipped_source_dir.h"
#include "engine/definitions/text_diff.h"
#include "engine/runtime/engine.h"
#include "engine/time/working_calendar.h"

namespace souhra {
namespace {

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

void PrintArrival(const PackArrival& arrival) {
  if (!arrival.installed.empty()) {
    std::cout << "Obec '" << arrival.tenant
              << "' neměla žádné definice: " << arrival.installed.size()
              << " dodaných je teď aktivních.\n";
    return;
  }
  if (arrival.drafts.empty()) {
    std::cout << "Obec '" << arrival.tenant
              << "': dodané definice nepřinesly nic nového, aktivní verze zůstávají.\n";
    return;
  }
  std::cout << "Obec '" << arrival.tenant
            << "': nové verze dodaných definic jako koncepty: " << arrival.drafts.size()
            << " (aktivní verze se nezměnily)\n";
  for (const ArrivedDraft& d : arrival.drafts) {
    std::cout << "  " << d.name << "  " << Short(d.version) << "  ze souboru " << d.file << "\n";
  }
  std::cout << "Porovnejte je s aktivní verzí (souhra definitions diff AKTIVNÍ NOVÁ nebo obrazovka"
               " Definice) a aktivujte (souhra definitions activate NÁZEV VERZE).\n";
}

// "Obec 'x' v databázi není …" with the tenants there are, or "" when `tenant` is one of them.
Result<std::string> UnknownTenant(Directory& directory, const std::string& tenant) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<TenantRecord> tenants, directory.ListTenants());
  std::string known;
  for (const TenantRecord& t : tenants) {
    if (t.id == tenant) return std::string();
    known += (known.empty() ? "" : ", ") + t.id;
  }
  return "Obec '" + tenant + "' v databázi není" +
         (known.empty() ? ". Založte ji nejdřív." : "; jsou tam: " + known + ". Opravte --tenant.");
}

// The shipped pack under `root` for `tenant` (shipped_pack.h): new texts arrive as drafts.
int Upgrade(const SqliteOptions& options, const std::string& tenant, const std::string& root) {
  Result<SqliteDatabase> db = OpenSqliteDatabase(options);
  if (!db.ok()) return Fail(db.status());
  Result<std::string> unknown = UnknownTenant(*db->directory, tenant);
  if (!unknown.ok()) return Fail(unknown.status());
  if (!unknown->empty()) {
    std::cerr << "souhra definitions: " << *unknown << "\n";
    return 1;
  }
  Result<std::unique_ptr<WorkingCalendar>> calendar = WorkingCalendar::Create();
  if (!calendar.ok()) return Fail(calendar.status());
  SystemClock clock;
  Engine engine(*db->store, clock, **calendar);
  Result<PackArrival> arrival = BringShippedPack(engine, *db->store, tenant, root);
  if (!arrival.ok()) return Fail(arrival.status());
  PrintArrival(*arrival);
  return 0;
}

}  // namespace

const CommandSpec& DefinitionsSpec() {
  static const CommandSpec spec{
      .name = "definitions",
      .summary = {"verze definic obce: seznam, rozdíly, aktivace, nové dodané verze",
                  "a municipality's definition versions: list, diff, activate, new shipped ones"},
      .usage = {"[volby] list | versions NÁZEV | activate NÁZEV VERZE | diff A B | upgrade",
                "[options] list | versions NAME | activate NAME VERSION | diff A B | upgrade"},
      .options =
          {{"--db", {"SOUBOR", "FILE"}, {"databáze SQLite", "the SQLite database"}, "souhra.db"},
           {"--tenant", {"ID", "ID"}, {"obec", "the municipality"}, kDemoTenant},
           {"--definitions",
            {"SLOŽKA", "DIR"},
            {"jen pro upgrade: kde jsou dodané rules/ a workflows/",
             "upgrade only: where the shipped rules/ and workflows/ are"},
            ShippedSourceDir()}},
      .examples = {"souhra definitions --tenant demo list",
                   "souhra definitions --tenant demo diff 3fa2b1 9c0d4e",
                   "souhra definitions --tenant demo upgrade --definitions /usr/share/souhra"},
      .notes =
          {"list: každá definice s aktivní verzí a počtem verzí\n"
           "versions NÁZEV: všechny verze definice (číslo, hash, stav, kdo a kdy uložil)\n"
           "activate NÁZEV VERZE: aktivuje verzi (hash nebo jeho jednoznačný začátek)\n"
           "diff A B: rozdíl dvou verzí po řádcích\n"
           "upgrade: dodané definice, jejichž text obec ještě nemá, uloží jako koncepty;\n"
           "  aktivní verze nemění (obec bez definic je dostane rovnou aktivní)",
           "list: each definition with its active version and how many versions it has\n"
           "versions NAME: every version (number, hash, state, who saved it and when)\n"
           "activate NAME VERSION: activates a version (a hash or its unique prefix)\n"
           "diff A B: the line diff of two versions\n"
           "upgrade: saves shipped definitions whose text the municipality lacks as drafts;\n"
           "  never changes the active versions (a municipality without any gets them active)"},
  };
  return spec;
}

int DefinitionsCommand(const CommandArgs& args) {
  Flags flags(DefinitionsSpec(), args);
  SqliteOptions options;
  options.path = flags.Get("--db");
  const std::string tenant = flags.Get("--tenant");
  const std::string root = flags.Get("--definitions");
  const std::vector<std::string>& words = flags.positional();
  const std::string verb = words.empty() ? "" : words[0];
  const size_t operands = verb == "list" || verb == "upgrade" ? 0 : verb == "versions" ? 1 : 2;
  if (!flags.Finish(std::cerr) || words.empty() || words.size() != operands + 1 ||
      (verb != "list" && verb != "versions" && verb != "activate" && verb != "diff" &&
       verb != "upgrade")) {
    return UsageError(DefinitionsSpec(), std::cerr);
  }
  if (verb == "upgrade") return Upgrade(options, tenant, root);
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(options);
  if (!store.ok()) return Fail(store.status());
  if (verb == "list") return List(**store, tenant);
  if (verb == "versions") return Versions(**store, tenant, words[1]);
  if (verb == "activate") return Activate(**store, tenant, words[1], words[2]);
  return Diff(**store, tenant, words[1], words[2]);
}

}  // namespace souhra
