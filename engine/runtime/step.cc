#include "engine/runtime/step.h"

#include <algorithm>
#include <string>
#include <utility>

#include "engine/definitions/diagnostics.h"
#include "engine/definitions/effect_reader.h"
#include "engine/definitions/message_template.h"
#include "engine/definitions/reminder_ladder.h"
#include "engine/definitions/step_reader.h"
#include "engine/duration.h"
#include "engine/runtime/decision.h"
#include "engine/runtime/meeting_record.h"
#include "engine/runtime/permissions.h"
#include "engine/runtime/script_dates.h"
#include "engine/runtime/task_timers.h"
#include "engine/time/duration_parser.h"

namespace souhra {
namespace {

// How deep `run` functions may return effects that themselves run functions.
constexpr int kMaxRunDepth = 8;

Status EffectError(const Effect& e, const std::string& what) {
  return ScriptError(e.pos.ToString() + ": " + EffectKindName(e.kind) + " '" + e.key +
                     "': " + what);
}

// Sets `value` at a dotted path ("plan.review_date") inside `data`, creating objects on the way.
Status SetPath(Json& data, const std::string& path, const Json& value) {
  Json* node = &data;
  size_t start = 0;
  while (true) {
    size_t dot = path.find('.', start);
    std::string part =
        path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (part.empty()) return InvalidArgument("bad data field '" + path + "'");
    if (!node->is_object())
      return InvalidArgument("data field '" + path + "' crosses a non-object");
    if (dot == std::string::npos) {
      (*node)[part] = value;
      return Status::Ok();
    }
    node = &(*node)[part];
    if (node->is_null()) *node = Json::object();
    start = dot + 1;
  }
}

// The value at a dotted path inside `data`, or null when any part is missing.
Json GetPath(const Json& data, const std::string& path) {
  const Json* node = &data;
  size_t start = 0;
  while (true) {
    size_t dot = path.find('.', start);
    std::string part =
        path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!node->is_object() || !node->contains(part)) return Json();
    node = &(*node)[part];
    if (dot == std::string::npos) return *node;
    start = dot + 1;
  }
}

// The case as a guard or action sees it: CaseView plus the workflow's params, so that a
// tenant's changed params reach the computed effects too (case.params.x), and the days its
// deadlines fall on (case.today, case.dates.x; engine/runtime/script_dates.h).
Json ScriptView(const StepContext& ctx, const CaseRecord& c, const std::string& state,
                const Json& data) {
  Json view = CaseView(c, state, data);
  view["params"] = ctx.workflow->params;
  if (ctx.workflow->script_dates) {
    Json dates = ScriptDates(*ctx.calendar, ctx.now, ctx.workflow->params, c.tenant);
    view["today"] = std::move(dates["today"]);
    view["dates"] = std::move(dates["dates"]);
  }
  return view;
}

// Carries out effects in order against a working copy of the case data, collecting operations.
class Planner {
 public:
  Planner(const StepContext& ctx, const CaseRecord& c, std::string state, Json data)
      : ctx_(ctx), case_(c), state_(std::move(state)) {
    plan_.data = std::move(data);
  }

  Status Run(const std::vector<Effect>& effects, const Json& event, int depth = 0) {
    for (const Effect& effect : effects) SOUHRA_RETURN_IF_ERROR(Apply(effect, event, depth));
    return Status::Ok();
  }

  void Add(Operation op) { plan_.operations.push_back(std::move(op)); }
  // The instance the plan is for; 0 while it is being started.
  void SetInstance(InstanceId instance) { instance_ = instance; }
  void SetState(std::string state) { state_ = std::move(state); }
  Plan& plan() { return plan_; }

