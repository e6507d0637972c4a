// What may I do here? The steps a person may take now on a case: the events its active
// workflows declare, that the instance's current state accepts and that the person may send
// (permissions.h), and the open tasks the person may complete. Guards are not run (they belong
// to the engine's writer thread), so a listed step may still be refused when sent.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/actor.h"
#include "engine/definitions/definition.h"
#include "engine/records.h"

namespace souhra {

struct AvailableStep {
  std::string type;   // the event to send: "eligibility.confirmed", "task.first_contact.done"
  std::string title;  // as the workflow names the step or the task
  std::optional<Form> form;
  // The task this step completes: its own completion, or the task whose work this declared
  // step does (`task { …, step = "intake.assigned" }`).
  std::optional<TaskRecord> task;
};

// An active instance with the workflow version it runs on.
struct RunningInstance {
  InstanceRecord instance;
  const Workflow* workflow = nullptr;
};

// Events first, in the order of the instances and then of their event types, then tasks in the
// order given. An event declared by several instances is listed once. A task whose completion its
// state does not take is not listed itself: its `step` carries it, when the person may take it.
std::vector<AvailableStep> AvailableSteps(const Actor& actor, const CaseRecord& c,
                                          const std::vector<RunningInstance>& instances,
                                          const std::vector<TaskRecord>& open_tasks);

// The steps that reopen a closed case, among the tenant's active `workflows`.
std::vector<AvailableStep> ReopeningSteps(const Actor& actor, const CaseRecord& c,
                                          const std::vector<const Workflow*>& workflows);

}  // namespace souhra
