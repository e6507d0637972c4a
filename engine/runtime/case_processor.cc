#include "engine/runtime/case_processor.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "engine/client_code.h"
#include "engine/runtime/deadline_pause.h"
#include "engine/runtime/directory_references.h"
#include "engine/runtime/meeting_record.h"
#include "engine/runtime/permissions.h"
#include "engine/runtime/step.h"
#include "engine/runtime/step_check.h"
#include "engine/runtime/task_actions.h"

namespace souhra {
namespace {

// How many workflows may start each other within one event (start { … } chains).
constexpr int kMaxStartDepth = 4;

// How many events may emit each other in a chain within one event (emit { … } ping-pong).
constexpr int kMaxEmitDepth = 4;

// A deadline as the event log keeps it: what was set, when it falls due, and the rule it was
// counted by. The full explanation (skipped holidays, closures) is derived from these and the
// event's time on demand, which keeps each log row small.
Json DeadlineJson(const char* kind, const std::string& key, const DueDate& due,
                  const std::string& rule) {
  return {{"kind", kind}, {"key", key}, {"due", FormatUtc(due.due)}, {"rule", rule}};
}

// The client's code identifies a case within its tenant, so creating it is idempotent by code:
// the creation event carries this key, and a repeat finds it.
constexpr char kCreationKey[] = "case.created";

std::string RefusalMessage(const std::string& type, CaseId case_id,
                           const std::vector<std::string>& instance_states) {
  std::string message = "event '" + type + "' is not accepted by case " + std::to_string(case_id);
  if (instance_states.empty()) return message + ": it has no active workflow";
  message += ": ";
  for (size_t i = 0; i < instance_states.size(); ++i) {
    if (i > 0) message += "; ";
    message += instance_states[i];
  }
  return message;
}

// "plan_review is in state 'waiting' (accepts a, b)", or why the state's own transition for
// this event did not apply.
std::string DescribeRefusal(const Workflow& workflow, const std::string& state_name,
                            const std::string& type) {
  std::string where = workflow.name + " is in state '" + state_name + "'";
  const State* state = workflow.FindState(state_name);
  if (state == nullptr) return where;
  if (state->TransitionsFor(type) != nullptr)
    return where + " (none of its conditions for '" + type + "' held)";
  std::string accepts;
  for (const std::string& accepted : AcceptedEvents(*state)) {
    accepts += (accepts.empty() ? "" : ", ") + accepted;
  }
  return where + (accepts.empty() ? " (accepts no events)" : " (accepts " + accepts + ")");
}

}  // namespace

// One event's work on one case: plans steps and writes their effects, collecting the outcome.
class CaseProcessor::Step {
 public:
  Step(CaseProcessor& processor, WriteTxn& txn, CaseRecord c, Instant now, const Actor& actor)
      : processor_(processor), txn_(txn), case_(std::move(c)), now_(now) {
    by_ = actor.View(case_.data);
  }

  CaseRecord& case_record() { return case_; }
  EventOutcome& outcome() { return outcome_; }
  std::vector<Emitted> TakeEmitted() { return std::move(emitted_); }

  StepContext Context(const Workflow& workflow) {
    StepContext ctx;
    ctx.workflow = &workflow;
    ctx.calendar = &processor_.calendar_;
    ctx.now = now_;
    ctx.by = &by_;
    ctx.rule_set = [this](const std::string& name) {
      return processor_.catalog_.ActiveRuleSet(txn_, case_.tenant, name);
    };
    return ctx;
  }

  // Starts a new instance of `name` (the tenant's active version) and enters its initial state.
  Status StartInstance(const std::string& name, int depth) {
    if (depth > kMaxStartDepth)
      return ScriptError("workflows start each other too deeply at '" + name + "'");
    SOUHRA_ASSIGN_OR_RETURN(std::shared_ptr<const Workflow> workflow,
                            processor_.catalog_.ActiveWorkflow(txn_, case_.tenant, name));
    InstanceRecord instance;
    instance.case_id = case_.id;
    instance.workflow = workflow->name;
    instance.definition_hash = workflow->content_hash;
    instance.state = workflow->initial;
    SOUHRA_ASSIGN_OR_RETURN(instance.id, txn_.InsertInstance(instance));
    SOUHRA_ASSIGN_OR_RETURN(Plan plan, PlanStart(Context(*workflow), case_, case_.data));
    return WritePlan(*workflow, instance, std::move(plan), depth);
  }

