// Runs a scenario (engine/scenario/scenario.h) against a store with the real Engine, the production
// WorkingCalendar and a VirtualClock that starts at the scenario's start and moves only when a
// step says `advance`. The run is data — a timeline and the first failure — so that
// `souhra simulate` prints it and the web editor can show it.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/definitions/definition_loader.h"
#include "engine/scenario/scenario.h"
#include "engine/scenario/timeline.h"
#include "engine/store.h"

namespace souhra {

struct ScenarioRun {
  std::string file;
  std::string name;
  std::vector<TimelineEntry> timeline;
  // The first step that failed: an unmet expectation, an event refused that was not expected to
  // be, a script failure. The run stops there.
  std::optional<TimelineEntry> failure;
  bool passed() const { return !failure.has_value(); }
  // "file:line: expected state 'escalated', found 'waiting'"; "" when passed.
  std::string FailureMessage() const;
};

// The source text of a definition a scenario names ("workflows/plan_review.lua"): from the
// source tree, or from a tenant's drafts.
using DefinitionSourceReader = std::function<Result<std::string>(const std::string& path)>;

struct SimulationOptions {
  SandboxLimits limits;
  // Timer firings one `advance` may make before the run fails: stops a timer that keeps
  // re-arming itself without delay.
  int max_firings_per_advance = 10000;
  // Wall-clock time one run may take before it fails at the step it reached; empty: no limit
  // (the CLI's runs). The web sets one: anyone with the methodologist's role may start runs.
  std::optional<std::chrono::nanoseconds> time_budget;
};

// Runs `scenario` against `store`, which must be empty and is used by this run alone. A failing
// step is part of the returned run; an error is returned when a definition cannot be read or
// installed (with its diagnostics), or when the store or the time zone database fail.
Result<ScenarioRun> RunScenario(const Scenario& scenario, Store& store,
                                const DefinitionSourceReader& read,
                                const SimulationOptions& options = {});

}  // namespace souhra
