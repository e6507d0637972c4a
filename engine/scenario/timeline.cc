#include "engine/scenario/timeline.h"

#include <cmath>

#include "engine/event_outcome.h"

namespace souhra {
namespace {

// "plan_review waiting → escalated; intake screening → done", or why nobody accepted the event.
std::string Transitions(const EventOutcome& outcome) {
  std::string text;
  for (const InstanceTransition& t : outcome.transitions) {
    text += (text.empty() ? "" : "; ") + t.workflow + (t.from.empty() ? "" : " " + t.from) + " → " +
            t.to;
  }
  if (text.empty() && !outcome.ignored.empty()) return "nikdo ji nepřijal";
  return text;
}

std::string Recipient(const OutboxRecord& note) {
  return note.recipient + (note.channel.empty() ? "" : " (" + note.channel + ")");
}

}  // namespace

void TimelineRecorder::Watch(CaseId id, const std::string& code) {
  Seen seen;
  seen.code = code;
  cases_.emplace_back(id, std::move(seen));
}

Status TimelineRecorder::Observe(Instant at, int line, std::vector<TimelineEntry>* timeline) {
  for (auto& [id, seen] : cases_) {
    std::vector<std::string> lines;
    SOUHRA_RETURN_IF_ERROR(ObserveCase(id, seen, &lines));
    for (std::string& text : lines) Note(at, line, std::move(text), false, timeline);
  }
  return Status::Ok();
}

void TimelineRecorder::Note(Instant at, int line, std::string text, bool failure,
                            std::vector<TimelineEntry>* timeline) const {
  timeline->push_back({at, format_(at), line, std::move(text), failure});
}

Status TimelineRecorder::ObserveCase(CaseId id, Seen& seen, std::vector<std::string>* lines) {
  std::set<TimerKey> fired;
  SOUHRA_RETURN_IF_ERROR(Events(id, seen, lines, &fired));
  SOUHRA_RETURN_IF_ERROR(Tasks(id, seen, lines));
  SOUHRA_RETURN_IF_ERROR(Timers(id, seen, fired, lines));
  SOUHRA_RETURN_IF_ERROR(Outbox(id, seen, lines));
  return Decisions(id, seen, lines);
}

Status TimelineRecorder::Events(CaseId id, Seen& seen, std::vector<std::string>* lines,
                                std::set<TimerKey>* fired) {
  // Only the new rows: a run observes after every event, and reading the whole log each time
  // made a scenario's cost grow with the square of its events.
  SOUHRA_ASSIGN_OR_RETURN(std::vector<EventRecord> events,
                          store_.ListEventsAfter(id, seen.last_seq));
  for (const EventRecord& e : events) {
    seen.last_seq = e.seq;
    const std::string transitions = Transitions(e.outcome.get<EventOutcome>());
    if (e.type == "case.created") {
      lines->push_back("případ " + seen.code + " založen: " + transitions);
      continue;
    }
    std::string text;
    if (e.type.starts_with("timer.") && e.due) {
      fired->insert({e.instance_id, e.type.substr(6)});
      text = "časovač " + e.type.substr(6);
      if (*e.due != e.at) text += " (termín byl " + format_(*e.due) + ")";
    } else if (e.type == "notification.refused" || e.type == "notification.shared") {
      // What the information rules decided, with their reason.
      text = (e.type == "notification.refused" ? "sdílení odmítnuto: " : "sdíleno bez souhlasu: ") +
             e.payload.value("recipient", "") + ", " + e.payload.value("template", "") + " — " +
             e.payload.value("reason", "");
    } else {
      text = "událost " + e.type + " (" + e.actor + ")";
    }
    lines->push_back(text + (transitions.empty() ? "" : ": " + transitions));
  }
  return Status::Ok();
}

Status TimelineRecorder::Tasks(CaseId id, Seen& seen, std::vector<std::string>* lines) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<TaskRecord> tasks, store_.ListTasks(id));
  for (const TaskRecord& task : tasks) {
    auto known = seen.tasks.find(task.id);
    if (known == seen.tasks.end()) {
      std::string text = "úkol " + task.key + " pro " + task.assignee;
      if (task.due) text += ", termín " + format_(*task.due);
      lines->push_back(text);
    } else if (known->second == task.status) {
      continue;
    }
    if (task.status == TaskStatus::kDone) lines->push_back("úkol " + task.key + " splněn");
    if (task.status == TaskStatus::kCancelled) lines->push_back("úkol " + task.key + " zrušen");
    seen.tasks[task.id] = task.status;
  }
  return Status::Ok();
}

Status TimelineRecorder::Timers(CaseId id, Seen& seen, const std::set<TimerKey>& fired,
                                std::vector<std::string>* lines) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<TimerRecord> timers, store_.ListTimers(id));
  std::map<TimerKey, Instant> now;
  for (const TimerRecord& timer : timers) {
    TimerKey key{timer.instance_id, timer.key};
    now[key] = timer.due;
    auto before = seen.timers.find(key);
    if (before == seen.timers.end() || before->second != timer.due) {
      lines->push_back("časovač " + timer.key + " nastaven na " + format_(timer.due));
    }
  }
  for (const auto& [key, due] : seen.timers) {
    if (!now.count(key) && !fired.count(key)) {
      lines->push_back("časovač " + std::get<1>(key) + " zrušen");
    }
  }
  seen.timers = std::move(now);
  return Status::Ok();
}

Status TimelineRecorder::Outbox(CaseId id, Seen& seen, std::vector<std::string>* lines) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<OutboxRecord> notes,
                          store_.ListOutboxAfter(id, seen.last_outbox));
  for (const OutboxRecord& note : notes) {
    seen.last_outbox = note.id;
    lines->push_back("oznámení " + Recipient(note) + ": " + note.template_name);
  }
  return Status::Ok();
}

Status TimelineRecorder::Decisions(CaseId id, Seen& seen, std::vector<std::string>* lines) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DecisionRecord> decisions, store_.ListDecisions(id));
  for (size_t i = seen.decisions; i < decisions.size(); ++i) {
    const Json& result = decisions[i].result;
    std::string text = "rozhodnutí " + decisions[i].rule_set + ": " +
                       (result.value("eligible", false) ? "vyhovuje" : "nevyhovuje");
    if (result.contains("score") && result["score"].is_number()) {
      text += " (skóre " + std::to_string(std::lround(result["score"].get<double>())) + ")";
    }
    lines->push_back(text);
  }
  seen.decisions = decisions.size();
  return Status::Ok();
}

}  // namespace souhra
