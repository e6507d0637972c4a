// `souhra bench timers`: the timer workload (app/bench_timers.h) on a fresh database.
//
//   souhra bench timers [--pending N] [--burst B] [--rate R] [--seconds S] [--tick MS]
//                       [--batch K] [--db PATH] [--json]
//
// Defaults: 1,000,000 pending, a burst of 10,000, 1,000 timers/s for 10 s, and the scheduler's
// production tick and batch (engine/workers/scheduler.h: 20 ms, 1,000 timers per FireDueTimers
// call); PATH souhra-timers.db (removed first, with its -wal and -shm). Exit status 0 when every
// timer fired, 1 otherwise, 2 for bad arguments.
#pragma once

#include "app/command_spec.h"
#include "app/commands.h"

namespace souhra {

// Its options, summary and example (command_spec.h).
const CommandSpec& TimerBenchSpec();

int RunTimerBenchCommand(const CommandArgs& args);

}  // namespace souhra