  // Writes an accepted plan into the transaction: its operations, the instance's new state and
  // the case data. Committing is the Engine's, around the whole event.
  Status WritePlan(const Workflow& workflow, InstanceRecord instance, Plan plan, int depth) {
    case_.data = std::move(plan.data);
    for (Operation& op : plan.operations) {
      SOUHRA_RETURN_IF_ERROR(Carry(instance, std::move(op), depth));
    }
    instance.state = plan.to;
    instance.active = !plan.completed;
    instance.steps += 1;
    SOUHRA_RETURN_IF_ERROR(txn_.UpdateInstance(instance));
    outcome_.transitions.push_back(
        {instance.id, workflow.name, plan.from, plan.to, plan.completed});
    return Status::Ok();
  }

 private:
  Status Carry(const InstanceRecord& instance, Operation op, int depth) {
    if (auto* timer = std::get_if<TimerPlan>(&op)) {
      timer->timer.instance_id = instance.id;
      timer->timer.case_id = case_.id;
      outcome_.deadlines.push_back(
          DeadlineJson("timer", timer->timer.key, timer->due, timer->rule));
      // Re-scheduling replaces the timer, paused or not.
      SOUHRA_RETURN_IF_ERROR(txn_.DeletePausedDeadline(instance.id, "timer", timer->timer.key));
      return txn_.PutTimer(timer->timer);
    }
    if (auto* task = std::get_if<TaskPlan>(&op)) return CreateTask(instance, *task);
    if (auto* cancel = std::get_if<CancelTimer>(&op)) {
      SOUHRA_RETURN_IF_ERROR(txn_.DeletePausedDeadline(instance.id, "timer", cancel->key));
      return txn_.DeleteTimer(instance.id, cancel->key);
    }
    if (auto* cancel = std::get_if<CancelTask>(&op)) return CloseOpenTask(cancel->key, 0);
    if (auto* scope = std::get_if<CancelScope>(&op))
      return txn_.CancelScoped(instance.id, scope->state);
    if (auto* message = std::get_if<OutboxRecord>(&op)) {
      message->case_id = case_.id;
      message->instance_id = instance.id;
      return txn_.InsertOutbox(*message);
    }
    if (auto* decision = std::get_if<DecisionRecord>(&op)) {
      decision->case_id = case_.id;
      decision->instance_id = instance.id;
      return txn_.InsertDecision(*decision);
    }
    if (auto* pause = std::get_if<PauseDeadline>(&op)) {
      SOUHRA_ASSIGN_OR_RETURN(
          Json entry, SuspendDeadline(txn_, processor_.calendar_, case_, instance.id, pause->kind,
                                      pause->key, now_));
      outcome_.pauses.push_back(std::move(entry));
      return Status::Ok();
    }
    if (auto* emit = std::get_if<EmitEvent>(&op)) {
      outcome_.emitted.push_back(emit->type);
      emitted_.push_back({instance.id, instance.workflow, emit->type, std::move(emit->payload)});
      return Status::Ok();
    }
    if (auto* resume = std::get_if<ResumeDeadline>(&op)) {
      SOUHRA_ASSIGN_OR_RETURN(Json entry,
                              ResumePausedDeadline(txn_, processor_.calendar_, case_, instance.id,
                                                   resume->kind, resume->key, now_));
      (entry.contains("ignored") ? outcome_.pauses : outcome_.deadlines)
          .push_back(std::move(entry));
      return Status::Ok();
    }
    return StartInstance(std::get<StartWorkflow>(op).workflow, depth + 1);
  }

  // A task key is open at most once per case: a new task of the same key replaces the old one.
  Status CreateTask(const InstanceRecord& instance, TaskPlan& plan) {
    SOUHRA_RETURN_IF_ERROR(CloseOpenTask(plan.task.key, instance.id));
    plan.task.case_id = case_.id;
    plan.task.instance_id = instance.id;
    if (plan.due) {
      outcome_.deadlines.push_back(DeadlineJson("task", plan.task.key, *plan.due, plan.rule));
    }
    return txn_.InsertTask(plan.task).status();
  }

  // Cancels the open task `key`; with a non-zero `only_instance`, only if that instance owns it.
  // A paused due goes with its task.
  Status CloseOpenTask(const std::string& key, InstanceId only_instance) {
    SOUHRA_ASSIGN_OR_RETURN(std::optional<TaskRecord> open, txn_.FindOpenTask(case_.id, key));
    if (!open || (only_instance != 0 && open->instance_id != only_instance)) return Status::Ok();
    SOUHRA_RETURN_IF_ERROR(DeleteTaskTimers(txn_, *open));
    SOUHRA_RETURN_IF_ERROR(txn_.DeletePausedDeadline(open->instance_id, "task", key));
    return txn_.CloseTask(open->id, TaskStatus::kCancelled, Json());
  }

