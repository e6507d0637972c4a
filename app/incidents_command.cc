#include "app/incidents_command.h"

#include <iostream>

#include "adapters/clock/system_clock.h"
#include "adapters/sqlite/sqlite_store.h"
#include "app/flags.h"
#include "app/help.h"
#include "engine/runtime/engine.h"
#include "engine/time/working_calendar.h"

namespace souhra {
namespace {

void PrintIncident(const IncidentRecord& incident, std::ostream& out) {
  out << "#" << incident.id << "  " << FormatUtc(incident.created) << "  case " << incident.case_id
      << "  " << incident.event.type << "  attempts " << incident.attempts
      << (incident.status == IncidentStatus::kOpen ? "  open" : "  resolved") << "\n    "
      << incident.error << "\n";
}

int Retry(Store& store, int64_t id) {
  Result<std::unique_ptr<WorkingCalendar>> calendar = WorkingCalendar::Create();
  if (!calendar.ok()) {
    std::cerr << "souhra incidents: " << calendar.status().ToString() << "\n";
    return 1;
  }
  SystemClock clock;
  Engine engine(store, clock, **calendar);
  Result<Applied> applied = engine.RetryIncident(id);
  if (!applied.ok()) {
    std::cerr << "souhra incidents: retry of #" << id << " failed: " << applied.status().ToString()
              << "\n";
    return 1;
  }
  std::cout << "#" << id << " resolved: event " << applied->seq << " of case " << applied->case_id
            << " applied\n";
  return 0;
}

}  // namespace

const CommandSpec& IncidentsSpec() {
  static const CommandSpec spec{
      .name = "incidents",
      .summary = {"události, které selhaly ve skriptu: výpis a nový pokus",
                  "events a script failed on: list and retry"},
      .usage = {"[volby]", "[options]"},
      .options =
          {{"--db", {"SOUBOR", "FILE"}, {"databáze SQLite", "the SQLite database"}, "souhra.db"},
           {"--all", {}, {"i vyřešené incidenty", "resolved incidents too"}},
           {"--retry",
            {"ID", "ID"},
            {"zkusí událost incidentu znovu", "applies the incident's event again"}}},
      .examples = {"souhra incidents --db /var/lib/souhra/souhra.db", "souhra incidents --retry 7"},
  };
  return spec;
}

int IncidentsCommand(const CommandArgs& args) {
  Flags flags(IncidentsSpec(), args);
  SqliteOptions options;
  options.path = flags.Get("--db");
  const bool all = flags.Has("--all");
  const int retry = flags.GetInt("--retry");
  if (!flags.Finish(std::cerr) || !flags.positional().empty()) {
    return UsageError(IncidentsSpec(), std::cerr);
  }
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(options);
  if (!store.ok()) {
    std::cerr << "souhra incidents: " << store.status().ToString() << "\n";
    return 1;
  }
  if (retry > 0) return Retry(**store, retry);
  Result<std::vector<IncidentRecord>> incidents = (*store)->ListIncidents(!all);
  if (!incidents.ok()) {
    std::cerr << "souhra incidents: " << incidents.status().ToString() << "\n";
    return 1;
  }
  if (incidents->empty()) std::cout << (all ? "no incidents\n" : "no open incidents\n");
  for (const IncidentRecord& incident : *incidents) PrintIncident(incident, std::cout);
  return 0;
}

}  // namespace souhra