 private:
  Status Apply(const Effect& e, const Json& event, int depth) {
    switch (e.kind) {
      case EffectKind::kTask:
        return ApplyTask(e);
      case EffectKind::kTimer:
        return ApplyTimer(e);
      case EffectKind::kCancel:
        return ApplyCancel(e);
      case EffectKind::kNotify:
        return ApplyNotify(e, event);
      case EffectKind::kSet:
        return ApplySet(e);
      case EffectKind::kDecide:
        return ApplyDecide(e);
      case EffectKind::kStart:
        Add(StartWorkflow{e.key});
        return Status::Ok();
      case EffectKind::kRun:
        return ApplyRun(e, event, depth);
      case EffectKind::kPause:
        Add(PauseDeadline{TimerOrTask(e), e.key});
        return Status::Ok();
      case EffectKind::kResume:
        Add(ResumeDeadline{TimerOrTask(e), e.key});
        return Status::Ok();
      case EffectKind::kEmit:
        Add(EmitEvent{e.key, e.args.value("payload", Json::object())});
        return Status::Ok();
    }
    return Internal("unknown effect kind");
  }

  static std::string TimerOrTask(const Effect& e) {
    return e.args.contains("timer") ? "timer" : "task";
  }

  // A duration field holds either a literal duration or the name of a workflow param; `rule`
  // receives the duration it resolved to. A task's `due` may also be a day ("2026-05-22"): its
  // rule is then the fixed time, so that its explanation names the day rather than a count.
  Result<DueDate> DueAfter(const Effect& e, const std::string& field, std::string* rule) {
    const Json& value = e.args[field];
    if (!value.is_string()) return EffectError(e, "'" + field + "' must be a duration");
    *rule = value.get<std::string>();
    if (field == "due" && (IsCalendarDate(*rule) || IsDataPath(*rule))) {
      return DueOnDay(e, *rule, rule);
    }
    const Json& params = ctx_.workflow->params;
    if (params.contains(*rule) && params[*rule].is_string())
      *rule = params[*rule].get<std::string>();
    Result<Duration> duration = ParseDuration(*rule);
    if (!duration.ok()) return EffectError(e, duration.status().message());
    return ctx_.calendar->Add(ctx_.now, *duration, case_.tenant);
  }

  // A task due on a day: written as "2026-05-22" or as the case data field holding one
  // ("plan.review_date"). Its rule is the fixed time, so that its explanation names the day
  // rather than a count of days from today.
  Result<DueDate> DueOnDay(const Effect& e, const std::string& written, std::string* rule) {
    std::string day = written;
    if (IsDataPath(written)) {
      const Json held = GetPath(plan_.data, written);
      if (!held.is_string()) {
        return EffectError(e, "'due': case data '" + written + "' holds no day \"YYYY-MM-DD\"");
      }
      day = held.get<std::string>();
    }
    Result<DueDate> due = DueOnDate(*ctx_.calendar, ctx_.now, day, case_.tenant);
    if (!due.ok()) return EffectError(e, "'due': " + due.status().message());
    *rule = "at " + FormatUtc(due->due);
    return due;
  }

  Status ApplyTask(const Effect& e) {
    TaskPlan task;
    task.task.key = e.key;
    task.task.title = e.args.value("title", e.key);
    task.task.assignee = e.args.value("assignee", "case_manager");
    task.task.keep = e.args.value("keep", false);
    task.task.scope_state = state_;
    if (e.args.contains("due")) {
      SOUHRA_ASSIGN_OR_RETURN(DueDate due, DueAfter(e, "due", &task.rule));
      task.task.due = due.due;
      task.due = std::move(due);
    }
    std::vector<Rung> ladder;
    if (e.args.contains("remind")) {
      Result<std::vector<Rung>> read = ReadLadder(e.args["remind"], ctx_.workflow->params);
      if (!read.ok()) return EffectError(e, "remind: " + read.status().message());
      if (!task.task.due) return EffectError(e, "'remind' needs a 'due'");
      ladder = std::move(*read);
      for (const Rung& rung : ladder) task.task.remind.push_back(RungJson(rung));
    }
    if (e.args.contains("done_by")) {
      task.task.done_by = e.args["done_by"].get<std::vector<std::string>>();
    }
    if (e.args.contains("form")) {
      SOUHRA_ASSIGN_OR_RETURN(task.task.form, TaskForm(e));
    }
    const TaskRecord record = task.task;
    const std::string rule = task.rule;
    Add(std::move(task));
    if (!record.due) return Status::Ok();
    return PlanTaskTimers(record, rule, ladder);
  }