  CaseProcessor& processor_;
  WriteTxn& txn_;
  CaseRecord case_;
  Instant now_;
  Json by_;
  EventOutcome outcome_;
  std::vector<Emitted> emitted_;
};

EventRecord LogRecordOf(const EventRequest& request) {
  EventRecord event;
  event.case_id = request.case_id;
  event.instance_id = request.instance_id;
  event.type = request.type;
  event.payload = request.payload;
  event.idempotency_key = request.idempotency_key;
  event.actor = request.actor.ToString();
  event.due = request.due;
  return event;
}

Status CodeTaken(const std::string& code) {
  return Conflict("Klient s kódem „" + code +
                  "“ už v obci má případ; vyhledejte ho v seznamu případů, nebo zvolte jiný kód.");
}

Result<Applied> CaseProcessor::RepeatedCreation(WriteTxn& txn, const NewCase& request,
                                                const CaseRecord& existing) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<EventRecord> created,
                          txn.FindEventByKey(existing.id, kCreationKey));
  if (!created || created->payload.value("workflow", "") != request.workflow) {
    return CodeTaken(request.code);
  }
  return Applied{created->seq, existing.id, true, created->outcome.get<EventOutcome>(), {}};
}

Result<Applied> CaseProcessor::Create(WriteTxn& txn, const NewCase& sent, Instant now) {
  if (sent.tenant.empty() || sent.code.empty() || sent.workflow.empty()) {
    return InvalidArgument("Nový případ potřebuje kód klienta a proces, kterým začíná.");
  }
  NewCase request = sent;
  SOUHRA_ASSIGN_OR_RETURN(request.code, NormalizedClientCode(sent.code));
  SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> existing,
                          txn.FindCaseByCode(request.tenant, request.code));
  if (existing) return RepeatedCreation(txn, request, *existing);
  if (request.actor.IsPerson()) SOUHRA_RETURN_IF_ERROR(CheckReferral(txn, request));
  if (request.data.is_object()) SOUHRA_RETURN_IF_ERROR(CheckPeople(request.data));
  CaseRecord record;
  record.tenant = request.tenant;
  record.code = request.code;
  record.data = request.data.is_object() ? request.data : Json::object();
  record.data.erase(kMeetingRecordKey);  // the engine's alone (meeting_record.h)
  record.created = now;
  SOUHRA_ASSIGN_OR_RETURN(record.id, txn.InsertCase(record));

  Step step(*this, txn, record, now, request.actor);
  SOUHRA_RETURN_IF_ERROR(step.StartInstance(request.workflow, 0));
  SOUHRA_RETURN_IF_ERROR(txn.UpdateCase(step.case_record()));

  EventRecord event;
  event.case_id = record.id;
  event.type = "case.created";
  event.payload = {{"workflow", request.workflow}, {"code", request.code}};
  event.idempotency_key = kCreationKey;
  event.actor = request.actor.ToString();
  event.at = now;
  event.outcome = step.outcome();
  SOUHRA_ASSIGN_OR_RETURN(int64_t seq, txn.AppendEvent(event));
  SOUHRA_RETURN_IF_ERROR(ApplyEmitted(txn, record.id, step.TakeEmitted(), now, 1));
  return Applied{seq, record.id, false, std::move(step.outcome()), {}};
}

