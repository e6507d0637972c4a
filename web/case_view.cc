#include "web/case_view.h"

#include "engine/event_outcome.h"
#include "engine/runtime/deadline_explanation.h"

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

Json EventJson(const EventRecord& e) {
  return Json{{"seq", e.seq},          {"type", e.type},       {"actor", e.actor},
              {"at", FormatUtc(e.at)}, {"payload", e.payload}, {"instance_id", e.instance_id},
              {"outcome", e.outcome}};
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
  file["instances"] = Json::array();
  for (const InstanceRecord& i : instances) {
    file["instances"].push_back(Json{{"id", i.id},
                                     {"workflow", i.workflow},
                                     {"state", i.state},
                                     {"active", i.active},
                                     {"steps", i.steps},
                                     {"definition_hash", i.definition_hash}});
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
             {"due", FormatUtc(t.due)},
             {"due_explanation", DeadlineExplanation(services, c, "timer", t.key, t.due, events)}});
  }
  file["history"] = Json::array();
  for (const EventRecord& e : events) file["history"].push_back(EventJson(e));
  return file;
}

}  // namespace souhra