  // The task's form as FormJson, kept with the task for whoever completes it.
  Result<Json> TaskForm(const Effect& e) {
    Diagnostics sink(ctx_.workflow->file, nullptr);
    Form form;
    ReadForm(Checker{&sink, e.args["form"], {}, e.pos.line, "form"}, &form);
    if (!sink.empty()) return EffectError(e, sink.Sorted().front().message);
    return FormJson(form);
  }

  // A workflow changes only the case data it owns (`owns`): consent only through the consent
  // workflow's steps, people only through assignment steps.
  Status CheckOwned(const Effect& e, const std::string& path) {
    const std::string field = OwnedFieldOf(path);
    if (ctx_.workflow->owns.count(field)) return Status::Ok();
    return EffectError(
        e, "workflow '" + ctx_.workflow->name + "' does not own case data '" + field + "'");
  }

  // The task's overdue timer and its reminder rungs (engine/runtime/task_timers.h).
  Status PlanTaskTimers(const TaskRecord& task, const std::string& rule,
                        const std::vector<Rung>& ladder) {
    SOUHRA_ASSIGN_OR_RETURN(
        std::vector<ScheduledTaskTimer> timers,
        ScheduleTaskTimers(task, rule, ladder, *ctx_.calendar, ctx_.now, case_.tenant));
    for (ScheduledTaskTimer& t : timers) {
      Add(TimerPlan{std::move(t.timer), std::move(t.due), std::move(t.rule)});
    }
    return Status::Ok();
  }

  Status ApplyTimer(const Effect& e) {
    TimerPlan timer;
    timer.timer.key = e.key;
    timer.timer.keep = e.args.value("keep", false);
    timer.timer.scope_state = state_;
    if (e.args.contains("at")) {
      Json at = e.args["at"];
      Instant when;
      // Not a time: the case data field holding one ("conference.at"); none there, no timer.
      if (at.is_string() && !ParseIsoInstant(at.get<std::string>(), &when) &&
          at.get<std::string>().find(':') == std::string::npos) {
        at = GetPath(plan_.data, at.get<std::string>());
        if (at.is_null()) return Status::Ok();
      }
      if (!at.is_string() || !ParseIsoInstant(at.get<std::string>(), &when)) {
        return EffectError(e, "'at' must be a time such as \"2026-04-02T10:00:00+02:00\"");
      }
      timer.due.due = when;
      timer.rule = "at " + at.get<std::string>();
      timer.due.explanation.push_back("pevně stanovený termín " + ctx_.calendar->Describe(when));
    } else {
      SOUHRA_ASSIGN_OR_RETURN(timer.due, DueAfter(e, "after", &timer.rule));
    }
    timer.timer.due = timer.due.due;
    Add(std::move(timer));
    return Status::Ok();
  }

  Status ApplyCancel(const Effect& e) {
    if (e.args.contains("timer")) Add(CancelTimer{e.args["timer"].get<std::string>()});
    if (e.args.contains("task")) Add(CancelTask{e.args["task"].get<std::string>()});
    return Status::Ok();
  }

