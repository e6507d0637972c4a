#include "engine/runtime/available_steps.h"

#include <set>

#include "engine/runtime/permissions.h"
#include "engine/runtime/step_check.h"

namespace souhra {
namespace {

AvailableStep StepOf(const StepDeclaration& declared) {
  return {declared.type, declared.title, declared.form, std::nullopt};
}

const RunningInstance* InstanceOf(const std::vector<RunningInstance>& instances,
                                  const TaskRecord& task) {
  for (const RunningInstance& running : instances) {
    if (running.instance.id == task.instance_id) return &running;
  }
  return nullptr;
}

bool Completable(const RunningInstance& running, const std::string& type) {
  const State* state = running.workflow->FindState(running.instance.state);
  return state != nullptr && state->TransitionsFor(type) != nullptr;
}

// The declared step a task written in the workflow names as doing its work (`step`), or "".
std::string StepOfTask(const Workflow& workflow, const std::string& key) {
  auto step_in = [&](const std::vector<Effect>& effects) -> std::string {
    for (const Effect& e : effects) {
      if (e.kind == EffectKind::kTask && e.key == key) return e.args.value("step", "");
    }
    return "";
  };
  for (const auto& [name, state] : workflow.states) {
    if (std::string step = step_in(state.enter); !step.empty()) return step;
    for (const auto& [event, alternatives] : state.on) {
      for (const Transition& t : alternatives) {
        if (std::string step = step_in(t.run); !step.empty()) return step;
      }
    }
  }
  return "";
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
    const RunningInstance* running = InstanceOf(instances, task);
    if (running == nullptr) continue;
    const std::string type = "task." + task.key + ".done";
    if (Completable(*running, type)) {
      steps.push_back({type, task.title, FormOfTask(task), task});
      continue;
    }
    // A task done by taking a declared step (`step`): that step, listed above, carries it.
    const std::string step = StepOfTask(*running->workflow, task.key);
    for (AvailableStep& listed : steps) {
      if (listed.type == step && !listed.task) listed.task = task;
    }
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