Result<Applied> CaseProcessor::Apply(WriteTxn& txn, const EventRequest& request, Instant now) {
  if (request.type.empty()) return InvalidArgument("an event needs a type");
  if (!request.payload.is_object()) return InvalidArgument("an event's payload must be an object");
  if (!request.idempotency_key.empty()) {
    SOUHRA_ASSIGN_OR_RETURN(std::optional<EventRecord> first,
                            txn.FindEventByKey(request.case_id, request.idempotency_key));
    if (first) {
      if (first->type != request.type || first->payload != request.payload) {
        return Conflict(
            "Tento krok už byl odeslán s jinými údaji; obnovte stránku a podívejte se "
            "do historie případu, co se zapsalo.");
      }
      return Applied{first->seq, first->case_id, true, first->outcome.get<EventOutcome>(), {}};
    }
  }
  SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> found, txn.LoadCase(request.case_id));
  if (!found) return NotFound("case " + std::to_string(request.case_id) + " does not exist");
  if (found->closed && !request.internal) return Reopen(txn, request, *found, now);

  if (request.type.rfind("timer.", 0) != 0) return ApplyToInstances(txn, request, *found, now);
  const std::string key = request.type.substr(6);
  if (request.instance_id != 0 && request.due) {
    // A timer fires once: its row goes with the event, so a second firing finds nothing.
    SOUHRA_ASSIGN_OR_RETURN(std::optional<TimerRecord> timer,
                            txn.FindTimer(request.instance_id, key));
    if (!timer || timer->due != *request.due) {
      return NotFound("timer '" + key + "' is no longer pending");
    }
    SOUHRA_RETURN_IF_ERROR(txn.DeleteTimer(request.instance_id, key));
  }
  std::optional<TaskTimerKey> task_timer = ParseTaskTimerKey(key);
  if (!task_timer) return ApplyToInstances(txn, request, *found, now);
  if (!request.internal) return InvalidArgument("'" + request.type + "' is the engine's own event");
  return ApplyTaskTimer(txn, request, *found, *task_timer, now);
}

Result<Applied> CaseProcessor::Reopen(WriteTxn& txn, const EventRequest& request,
                                      const CaseRecord& c, Instant now) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> versions,
                          txn.FindDefinitionVersions(c.tenant, ""));
  std::vector<std::shared_ptr<const Workflow>> held;
  std::vector<const Workflow*> workflows;
  for (const DefinitionSource& version : versions) {
    if (!version.active) continue;
    Result<std::shared_ptr<const Workflow>> workflow =
        catalog_.WorkflowVersion(txn, version.content_hash);
    if (!workflow.ok()) continue;  // a rule set
    workflows.push_back(workflow->get());
    held.push_back(std::move(*workflow));
  }
  std::vector<DeclaredStep> reopening = DeclarationsOf(request.type, workflows);
  std::erase_if(reopening, [](const DeclaredStep& d) { return d.step->reopens.empty(); });
  if (reopening.empty()) {
    return Conflict("Případ " + c.code +
                    " je uzavřený a už se v něm nic nemění. Pokud je třeba v něm pokračovat, "
                    "může ho znovu otevřít koordinátor podpory.");
  }
  SOUHRA_RETURN_IF_ERROR(CheckDeclaredEvent(request.actor, c, request.payload, reopening,
                                            DirectoryReferences(directory_, c.tenant).get()));
  CaseRecord reopened = c;
  reopened.closed = false;
  reopened.closed_at.reset();
  Step step(*this, txn, reopened, now, request.actor);
  for (const std::string& workflow : reopening.front().step->reopens) {
    SOUHRA_RETURN_IF_ERROR(step.StartInstance(workflow, 0));
  }
  SOUHRA_RETURN_IF_ERROR(txn.UpdateCase(step.case_record()));
  EventRecord event = LogRecordOf(request);
  event.at = now;
  event.outcome = step.outcome();
  SOUHRA_ASSIGN_OR_RETURN(int64_t seq, txn.AppendEvent(event));
  SOUHRA_RETURN_IF_ERROR(ApplyEmitted(txn, c.id, step.TakeEmitted(), now, 1));
  return Applied{seq, c.id, false, std::move(step.outcome()), {}};
}

Result<Applied> CaseProcessor::ApplyTaskTimer(WriteTxn& txn, const EventRequest& request,
                                              const CaseRecord& c, const TaskTimerKey& timer,
                                              Instant now) {
  const std::string type = "task." + timer.task + (timer.rung == 0 ? ".overdue" : ".reminder");
  SOUHRA_ASSIGN_OR_RETURN(std::optional<TaskRecord> task, txn.FindOpenTask(c.id, timer.task));
  if (!task || task->instance_id != request.instance_id) {
    return LogStaleTaskTimer(txn, request, type, now);
  }
  if (timer.rung != 0) return ApplyReminder(txn, request, c, *task, timer.rung, now);
  // The overdue moment is an ordinary internal event for the task's instance.
  EventRequest overdue = request;
  overdue.type = type;
  overdue.internal = true;
  return ApplyToInstances(txn, overdue, c, now);
}