  Status ApplyNotify(const Effect& e, const Json& event) {
    const Json& to = e.args["to"];
    std::vector<std::string> recipients;
    if (to.is_string()) recipients.push_back(to.get<std::string>());
    if (to.is_array()) {
      for (const Json& r : to) recipients.push_back(r.get<std::string>());
    }
    SOUHRA_RETURN_IF_ERROR(CheckActorReach(e, recipients));
    for (const std::string& recipient : recipients) {
      OutboxRecord message;
      message.recipient = recipient;
      message.template_name = e.args.value("template", "");
      message.channel = e.args.value("channel", "");
      message.created = ctx_.now;
      message.payload = {{"case_code", case_.code},
                         {"workflow", ctx_.workflow->name},
                         {"state", state_},
                         {"event", event.value("type", "")}};
      // What the message is for, as the information rules ask; and the meeting an invitation
      // carries, as the case data had it when the event was applied.
      if (e.args.contains("purpose")) message.payload["purpose"] = e.args["purpose"];
      // The task the message is about, for {task} and {due}, when the event is about none (a
      // plan step's task told to its actor as the step is agreed).
      if (e.args.contains("task")) message.payload["task"] = e.args["task"];
      // A `meeting` fills {when} and {place} only; a `calendar` also attaches the invitation.
      for (const char* field : {"calendar", "meeting"}) {
        if (!e.args.contains(field)) continue;
        message.payload[field] = MeetingForInvitation(
            GetPath(plan_.data, e.args[field].get<std::string>()), instance_, plan_.data);
      }
      // The template's texts as this definition version has them: the sender renders them
      // later without the catalog. `reason`/`note` of the event fill {reason}.
      auto text = ctx_.workflow->templates.find(message.template_name);
      if (text != ctx_.workflow->templates.end()) {
        // The loader checks what a declaration writes; a run function's notify is checked here.
        const bool meeting = e.args.contains("calendar") || e.args.contains("meeting");
        const std::string gap = CheckTemplateUse(message.template_name, *text, {.meeting = meeting},
                                                 "a notify without 'calendar' or 'meeting'");
        if (!gap.empty()) return EffectError(e, gap);
        message.payload["template"] = *text;
      }
      const Json& given = event.contains("payload") ? event["payload"] : Json::object();
      if (given.is_object()) {
        for (const char* key : {"reason", "note"}) {
          if (given.contains(key) && given[key].is_string()) message.payload[key] = given[key];
        }
      }
      Add(std::move(message));
    }
    return Status::Ok();
  }

  // What a script returns at run time was not in the declaration the head approved
  // (engine/definitions/actor_reach.h): a workflow that does not declare it reaches no actor.
  Status CheckActorReach(const Effect& e, const std::vector<std::string>& recipients) {
    if (ctx_.workflow->notifies_actors) return Status::Ok();
    const bool to_actor = std::any_of(recipients.begin(), recipients.end(),
                                      [](const std::string& r) { return r.starts_with("actor:"); });
    if (!to_actor && !e.args.contains("calendar")) return Status::Ok();
    return EffectError(e, "workflow '" + ctx_.workflow->name +
                              "' does not declare that it notifies external actors: add "
                              "notifies_actors = true (its activation then needs the head)");
  }

  Status ApplySet(const Effect& e) {
    for (const auto& [path, value] : e.args.items()) {
      SOUHRA_RETURN_IF_ERROR(CheckOwned(e, path));
      Status s = SetPath(plan_.data, path, value);
      if (!s.ok()) return EffectError(e, s.message());
      if (OwnedFieldOf(path) == "people") SOUHRA_RETURN_IF_ERROR(CheckPeople(plan_.data));
    }
    return Status::Ok();
  }

  Status ApplyDecide(const Effect& e) {
    if (!ctx_.rule_set) return EffectError(e, "no rule sets are available here");
    SOUHRA_ASSIGN_OR_RETURN(std::shared_ptr<const RuleSet> rules, ctx_.rule_set(e.key));
    SOUHRA_ASSIGN_OR_RETURN(Json result, Decide(*rules, CaseView(case_, state_, plan_.data)));
    const std::string into = e.args.value("into", e.key);
    SOUHRA_RETURN_IF_ERROR(CheckOwned(e, into));
    SOUHRA_RETURN_IF_ERROR(SetPath(plan_.data, into,
                                   {{"eligible", result["eligible"]},
                                    {"score", result["score"]},
                                    {"explanation", result["explanation"]}}));
    DecisionRecord decision;
    decision.rule_set = rules->name;
    decision.rule_set_hash = rules->content_hash;
    decision.result = std::move(result);
    decision.decided = ctx_.now;
    Add(std::move(decision));
    return Status::Ok();
  }

  Status ApplyRun(const Effect& e, const Json& event, int depth) {
    if (depth >= kMaxRunDepth) return EffectError(e, "run functions nest too deeply");
    SOUHRA_ASSIGN_OR_RETURN(std::vector<Effect> more,
                            ctx_.workflow->scripts->Action(
                                e.function, ScriptView(ctx_, case_, state_, plan_.data), event));
    return Run(more, event, depth + 1);
  }

