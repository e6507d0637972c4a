// The reminder ladder of a human task: when its reminders fire relative to the task's due time,
// and to whom.
//
// A task's `remind` field holds one rung or a list of rungs (workflows/README.md, "Tasks"):
//   "5 working days" or "5 working days before"   N before the due time (N: a duration or a param)
//   "on the day"                                   at the start of the due day, 00:00 Prague time
//   "2 working days after"                         N after the due time
//   { before = N | after = N | on_the_day = true, to = role, template = name, purpose = p }
// A rung without `to` goes to whoever the task is assigned to when the rung fires; a rung without
// `template` uses the workflow's template kReminderTemplate. The loader validates ladders with
// ReadLadder, and the step reads them again with it, so both hold them to the same rules.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/calendar.h"
#include "engine/definitions/definition.h"
#include "engine/duration.h"

namespace souhra {

// The template a reminder uses when its rung names none.
inline constexpr char kReminderTemplate[] = "task_reminder";
// More rungs than this is a mistake, not a ladder.
inline constexpr size_t kMaxRungs = 10;

enum class RungWhen { kBefore, kOnTheDay, kAfter };

struct Rung {
  RungWhen when = RungWhen::kBefore;
  Duration offset;            // resolved from a param if it named one; zero on the day
  std::string to;             // "" = the task's assignee at the time the rung fires
  std::string template_name;  // never empty: kReminderTemplate unless the rung names another
  std::string purpose;        // what a reminder to an actor is for, as the information rules ask
};

// Reads a `remind` value. `params` resolves param names used as durations. kInvalidArgument with
// a message naming the rung ("rung 2: expected \"N before\", \"N after\" or \"on the day\", not
// 'tomorrow'"); roles in `to` are checked by the caller.
Result<std::vector<Rung>> ReadLadder(const Json& remind, const Json& params);

// The rung as a task record keeps it: {"when", "offset", "to", "template"}, and "purpose" when
// it names one.
Json RungJson(const Rung& rung);
// The ladder a task record keeps (a list of RungJson), read back.
Result<std::vector<Rung>> ReadStoredLadder(const Json& stored);

// When `rung` fires for a task due at `due`, with the explanation of how it was counted.
Result<DueDate> RungTime(const Calendar& calendar, const Rung& rung, Instant due,
                         const std::string& tenant);

}  // namespace souhra
