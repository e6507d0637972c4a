#include "engine/runtime/available_steps.h"

#include <set>

#include "engine/runtime/permissions.h"
#include "engine/runtime/step_check.h"

namespace souhra {
namespace {

AvailableStep StepOf(const StepDeclaration& declared) {
  return {declared.type, declared.title, declared.form, std::nullopt};
}

}  // namespace

std::vector<AvailableStep> AvailableSteps(const Actor& actor, const CaseRecord& c,
                                          const std::vector<RunningInstance>& instances,
                                          const std::vector<TaskRecord>& open_tasks) {
  std::vector<AvailableStep> steps;
  std::set<std::string> listed;
  for (const RunningInstance& running : instances) {
    const State* state = running.workflow->FindState(running.instance.state);
    if (state == nullptr) continue;
    for (const auto& [type, declared] : running.workflow->events) {
      if (listed.count(type) || state->TransitionsFor(type) == nullptr) continue;
      if (!MayTakeStep(actor, c.data, declared).ok()) continue;
      listed.insert(type);
      steps.push_back(StepOf(declared));
    }
  }
  for (const TaskRecord& task : open_tasks) {
    if (task.status != TaskStatus::kOpen || !MayCompleteTask(actor, c.data, task).ok()) continue;
    steps.push_back({"task." + task.key + ".done", task.title, FormOfTask(task), task});
  }
  return steps;
}

std::vector<AvailableStep> ReopeningSteps(const Actor& actor, const CaseRecord& c,
                                          const std::vector<const Workflow*>& workflows) {
  std::vector<AvailableStep> steps;
  for (const Workflow* workflow : workflows) {
    for (const auto& [type, declared] : workflow->events) {
      if (declared.reopens.empty() || !MayTakeStep(actor, c.data, declared).ok()) continue;
      steps.push_back(StepOf(declared));
    }
  }
  return steps;
}

}  // namespace souhra