  const StepContext& ctx_;
  const CaseRecord& case_;
  std::string state_;
  InstanceId instance_ = 0;
  Plan plan_;
};

// The first alternative whose guard passes, or null when none does.
Result<const Transition*> ChooseTransition(const StepContext& ctx,
                                           const std::vector<Transition>& alternatives,
                                           const Json& case_view, const Json& event) {
  for (const Transition& t : alternatives) {
    if (!t.when) return &t;
    SOUHRA_ASSIGN_OR_RETURN(bool passed, ctx.workflow->scripts->Guard(t.when, case_view, event));
    if (passed) return &t;
  }
  return static_cast<const Transition*>(nullptr);
}

// Enters `state_name`, running its enter actions and finishing the instance if it is final.
Status Enter(const StepContext& ctx, Planner& planner, const std::string& state_name,
             const Json& event) {
  const State* state = ctx.workflow->FindState(state_name);
  if (state == nullptr)
    return Internal("workflow '" + ctx.workflow->name + "' has no state '" + state_name + "'");
  planner.SetState(state_name);
  SOUHRA_RETURN_IF_ERROR(planner.Run(state->enter, event));
  planner.plan().to = state_name;
  if (state->final) {
    planner.Add(CancelScope{""});
    planner.plan().completed = true;
  }
  return Status::Ok();
}

}  // namespace

Json CaseView(const CaseRecord& c, const std::string& state, const Json& data) {
  return {{"id", c.id}, {"code", c.code}, {"tenant", c.tenant}, {"state", state}, {"data", data}};
}

Json EventView(const std::string& type, const Json& payload, Instant at, const Json* by) {
  Json view = Json::object();
  view["type"] = type;
  view["payload"] = payload;
  view["at"] = FormatUtc(at);
  if (by != nullptr && !by->is_null()) view["by"] = *by;
  return view;
}

std::vector<std::string> AcceptedEvents(const State& state) {
  std::vector<std::string> events;
  for (const auto& [type, alternatives] : state.on) events.push_back(type);
  return events;  // std::map keeps them sorted
}

Result<Plan> PlanEvent(const StepContext& ctx, const CaseRecord& c, const InstanceRecord& instance,
                       const std::string& event_type, const Json& payload) {
  const State* state = ctx.workflow->FindState(instance.state);
  if (state == nullptr) {
    return Internal("instance " + std::to_string(instance.id) + " is in state '" + instance.state +
                    "', which workflow '" + ctx.workflow->name + "' does not have");
  }
  Plan not_accepted;
  not_accepted.from = not_accepted.to = instance.state;
  const std::vector<Transition>* alternatives = state->TransitionsFor(event_type);
  if (alternatives == nullptr) return not_accepted;

  const Json event = EventView(event_type, payload, ctx.now, ctx.by);
  SOUHRA_ASSIGN_OR_RETURN(
      const Transition* chosen,
      ChooseTransition(ctx, *alternatives, ScriptView(ctx, c, instance.state, c.data), event));
  if (chosen == nullptr) return not_accepted;

  Planner planner(ctx, c, instance.state, c.data);
  planner.SetInstance(instance.id);
  if (ctx.payload_checked) {
    RecordMeetingValues(*ctx.workflow, instance.id, event_type, payload, &planner.plan().data);
  }
  planner.plan().accepted = true;
  planner.plan().from = planner.plan().to = instance.state;
  if (chosen->go.empty()) {
    SOUHRA_RETURN_IF_ERROR(planner.Run(chosen->run, event));
    return std::move(planner.plan());
  }
  SOUHRA_RETURN_IF_ERROR(planner.Run(state->exit, event));
  planner.Add(CancelScope{instance.state});
  SOUHRA_RETURN_IF_ERROR(planner.Run(chosen->run, event));
  SOUHRA_RETURN_IF_ERROR(Enter(ctx, planner, chosen->go, event));
  return std::move(planner.plan());
}

Result<Plan> PlanStart(const StepContext& ctx, const CaseRecord& c, const Json& data) {
  Planner planner(ctx, c, ctx.workflow->initial, data);
  planner.plan().accepted = true;
  const Json event = EventView("workflow.started", Json::object(), ctx.now, ctx.by);
  SOUHRA_RETURN_IF_ERROR(Enter(ctx, planner, ctx.workflow->initial, event));
  return std::move(planner.plan());
}

}  // namespace souhra
