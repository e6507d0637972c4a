#include "adapters/graphviz/state_diagram.h"

#include <gtest/gtest.h>

#include "engine/definitions/definition_loader.h"

namespace souhra {
namespace {

constexpr char kWorkflow[] = R"lua(
return workflow {
  name = "intake", owns = { "note" },
  title = "Příjem <žádosti> & posouzení",
  initial = "new",
  states = {
    new = {
      title = "Nová \\n žádost",
      on = {
        ["intake.assessed"] = {
          { when = function(case, event) return event.payload.ok == true end, go = "planning" },
          { go = "rejected" },
        },
        ["intake.note"] = { run = { set { ["note.seen"] = true } } },
      },
    },
    planning = { title = "Plánování", on = { ["plan.done"] = { go = "closed" } } },
    rejected = { title = "Zamítnuto", final = true },
    closed = { title = "Uzavřeno", final = true },
  },
}
)lua";

Workflow Load() {
  auto loaded = LoadDefinition("intake.lua", kWorkflow, SandboxLimits{}, ValidationContext{});
  if (!loaded.ok()) {
    ADD_FAILURE() << loaded.status().message();  // a helper that returns cannot ASSERT_
    return Workflow();
  }
  return *loaded->workflow;
}

size_t Occurrences(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// A workflow of `states` states, each with `per_state` transitions to the next ones.
Workflow Chain(int states, int per_state) {
  Workflow w = Load();
  w.states.clear();
  for (int i = 0; i < states; ++i) {
    State state;
    state.name = "s" + std::to_string(i);
    for (int j = 0; j < per_state; ++j) {
      Transition t;
      t.go = "s" + std::to_string((i + j + 1) % states);
      state.on["e" + std::to_string(j)].push_back(std::move(t));
    }
    w.states[state.name] = std::move(state);
  }
  w.initial = "s0";
  return w;
}

TEST(StateDiagramTest, ADiagramBeyondItsWorkBudgetIsRefusedWithoutLayingItOut) {
  Result<std::string> states = RenderStateDiagram(Chain(41, 1));
  EXPECT_EQ(states.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(states.status().message(),
            "Diagram postupu by byl příliš velký na vykreslení: má 41 stavů a 41 přechodů, "
            "vykreslit lze nejvýše 40 stavů a 120 přechodů. Rozdělte postup na menší.");
  EXPECT_EQ(RenderStateDiagram(Chain(20, 7)).status().code(), StatusCode::kInvalidArgument);
}

TEST(StateDiagramTest, EveryStateAndTransitionAppearsInTheSvg) {
  Result<std::string> svg = RenderStateDiagram(Load());
  ASSERT_TRUE(svg.ok()) << svg.status().message();
  EXPECT_NE(svg->find("<svg"), std::string::npos);
  EXPECT_NE(svg->find("</svg>"), std::string::npos);
  for (const char* title : {"Plánování", "Zamítnuto", "Uzavřeno"}) {
    EXPECT_NE(svg->find(title), std::string::npos) << title;
  }
  // The title's backslash is literal, and XML special characters are escaped.
  EXPECT_NE(svg->find("Nová \\n žádost"), std::string::npos);
  EXPECT_NE(svg->find("Příjem &lt;žádosti&gt; &amp; posouzení"), std::string::npos);
  EXPECT_EQ(svg->find("<žádosti>"), std::string::npos);
  // One edge per transition (4) and the start arrow, each an SVG group of class "edge".
  EXPECT_EQ(Occurrences(*svg, "class=\"edge\""), 5u);
  EXPECT_EQ(Occurrences(*svg, ">intake.assessed [podmínka]<"), 1u);
  EXPECT_EQ(Occurrences(*svg, ">intake.assessed<"), 1u);
  EXPECT_EQ(Occurrences(*svg, ">intake.note<"), 1u);
  EXPECT_EQ(Occurrences(*svg, ">plan.done<"), 1u);
  EXPECT_EQ(svg->find("instanc"), std::string::npos);  // no counts asked for
}

TEST(StateDiagramTest, CountsAppearInTheirNodes) {
  Result<std::string> svg = RenderStateDiagram(Load(), StateCounts{{"new", 3}, {"planning", 12}});
  ASSERT_TRUE(svg.ok()) << svg.status().message();
  EXPECT_NE(svg->find(">3 instance<"), std::string::npos);
  EXPECT_NE(svg->find(">12 instancí<"), std::string::npos);
  EXPECT_EQ(Occurrences(*svg, ">0 instancí<"), 2u);  // rejected, closed
}

}  // namespace
}  // namespace souhra
