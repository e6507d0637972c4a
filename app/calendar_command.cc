#include "app/calendar_command.h"

#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/closures_file.h"
#include "app/flags.h"
#include "app/help.h"
#include "app/text_file.h"
#include "engine/time/duration_parser.h"
#include "engine/time/working_calendar.h"

namespace souhra {
namespace {

struct CalendarRequest {
  Instant from;
  Duration duration;
  std::string tenant;
  std::string closures_file;
  bool json = false;
};

Result<CalendarRequest> ParseRequest(const CommandArgs& args) {
  Flags flags(CalendarSpec(), args);
  CalendarRequest request;
  const std::string from = flags.Get("--from");
  const std::string duration = flags.Get("--duration");
  request.tenant = flags.Get("--tenant");
  request.closures_file = flags.Get("--closures");
  request.json = flags.Has("--json");
  std::ostringstream errors;
  if (!flags.Finish(errors)) return InvalidArgument(errors.str());
  if (!flags.positional().empty()) {
    return InvalidArgument("souhra calendar: nečekaný argument " + flags.positional()[0] + "\n");
  }
  if (from.empty() || duration.empty()) {
    return InvalidArgument("souhra calendar: zadejte --from i --duration\n");
  }
  if (!ParseIsoInstant(from, &request.from)) {
    return InvalidArgument(
        "souhra calendar: bad time '" + from +
        "' (expected ISO-8601 with an offset, e.g. 2026-04-02T10:00:00+02:00)\n");
  }
  Result<Duration> parsed = ParseDuration(duration);
  if (!parsed.ok()) return InvalidArgument("souhra calendar: " + parsed.status().message() + "\n");
  request.duration = std::move(*parsed);
  return request;
}

Status LoadClosures(WorkingCalendar& calendar, const CalendarRequest& request) {
  if (request.closures_file.empty()) return Status::Ok();
  SOUHRA_ASSIGN_OR_RETURN(std::string text, ReadTextFile(request.closures_file));
  SOUHRA_ASSIGN_OR_RETURN(std::vector<Closure> closures,
                          ParseClosures(request.closures_file, text));
  return calendar.SetClosures(request.tenant, std::move(closures));
}

}  // namespace

const CommandSpec& CalendarSpec() {
  static const CommandSpec spec{
      .name = "calendar",
      .summary = {"spočítá termín v pracovních dnech, jak ho počítá engine",
                  "computes a due time in working days as the engine does"},
      .usage = {"--from ČAS --duration LHŮTA [volby]", "--from TIME --duration PERIOD [options]"},
      .options = {{"--from",
                   {"ČAS", "TIME"},
                   {"začátek lhůty, ISO 8601 s posunem",
                    "when the period starts, ISO 8601 with an offset"}},
                  {"--duration",
                   {"LHŮTA", "PERIOD"},
                   {"lhůta jako ve workflow, např. \"3 working days\"",
                    "the period as in a workflow, e.g. \"3 working days\""}},
                  {"--tenant",
                   {"ID", "ID"},
                   {"obec, jejíž uzavírky platí", "the municipality whose closures apply"},
                   "cli"},
                  {"--closures",
                   {"SOUBOR", "FILE"},
                   {"uzavírky úřadu: řádky „OD DO důvod“",
                    "the office's closures: lines \"FROM TO reason\""}},
                  {"--json", {}, {"výsledek jako JSON", "the result as JSON"}}},
      .examples =
          {"souhra calendar --from 2026-04-02T10:00:00+02:00 --duration \"3 working days\""},
  };
  return spec;
}

int CalendarCommand(const CommandArgs& args) {
  Result<CalendarRequest> request = ParseRequest(args);
  if (!request.ok()) {
    std::cerr << request.status().message();
    return UsageError(CalendarSpec(), std::cerr);
  }
  Result<std::unique_ptr<WorkingCalendar>> calendar = WorkingCalendar::Create();
  if (!calendar.ok()) {
    std::cerr << "souhra calendar: " << calendar.status().message() << "\n";
    return 1;
  }
  if (Status s = LoadClosures(**calendar, *request); !s.ok()) {
    std::cerr << "souhra calendar: " << s.message() << "\n";
    return 2;
  }
  Result<DueDate> due = (*calendar)->Add(request->from, request->duration, request->tenant);
  if (!due.ok()) {
    std::cerr << "souhra calendar: " << due.status().message() << "\n";
    return 2;
  }
  const std::string due_text = (*calendar)->FormatPragueIso(due->due);
  if (request->json) {
    std::cout << nlohmann::json{{"due", due_text}, {"explanation", due->explanation}}.dump()
              << "\n";
    return 0;
  }
  std::cout << due_text << "\n";
  for (const std::string& line : due->explanation) std::cout << "  " << line << "\n";
  return 0;
}

}  // namespace souhra
