// The bench workload: creates cases and drives each through the bench workflow
// (workflows/examples/bench.lua: create, "assess", "plan", "agree") from several submitter
// threads, each keeping a fixed number of requests in flight on the Engine.
//
// A case's steps go in order: its next event is submitted when the previous one is
// acknowledged. The latency of an event is the wall time from its submission to its
// acknowledgement (the future being ready); this measures the caller's view, so it reads the
// steady clock directly rather than the engine's Clock seam.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "app/latency_histogram.h"
#include "engine/runtime/engine.h"

namespace souhra {

struct WorkloadOptions {
  int64_t cases = 10'000;
  int submitters = 4;
  int inflight = 256;  // in total, shared evenly by the submitters (at least one each)
  std::string tenant = "bench";
  std::string workflow = "bench";
};

struct WorkloadResult {
  int64_t submitted = 0;     // requests handed to the engine
  int64_t acknowledged = 0;  // of which the engine applied (durable)
  int64_t failed = 0;        // of which the engine refused or failed; the case stops there
  std::string first_error;   // the first failure, for the report
  double seconds = 0;        // wall time of the whole run
  LatencyHistogram latency;  // per acknowledged event, microseconds
  int64_t first_case = 0;    // a case that went through all steps, 0 if none
};

// The events a case receives after its creation, in order.
constexpr int kEventsPerCase = 4;  // including the creation

// The data a case of the workload is created with.
Json CaseDataFor(int64_t index);

// Runs the workload to the end. `progress` is incremented once per answered request, so
// that another thread can report progress while this call blocks.
WorkloadResult RunWorkload(Engine& engine, const WorkloadOptions& options,
                           std::atomic<int64_t>& progress);

}  // namespace souhra
