// A tenant's office closures written in a plain text file, for `souhra calendar --closures`.
//
// One closure per line: the first and the last day (both inclusive, Prague dates) and the reason
// people see in explanations, separated by spaces:
//
//   # úřad Brno-střed, 2026
//   2026-12-28 2026-12-31 úřad uzavřen mezi svátky
//   2026-07-10 2026-07-10 sanitární den
//
// Blank lines and lines starting with '#' are ignored.
#pragma once

#include <string>
#include <vector>

#include "engine/status.h"
#include "engine/time/working_calendar.h"

namespace souhra {

// The closures in `text`. kInvalidArgument naming `file`:line for a line that is not two valid
// dates and a reason, or whose last day comes before its first.
Result<std::vector<Closure>> ParseClosures(const std::string& file, const std::string& text);

}  // namespace souhra
