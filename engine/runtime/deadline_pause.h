// Suspending and resuming a running deadline inside an event's write transaction (cf. § 65
// správního řádu: the client is in hospital, proceedings are interrupted).
//
// Pausing takes a timer out of the pending timers (it cannot fire), or clears an open task's due,
// and keeps a PausedDeadline with the time that was left (engine/calendar.h RemainingTime):
// whole working days and the due's time of day when the deadline's rule counts working days,
// exact time otherwise. The rule is the one the event log recorded with the deadline's current
// due (the latest entry of that kind and key in outcome "deadlines" with that due); a timer set
// for a fixed time ("at …") keeps exact time.
//
// Resuming counts the new due from the resumption with Calendar::Resume and puts the timer back
// (same scope and keep) or sets the task's due.
//
// Each returns the JSON the event log keeps, so that a deadline's history is readable from it:
//   pause:  {kind, key, due (as it was), rule, paused: true, remaining}
//   resume: {kind, key, due (new), rule, resumed: {paused_at, remaining}}
// with remaining {working_days, time_of_day_ms} or {millis}. Pausing what is not running (no
// pending timer, no open task with a due) and resuming what is not paused change nothing and
// return {kind, key, ignored: reason}. Storage errors are returned as they come.
#pragma once

#include <string>

#include "engine/calendar.h"
#include "engine/write_txn.h"

namespace souhra {

Result<Json> SuspendDeadline(WriteTxn& txn, const Calendar& calendar, const CaseRecord& c,
                             InstanceId instance_id, const std::string& kind,
                             const std::string& key, Instant now);

Result<Json> ResumePausedDeadline(WriteTxn& txn, const Calendar& calendar, const CaseRecord& c,
                                  InstanceId instance_id, const std::string& kind,
                                  const std::string& key, Instant now);

// The JSON form of `remaining` in pause and resume entries, and back. FromJson is lenient: missing
// fields are zero.
Json RemainingJson(const RemainingTime& remaining);
RemainingTime RemainingFromJson(const Json& json);

}  // namespace souhra
