#include "adapters/graphviz/state_diagram.h"

#include <graphviz/gvc.h>

#include <map>
#include <memory>
#include <mutex>

#include "engine/time/czech_format.h"

namespace souhra {
namespace {

// The work one diagram may take. dot's layout grows steeply with the transitions: on a loaded
// 2-core machine a random 30-state, 90-transition graph took 1.5 s, a 40-state, 160-transition
// one 26 s, a 100-state draft minutes. The shipped workflows have at most 16 states and 30
// transitions. The iteration limits bound dot's network simplex and crossing minimisation for
// the graphs inside the budget (they leave small diagrams as they are).
constexpr size_t kMaxStates = 40;
constexpr size_t kMaxTransitions = 120;

size_t TransitionCount(const Workflow& workflow) {
  size_t count = 0;
  for (const auto& [name, state] : workflow.states) {
    for (const auto& [type, alternatives] : state.on) count += alternatives.size();
  }
  return count;
}

// Graphviz keeps global state (the error handler, caches): one diagram at a time.
std::mutex& GraphvizMutex() {
  static std::mutex mu;
  return mu;
}

// A plain Graphviz label treats backslash sequences (\n, \N, \G…) as escapes; texts from the
// definition are taken literally. The SVG renderer escapes XML itself.
std::string Literal(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') out += '\\';
    out += c;
  }
  return out;
}

void Set(void* object, const char* name, const std::string& value) {
  agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()),
            const_cast<char*>(""));
}

std::string NodeLabel(const State& state, const std::optional<StateCounts>& counts) {
  std::string label = Literal(state.title.empty() ? state.name : state.title);
  if (!state.title.empty() && state.title != state.name)
    label += "\\n(" + Literal(state.name) + ")";
  if (counts) {
    auto found = counts->find(state.name);
    int64_t n = found == counts->end() ? 0 : found->second;
    label += "\\n" + CzechCount(n, "instance", "instance", "instancí");
  }
  return label;
}

struct GraphCloser {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};
struct ContextCloser {
  void operator()(GVC_t* context) const { gvFreeContext(context); }
};

using Nodes = std::map<std::string, Agnode_t*>;

// One box per state (final states doubly framed), and a point leading into the initial one.
Nodes AddStates(Agraph_t* g, const Workflow& workflow, const std::optional<StateCounts>& counts) {
  Nodes nodes;
  for (const auto& [name, state] : workflow.states) {
    Agnode_t* node = agnode(g, const_cast<char*>(("s_" + name).c_str()), 1);
    Set(node, "shape", "box");
    Set(node, "style", "rounded");
    Set(node, "fontname", "sans-serif");
    Set(node, "label", NodeLabel(state, counts));
    Set(node, "tooltip", Literal(name));
    if (state.final) Set(node, "peripheries", "2");
    nodes[name] = node;
  }
  if (auto initial = nodes.find(workflow.initial); initial != nodes.end()) {
    Agnode_t* start = agnode(g, const_cast<char*>("start"), 1);
    Set(start, "shape", "point");
    Set(start, "label", "");
    Set(start, "tooltip", "začátek");
    agedge(g, start, initial->second, const_cast<char*>("e_start"), 1);
  }
  return nodes;
}

// One edge per transition, labelled with its event; guarded transitions and those that stay in
// their state are dashed.
void AddTransitions(Agraph_t* g, const Workflow& workflow, Nodes& nodes) {
  int edge_id = 0;
  for (const auto& [name, state] : workflow.states) {
    for (const auto& [type, alternatives] : state.on) {
      for (const Transition& transition : alternatives) {
        const std::string& target = transition.go.empty() ? name : transition.go;
        auto to = nodes.find(target);
        if (to == nodes.end()) continue;  // the loader refuses unknown targets
        // Named edges: anonymous ones between the same two nodes would be merged.
        std::string key = "e" + std::to_string(++edge_id);
        Agedge_t* edge = agedge(g, nodes[name], to->second, const_cast<char*>(key.c_str()), 1);
        const bool guarded = static_cast<bool>(transition.when);
        Set(edge, "label", Literal(type) + (guarded ? " [podmínka]" : ""));
        Set(edge, "fontname", "sans-serif");
        Set(edge, "fontsize", "10");
        if (guarded || transition.go.empty()) Set(edge, "style", "dashed");
      }
    }
  }
}

Result<std::string> LayOutAsSvg(GVC_t* context, Agraph_t* g) {
  if (gvLayout(context, g, "dot") != 0) {
    return Unavailable("graphviz: the dot layout failed (is its plugin installed?)");
  }
  char* data = nullptr;
  unsigned int length = 0;  // gvRenderData's type in Graphviz 2.42
  int rendered = gvRenderData(context, g, "svg", &data, &length);
  std::string svg = rendered == 0 && data != nullptr ? std::string(data, length) : "";
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(context, g);
  if (rendered != 0 || svg.empty()) return Internal("graphviz: rendering SVG failed");
  return svg;
}

}  // namespace

Result<std::string> RenderStateDiagram(const Workflow& workflow,
                                       const std::optional<StateCounts>& counts) {
  const size_t transitions = TransitionCount(workflow);
  if (workflow.states.size() > kMaxStates || transitions > kMaxTransitions) {
    return InvalidArgument(
        "Diagram postupu by byl příliš velký na vykreslení: má " +
        CzechCount(static_cast<int64_t>(workflow.states.size()), "stav", "stavy", "stavů") + " a " +
        CzechCount(static_cast<int64_t>(transitions), "přechod", "přechody", "přechodů") +
        ", vykreslit lze nejvýše " + std::to_string(kMaxStates) + " stavů a " +
        std::to_string(kMaxTransitions) + " přechodů. Rozdělte postup na menší.");
  }
  std::lock_guard<std::mutex> lock(GraphvizMutex());
  std::unique_ptr<GVC_t, ContextCloser> context(gvContext());
  if (!context) return Internal("graphviz: cannot create a context");
  std::unique_ptr<Agraph_t, GraphCloser> graph(
      agopen(const_cast<char*>(workflow.name.c_str()), Agdirected, nullptr));
  Agraph_t* g = graph.get();
  Set(g, "rankdir", "LR");
  Set(g, "label", Literal(workflow.title.empty() ? workflow.name : workflow.title));
  Set(g, "labelloc", "t");
  Set(g, "fontname", "sans-serif");
  Set(g, "nslimit", "5");
  Set(g, "nslimit1", "5");
  Set(g, "mclimit", "0.5");
  Nodes nodes = AddStates(g, workflow, counts);
  AddTransitions(g, workflow, nodes);
  return LayOutAsSvg(context.get(), g);
}

}  // namespace souhra
