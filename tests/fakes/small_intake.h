// A two-state "intake" workflow for tests about definition versions (saving, activating,
// upgrading, diffing): SmallIntake() is one version, SmallIntake("Vyřízeno") another.
#pragma once

#include <string>

namespace souhra::testing {

// The workflow with its final state titled `final_title`.
inline std::string SmallIntake(const std::string& final_title = "Hotovo") {
  return R"lua(return workflow {
  name = "intake",
  title = "Příjem",
  initial = "new",
  states = {
    new = { title = "Nový", on = { next = { go = "done" } } },
    done = { title = ")lua" +
         final_title + R"lua(", final = true },
  },
}
)lua";
}

}  // namespace souhra::testing
