// Calendar days as workflow scripts read and write them: "YYYY-MM-DD", the Prague day.
//
// Scripts have no calendar of their own (no holidays, no tenant closures), so the engine gives
// them the days its deadlines fall on: `case.today` and `case.dates.<param>`, the day a deadline
// of that param set now would fall on. A script compares such days as text and hands one back as
// a task's `due`, which the engine turns into a due time on that day.
#pragma once

#include <string>

#include "engine/calendar.h"
#include "engine/json.h"
#include "engine/status.h"

namespace souhra {

// The Prague day of `t` as "YYYY-MM-DD".
std::string PragueDate(const Calendar& calendar, Instant t);

// True when `text` is a day "YYYY-MM-DD" that exists in the calendar.
bool IsCalendarDate(const std::string& text);

// `{ today = "YYYY-MM-DD", dates = { param = "YYYY-MM-DD" } }` for every param of `params` whose
// value is a duration, counted from `now` for `tenant`. Params that are not durations are left
// out; a duration the calendar cannot count (beyond its limits) is left out too.
Json ScriptDates(const Calendar& calendar, Instant now, const Json& params,
                 const std::string& tenant);

// The due time of something due on day `date` ("YYYY-MM-DD"): that Prague day at the wall-clock
// time of `now`, explained in Czech with the day itself. kInvalidArgument when `date` is not a
// day or is not after the day of `now` (a script decides what a past day means).
Result<DueDate> DueOnDate(const Calendar& calendar, Instant now, const std::string& date,
                          const std::string& tenant);

}  // namespace souhra
