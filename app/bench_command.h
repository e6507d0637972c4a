// `souhra bench`: measures the engine on a fresh database.
//
//   souhra bench [--cases N] [--submitters K] [--inflight W] [--db PATH] [--workflow FILE] [--json]
//
// Creates N cases of the bench workflow (workflows/examples/bench.lua) and drives each through
// its three events from K submitter threads with W requests in flight in total, with a
// progress line on stderr. Then reports events/s, latency per acknowledged event, database
// bytes per case, peak RSS, start-up time on the finished database, and a store-only baseline
// (adapters/sqlite/baseline_writer.h) written to PATH.baseline, with the engine/baseline ratio.
// PATH (default souhra-bench.db) and PATH.baseline are removed first, with their -wal and -shm.
// Exit status 0 when every event was acknowledged, 1 otherwise, 2 for bad arguments.
// `souhra bench timers …` runs the timer workload instead (app/bench_timers_command.h).
#pragma once

#include <string>

#include "app/command_spec.h"
#include "app/commands.h"
#include "engine/status.h"

namespace souhra {

// Removes the database at `path` with its -wal and -shm files, for the bench workloads.
// kUnavailable naming the file that could not be removed.
Status RemoveDatabase(const std::string& path);

// Its options, summary and example (command_spec.h); `bench timers` is its verb.
const CommandSpec& BenchSpec();

int RunBenchCommand(const CommandArgs& args);

}  // namespace souhra