Result<Applied> CaseProcessor::ApplyToInstances(WriteTxn& txn, const EventRequest& request,
                                                const CaseRecord& found, Instant now,
                                                int emit_depth, InstanceId exclude) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<InstanceRecord> instances,
                          txn.LoadActiveInstances(request.case_id));
  if (!request.internal && !request.step_checked) {
    SOUHRA_RETURN_IF_ERROR(CheckStep(txn, request, found, instances));
  }
  SOUHRA_ASSIGN_OR_RETURN(InstanceId target, Addressee(txn, request));
  Step step(*this, txn, found, now, request.actor);
  std::vector<std::string> refusals;
  for (const InstanceRecord& instance : instances) {
    if ((target != 0 && instance.id != target) || instance.id == exclude) continue;
    SOUHRA_ASSIGN_OR_RETURN(std::shared_ptr<const Workflow> workflow,
                            catalog_.WorkflowVersion(txn, instance.definition_hash));
    StepContext context = step.Context(*workflow);
    context.payload_checked = !request.internal;
    SOUHRA_ASSIGN_OR_RETURN(
        Plan plan, PlanEvent(context, step.case_record(), instance, request.type, request.payload));
    if (plan.accepted) {
      SOUHRA_RETURN_IF_ERROR(step.WritePlan(*workflow, instance, std::move(plan), 0));
      continue;
    }
    refusals.push_back(DescribeRefusal(*workflow, instance.state, request.type));
  }
  if (step.outcome().transitions.empty()) {
    std::string refusal = RefusalMessage(request.type, request.case_id, refusals);
    if (request.actor.IsPerson()) return Conflict(CzechRefusal(txn, request, found, instances));
    if (!request.internal) return Conflict(refusal);
    step.outcome().ignored = std::move(refusal);
  }
  if (step.case_record().data != found.data) {
    SOUHRA_RETURN_IF_ERROR(txn.UpdateCase(step.case_record()));
  }

  EventRecord event = LogRecordOf(request);
  event.at = now;
  event.outcome = step.outcome();
  SOUHRA_ASSIGN_OR_RETURN(int64_t seq, txn.AppendEvent(event));
  SOUHRA_RETURN_IF_ERROR(
      ApplyEmitted(txn, request.case_id, step.TakeEmitted(), now, emit_depth + 1));
  const auto& transitions = step.outcome().transitions;
  if (std::any_of(transitions.begin(), transitions.end(),
                  [](const auto& t) { return t.completed; })) {
    SOUHRA_RETURN_IF_ERROR(CloseIfFinished(txn, request.case_id, now));
  }
  return Applied{seq, request.case_id, false, std::move(step.outcome()), {}};
}

Result<InstanceId> CaseProcessor::Addressee(WriteTxn& txn, const EventRequest& request) {
  if (std::string key = TaskKeyOf(request.type, ".done"); !key.empty()) {
    SOUHRA_ASSIGN_OR_RETURN(std::optional<TaskRecord> task, txn.FindOpenTask(request.case_id, key));
    if (!task) return Conflict("Úkol už není otevřený; možná ho mezitím dokončil někdo jiný.");
    SOUHRA_RETURN_IF_ERROR(DeleteTaskTimers(txn, *task));
    SOUHRA_RETURN_IF_ERROR(txn.DeletePausedDeadline(task->instance_id, "task", key));
    SOUHRA_RETURN_IF_ERROR(txn.CloseTask(task->id, TaskStatus::kDone, request.payload));
    return task->instance_id;
  }
  if (std::string overdue = TaskKeyOf(request.type, ".overdue"); !overdue.empty()) {
    SOUHRA_ASSIGN_OR_RETURN(std::optional<TaskRecord> task,
                            txn.FindOpenTask(request.case_id, overdue));
    if (!task) return NotFound("task '" + overdue + "' is no longer open");
    return task->instance_id;
  }
  return request.instance_id;
}

Status CaseProcessor::ApplyEmitted(WriteTxn& txn, CaseId case_id, std::vector<Emitted> emitted,
                                   Instant now, int depth) {
  for (Emitted& e : emitted) {
    if (depth > kMaxEmitDepth) {
      return ScriptError("workflow '" + e.workflow + "': events emit each other too deeply at '" +
                         e.type + "'");
    }
    // Earlier steps of this event changed the case: apply to what they left.
    SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> c, txn.LoadCase(case_id));
    if (!c) return NotFound("case " + std::to_string(case_id) + " does not exist");
    EventRequest request;
    request.case_id = case_id;
    request.type = e.type;
    request.payload = std::move(e.payload);
    request.actor = Actor::Workflow(e.workflow);
    request.internal = true;  // nobody accepting it is noted, not refused
    SOUHRA_RETURN_IF_ERROR(ApplyToInstances(txn, request, *c, now, depth, e.from).status());
  }
  return Status::Ok();
}

}  // namespace souhra
