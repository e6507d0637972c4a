// Two workflows for the outbox tests: "notifying" writes notifications on "poke" and on its
// overdue review task, and starts "strict" beside it, whose guard for "poke" fails while the case
// data says broken — so that a notifying event can be rolled back by another instance's failure.
#pragma once

#include <gtest/gtest.h>

#include "engine/runtime/engine.h"

namespace souhra::testing {

inline constexpr char kNotifying[] = R"lua(
return workflow {
  name = "notifying",
  initial = "open",
  templates = { poked = { title = "Případ čeká", body = "Případ čeká na vás." } },
  states = {
    open = {
      enter = {
        start { workflow = "strict" },
        task { key = "review", title = "Přehodnotit plán", assignee = "case_manager",
               due = "10 working days" },
      },
      on = {
        ["poke"] = { run = notify { to = "coordinator", template = "poked" } },
        ["task.review.overdue"] = { run = notify { to = "case_manager", template = "poked" } },
      },
    },
  },
}
)lua";

inline constexpr char kStrict[] = R"lua(
return workflow {
  name = "strict",
  initial = "watching",
  states = {
    watching = {
      on = {
        ["poke"] = { when = function(case, event)
                       assert(not case.data.broken, "case data is broken")
                       return true
                     end },
      },
    },
  },
}
)lua";

inline void InstallOutboxWorkflows(Engine& engine) {
  for (const auto& [file, source] :
       {std::pair{"strict.lua", kStrict}, std::pair{"notifying.lua", kNotifying}}) {
    Result<DefinitionChange> installed = engine.Install("demo", file, source);
    ASSERT_TRUE(installed.ok()) << installed.status().ToString();
  }
}

// Case data whose people hold the roles the workflows notify.
inline Json PeopleData() {
  return {{"people", {{"coordinator", "user:dvorak"}, {"case_manager", "user:novak"}}}};
}

}  // namespace souhra::testing
