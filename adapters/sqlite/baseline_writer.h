// The store-only baseline of `souhra bench`: writes the rows the engine writes for the bench
// workflow (workflows/examples/bench.lua), with plain prepared statements and no engine, Lua or
// JSON work, so that the bench can report the engine's cost as a ratio.
//
// Per case, in the engine's order, each step in its own savepoint:
//   create: insert case, look up the active definition, insert instance, look for an open task
//           of the key, insert task, put timer, update instance, update case, append event;
//   assess: find event by idempotency key, load case, load active instances, cancel the scoped
//           timers and tasks, put timer, update instance, update case (data set), append event;
//   plan:   key lookup, load case and instances, cancel scoped, look for an open task, insert
//           task, update instance, append event;
//   agree:  key lookup, load case and instances, cancel scoped, put timer, look for an open
//           task, insert task, update instance, append event.
// The statements are the store's own SQL text; the database is created by the store's schema
// migrations and configured with the store's writer pragmas (synchronous = FULL, WAL).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/records.h"
#include "engine/status.h"

namespace souhra {

// One case's rows as the engine wrote them; every baseline case writes copies of these.
struct BaselineCase {
  DefinitionSource definition;        // the workflow, stored once, looked up per creation
  CaseRecord created;                 // tenant and data at creation (code is made unique)
  Json data_after_assess;             // the case data after the first event
  InstanceRecord instance;            // workflow and pinned version
  std::array<std::string, 4> states;  // the instance's state after each step
  std::array<EventRecord, 4> events;  // the event-log rows, in order
  std::array<TaskRecord, 3> tasks;    // opened by the creation, "plan" and "agree"
  std::array<TimerRecord, 3> timers;  // set by the creation, "assess" and "agree"
};

struct BaselineOptions {
  std::string path;  // a new database file; must not exist
  int64_t cases = 0;
  int64_t events_per_commit = 100;  // steps per transaction (the engine's mean group commit)
};

struct BaselineResult {
  int64_t events = 0;  // steps written, 4 per case
  int64_t commits = 0;
  double seconds = 0;  // wall time of the writing, excluding creating the database
};

// Writes `options.cases` copies of `rows` in one thread. `progress` is incremented per step.
// kUnavailable on I/O errors, kInvalidArgument if the file exists.
Result<BaselineResult> RunStoreBaseline(const BaselineOptions& options, const BaselineCase& rows,
                                        std::atomic<int64_t>& progress);

}  // namespace souhra
