// Every deadline explains itself: the event log keeps each deadline small, as
// {kind, key, due, rule} (and, for a resumed deadline, resumed {paused_at, remaining}; see
// engine/runtime/deadline_pause.h), and the explanation people read is derived from it on demand.
#pragma once

#include <string>
#include <vector>

#include "engine/calendar.h"
#include "engine/definitions/definition.h"

namespace souhra {

// The Czech explanation of `entry`, an element of an event's outcome "deadlines", set by an
// event applied at `event_at` for `tenant`: recomputed with `calendar` from the event's time and
// the rule (a duration, "at <ISO time>" for a fixed time, or the remaining time of a resumption).
// When the recomputed due differs from the logged one, the last line says so and gives both: the
// logged due is what the engine acted on, and the tenant's closures (or the holiday law) may have
// changed since. kInvalidArgument when the entry lacks kind, key, due or a rule that can be
// recomputed. Thread-safe as the calendar is.
Result<std::vector<std::string>> ExplainDeadline(const Calendar& calendar, const Json& entry,
                                                 Instant event_at, const std::string& tenant);

}  // namespace souhra
