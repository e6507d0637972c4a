#include "web/case_view.h"

#include "engine/event_outcome.h"
#include "engine/runtime/deadline_explanation.h"
#include "web/case_history.h"

namespace souhra {
namespace {

const char* TaskStatusName(TaskStatus status) {
  switch (status) {
    case TaskStatus::kOpen:
      return "open";
    case TaskStatus::kDone:
      return "done";
    case TaskStatus::kCancelled:
      return "cancelled";
  }
  return "open";
}

Json OrNull(const Json& data, const char* field) {
  return data.contains(field) ? data[field] : Json();
}

Json EventJson(const EventRecord& e, const CaseHistoryContext& context) {
  Json event{{"seq", e.seq},          {"type", e.type},       {"actor", e.actor},
             {"at", FormatUtc(e.at)}, {"payload", e.payload}, {"instance_id", e.instance_id},
             {"outcome", e.outcome}};
  event.update(HistoryWords(context, e));
  return event;
}

// Names of the tenant's users and actors, and times in Prague, as the history shows them.
Result<Wording> WordingOf(WebServices& services, const std::string& tenant) {
  Wording words;
  const Calendar* calendar = services.calendar;
  words.time = [calendar](Instant t) { return calendar->Describe(t); };
  if (services.directory == nullptr) return words;
  SOUHRA_ASSIGN_OR_RETURN(std::vector<UserRecord> users, services.directory->ListUsers(tenant));
  for (const UserRecord& u : users) words.names["user:" + u.login] = u.name;
  SOUHRA_ASSIGN_OR_RETURN(std::vector<ActorRecord> actors, services.directory->ListActors(tenant));
  for (const ActorRecord& a : actors) {
    words.names["actor:" + a.id] = a.organisation.empty() ? a.name : a.organisation;
  }
  return words;
}

Result<CaseHistoryContext> HistoryContextOf(WebServices& services, const CaseRecord& c,
                                            const std::vector<InstanceRecord>& instances,
                                            std::vector<TaskRecord> tasks) {
  CaseHistoryContext context;
  for (const InstanceRecord& i : instances) {
    SOUHRA_ASSIGN_OR_RETURN(
        context.workflows[i.id],
        services.workflows->Version(*services.versions, c.tenant, i.workflow, i.definition_hash));
  }
  context.tasks = std::move(tasks);
  context.referral = OrNull(c.data, "referral");
  SOUHRA_ASSIGN_OR_RETURN(context.words, WordingOf(services, c.tenant));
  return context;
}

// A methodologist's matter, which a case worker needs only when the case runs a version other
// than the one now active: why its steps may differ from another case's. Null otherwise.
Result<Json> VersionNote(WebServices& services, const CaseRecord& c, const InstanceRecord& i) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DefinitionSource> versions,
                          services.versions->ListDefinitionVersions(c.tenant, i.workflow));
  const DefinitionSource* runs = nullptr;
  const DefinitionSource* active = nullptr;
  for (const DefinitionSource& v : versions) {
    if (v.content_hash == i.definition_hash) runs = &v;
    if (v.active) active = &v;
  }
  if (runs == nullptr || active == nullptr || runs == active) return Json();
  return Json("Běží podle dřívější verze " + std::to_string(runs->number) + " (uložena " +
              services.calendar->Describe(runs->saved) + "), platí nyní verze " +
              std::to_string(active->number) + ".");
}

Result<Json> InstanceJson(WebServices& services, const CaseRecord& c, const InstanceRecord& i,
                          const Workflow& workflow) {
  const State* state = workflow.FindState(i.state);
  SOUHRA_ASSIGN_OR_RETURN(Json version_note, VersionNote(services, c, i));
  return Json{{"id", i.id},
              {"workflow", i.workflow},
              {"title", workflow.title.empty() ? i.workflow : workflow.title},
              {"state", i.state},
              {"state_title", state && !state->title.empty() ? state->title : i.state},
              {"active", i.active},
              {"steps", i.steps},
              {"definition_hash", i.definition_hash},
              {"version_note", std::move(version_note)}};
}

}  // namespace

