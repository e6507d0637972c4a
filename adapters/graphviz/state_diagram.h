// The state diagram of a workflow as SVG, generated from the loaded definition (never drawn by
// hand) and laid out by Graphviz (Debian libgraphviz-dev: cgraph + gvc, "dot" in-process).
// Only this directory includes Graphviz headers.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "engine/definitions/definition.h"
#include "engine/status.h"

namespace souhra {

// Instances per state name, shown in each state's node ("3 instance"), 0 for states not listed.
using StateCounts = std::map<std::string, int64_t>;

// States are boxes titled with their title and name; the initial state has an arrow from a
// start dot, final states a double border. Each transition is an edge labelled with its event
// type; a guarded one is dashed and labelled "type [podmínka]"; one that stays in its state
// (no `go`) is a dashed loop. With `counts`, each node says how many instances sit in it.
// Thread-safe (Graphviz is not: calls are serialized). kInvalidArgument, in Czech, for a workflow
// beyond the diagram's work budget (40 states, 120 transitions); kInternal if Graphviz fails.
Result<std::string> RenderStateDiagram(const Workflow& workflow,
                                       const std::optional<StateCounts>& counts = std::nullopt);

}  // namespace souhra
