// `souhra calendar`: answers a methodologist's "when is this due?".
//
//   souhra calendar --from TIME --duration TEXT [--tenant ID] [--closures FILE] [--json]
//
// TIME is ISO-8601 with an offset or Z ("2026-04-02T10:00:00+02:00"); TEXT is a duration as
// workflows write it (engine/duration.h), e.g. "3 working days" or "15 dní podle § 40". The due
// time is counted by the production WorkingCalendar: weekends and Czech public holidays always;
// office closures only those read from FILE (app/closures_file.h), which apply to the tenant ID
// (default "cli"). The command has no database: without --closures no closures are counted.
//
// Prints the due time in Prague time with its offset and the explanation lines below it; with
// --json prints exactly {"due": "2026-04-08T10:00:00+02:00", "explanation": ["start: …", …]}.
// Exit status 0, or 2 with a message on stderr for a bad time, duration, option or closures file.
#pragma once

#include "app/command_spec.h"
#include "app/commands.h"

namespace souhra {

// Its options, summary and example (command_spec.h).
const CommandSpec& CalendarSpec();

int CalendarCommand(const CommandArgs& args);

}  // namespace souhra
