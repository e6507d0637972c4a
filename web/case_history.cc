#include "web/case_history.h"

#include "engine/actor.h"
#include "engine/runtime/step_check.h"
#include "engine/runtime/task_timers.h"

namespace souhra {
namespace {

// The step `type` as some workflow of the case declares it: a person's step, or the referral
// (for "case.created").
const StepDeclaration* DeclarationOf(const CaseHistoryContext& context, const std::string& type) {
  for (const auto& [instance, workflow] : context.workflows) {
    if (const StepDeclaration* step = workflow->FindEvent(type)) return step;
    if (workflow->referral && workflow->referral->type == type) return &*workflow->referral;
  }
  return nullptr;
}

// The task `key` of the instance; the latest of that key when the instance does not say.
const TaskRecord* TaskOf(const CaseHistoryContext& context, const std::string& key,
                         InstanceId instance) {
  const TaskRecord* found = nullptr;
  for (const TaskRecord& task : context.tasks) {
    if (task.key != key) continue;
    if (task.instance_id == instance) return &task;
    found = &task;
  }
  return found;
}

std::string WorkflowTitle(const CaseHistoryContext& context, InstanceId instance) {
  auto workflow = context.workflows.find(instance);
  return workflow == context.workflows.end() ? "" : workflow->second->title;
}

std::string Quoted(const std::string& text) { return "„" + text + "“"; }

// The engine's own events, which no workflow declares.
std::string EngineEventTitle(const CaseHistoryContext& context, const EventRecord& e) {
  if (e.type == "case.created") return "Případ založen";
  if (e.type == "case.closed") return "Případ ukončen";
  if (e.type == "notification.refused") return "Zpráva aktérovi neodešla: pravidla sdílení";
  if (e.type == "notification.shared") return "Informace sdíleny bez souhlasu klienta";
  struct TaskEvent {
    const char* suffix;
    const char* words;
  };
  static constexpr TaskEvent kTaskEvents[] = {{".done", "Splněn úkol"},
                                              {".overdue", "Úkol je po termínu"},
                                              {".reminder", "Připomenutí úkolu"}};
  for (const TaskEvent& task_event : kTaskEvents) {
    const std::string key = TaskKeyOf(e.type, task_event.suffix);
    if (key.empty()) continue;
    const TaskRecord* task = TaskOf(context, key, e.instance_id);
    return task ? std::string(task_event.words) + ": " + task->title : task_event.words;
  }
  const std::string process = WorkflowTitle(context, e.instance_id);
  if (e.type.starts_with("timer.")) {
    return process.empty() ? "Uplynula lhůta" : "Uplynula lhůta v procesu " + Quoted(process);
  }
  return process.empty() ? "Krok v případu" : "Krok v procesu " + Quoted(process);
}

// Who took the step: a person or their token by name, the engine's own in words.
std::string ByText(const CaseHistoryContext& context, const std::string& actor) {
  const Actor by = Actor::FromString(actor);
  switch (by.kind) {
    case Actor::Kind::kUser:
      return context.words.Name(actor);
    case Actor::Kind::kToken:
      return context.words.Name("user:" + by.login) + " (přes přístupový token)";
    case Actor::Kind::kWorkflow:
      for (const auto& [instance, workflow] : context.workflows) {
        if (workflow->name == by.workflow) return "proces " + Quoted(workflow->title);
      }
      return "proces";
    case Actor::Kind::kTimer:
      return "uplynutí lhůty";
    case Actor::Kind::kSystem:
      break;
  }
  return "systém";
}

}  // namespace

std::string TimerTitle(const CaseHistoryContext& context, const TimerRecord& timer) {
  if (std::optional<TaskTimerKey> key = ParseTaskTimerKey(timer.key)) {
    const TaskRecord* task = TaskOf(context, key->task, timer.instance_id);
    const std::string what = key->rung == 0 ? "Termín úkolu" : "Připomenutí úkolu";
    return task ? what + ": " + task->title : what;
  }
  const std::string process = WorkflowTitle(context, timer.instance_id);
  return process.empty() ? "Lhůta" : "Lhůta v procesu " + Quoted(process);
}

Json HistoryWords(const CaseHistoryContext& context, const EventRecord& e) {
  Json words{{"by", ByText(context, e.actor)}, {"details", Json::array()}};
  const StepDeclaration* step = DeclarationOf(context, e.type);
  words["title"] = step ? step->title : EngineEventTitle(context, e);
  if (step && step->form) {
    const Json& entered = e.type == "case.created" ? context.referral : e.payload;
    words["details"] = FormValues(*step->form, entered, context.words);
  } else if (e.type == "notification.refused" || e.type == "notification.shared") {
    // The information rules' reason names the recipient and the purpose in Czech.
    words["details"] =
        Json::array({{{"label", "Zdůvodnění"}, {"value", e.payload.value("reason", "")}}});
  } else if (const std::string key = TaskKeyOf(e.type, ".done"); !key.empty()) {
    const TaskRecord* task = TaskOf(context, key, e.instance_id);
    if (std::optional<Form> form = task ? FormOfTask(*task) : std::nullopt) {
      words["details"] = FormValues(*form, e.payload, context.words);
    }
  }
  return words;
}

}  // namespace souhra