Json CaseSummaryJson(const CaseRecord& c) {
  return Json{{"id", c.id},
              {"code", c.code},
              {"created", FormatUtc(c.created)},
              {"closed", c.closed},
              {"closed_at", c.closed_at ? Json(FormatUtc(*c.closed_at)) : Json()},
              {"people", c.data.contains("people") ? c.data["people"] : Json::object()}};
}

Json TaskJson(const TaskRecord& t) {
  return Json{{"id", t.id},
              {"case_id", t.case_id},
              {"instance_id", t.instance_id},
              {"key", t.key},
              {"title", t.title},
              {"assignee", t.assignee},
              {"due", t.due ? Json(FormatUtc(*t.due)) : Json()},
              {"status", TaskStatusName(t.status)}};
}

Json DeadlineExplanation(WebServices& services, const CaseRecord& c, const std::string& kind,
                         const std::string& key, Instant due_at,
                         const std::vector<EventRecord>& events) {
  const std::string due = FormatUtc(due_at);
  for (auto event = events.rbegin(); event != events.rend(); ++event) {
    const std::vector<Json> deadlines = event->outcome.get<EventOutcome>().deadlines;
    for (auto entry = deadlines.rbegin(); entry != deadlines.rend(); ++entry) {
      if (entry->value("kind", "") != kind || entry->value("key", "") != key ||
          entry->value("due", "") != due) {
        continue;
      }
      Result<std::vector<std::string>> lines =
          ExplainDeadline(*services.calendar, *entry, event->at, c.tenant);
      return lines.ok() ? Json(*lines) : Json::array();
    }
  }
  return Json::array();
}

Json DueExplanation(WebServices& services, const CaseRecord& c, const TaskRecord& task,
                    const std::vector<EventRecord>& events) {
  if (!task.due) return Json::array();
  return DeadlineExplanation(services, c, "task", task.key, *task.due, events);
}

Result<Json> CaseFileJson(WebServices& services, const CaseRecord& c) {
  CaseFiles& store = *services.cases;
  SOUHRA_ASSIGN_OR_RETURN(std::vector<InstanceRecord> instances, store.ListInstances(c.id));
  SOUHRA_ASSIGN_OR_RETURN(std::vector<TaskRecord> tasks, store.ListTasks(c.id));
  SOUHRA_ASSIGN_OR_RETURN(std::vector<TimerRecord> timers, store.ListTimers(c.id));
  SOUHRA_ASSIGN_OR_RETURN(std::vector<EventRecord> events, store.ListEvents(c.id));
  Json file = CaseSummaryJson(c);
  file["data"] = c.data;
  file["plan"] = OrNull(c.data, "plan");
  file["consent"] = OrNull(c.data, "consent");
  SOUHRA_ASSIGN_OR_RETURN(CaseHistoryContext context,
                          HistoryContextOf(services, c, instances, tasks));
  file["instances"] = Json::array();
  for (const InstanceRecord& i : instances) {
    SOUHRA_ASSIGN_OR_RETURN(Json instance,
                            InstanceJson(services, c, i, *context.workflows.at(i.id)));
    file["instances"].push_back(std::move(instance));
  }
  file["tasks"] = Json::array();
  for (const TaskRecord& t : tasks) {
    if (t.status != TaskStatus::kOpen) continue;
    Json task = TaskJson(t);
    task["due_explanation"] = DueExplanation(services, c, t, events);
    file["tasks"].push_back(std::move(task));
  }
  file["timers"] = Json::array();
  for (const TimerRecord& t : timers) {
    file["timers"].push_back(
        Json{{"instance_id", t.instance_id},
             {"key", t.key},
             {"title", TimerTitle(context, t)},
             {"due", FormatUtc(t.due)},
             {"due_explanation", DeadlineExplanation(services, c, "timer", t.key, t.due, events)}});
  }
  file["history"] = Json::array();
  for (const EventRecord& e : events) file["history"].push_back(EventJson(e, context));
  return file;
}

}  // namespace souhra
