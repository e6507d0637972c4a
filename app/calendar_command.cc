#include "app/calendar_command.h"

#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/closures_file.h"
#include "app/flags.h"
#include "app/text_file.h"
#include "engine/time/duration_parser.h"
#include "engine/time/working_calendar.h"

namespace souhra {
namespace {

constexpr char kUsage[] =
    "usage: souhra calendar --from 2026-04-02T10:00:00+02:00 --duration \"3 working days\""
    " [--tenant ID] [--closures FILE] [--json]\n";

struct CalendarRequest {
  Instant from;
  Duration duration;
  std::string tenant;
  std::string closures_file;
  bool json = false;
};

Result<CalendarRequest> ParseRequest(const CommandArgs& args) {
  Flags flags(args);
  CalendarRequest request;
  const std::string from = flags.Get("--from", "");
  const std::string duration = flags.Get("--duration", "");
  request.tenant = flags.Get("--tenant", "cli");
  request.closures_file = flags.Get("--closures", "");
  request.json = flags.Has("--json");
  std::ostringstream errors;
  if (!flags.Finish(errors) || !flags.positional().empty()) {
    return InvalidArgument(errors.str().empty() ? "souhra calendar: unexpected arguments\n"
                                                : errors.str());
  }
  if (from.empty() || duration.empty()) {
    return InvalidArgument("souhra calendar: --from and --duration are required\n");
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

int CalendarCommand(const CommandArgs& args) {
  Result<CalendarRequest> request = ParseRequest(args);
  if (!request.ok()) {
    std::cerr << request.status().message() << kUsage;
    return 2;
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
