#include "engine/scenario/expectations.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "engine/notify/message_render.h"
#include "engine/notify/routing.h"

namespace souhra {
namespace {

Verdict Pass(std::string text) { return {true, std::move(text)}; }
Verdict Fail(std::string text) { return {false, std::move(text)}; }

std::string Joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

Result<Verdict> CheckState(CaseFiles& store, CaseId id, const ExpectState& want) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<InstanceRecord> instances, store.ListInstances(id));
  std::vector<std::string> found;
  for (const InstanceRecord& instance : instances) {
    if (!want.workflow.empty() && instance.workflow != want.workflow) continue;
    if (instance.state == want.state) return Pass("stav " + want.state);
    found.push_back("'" + instance.state + "'");
  }
  const std::string of = want.workflow.empty() ? "" : " of " + want.workflow;
  if (found.empty()) {
    return Fail("expected state '" + want.state + "'" + of + ", found no instance" + of);
  }
  return Fail("expected state '" + want.state + "'" + of + ", found " + Joined(found));
}

Result<Verdict> CheckTask(CaseFiles& store, CaseId id, const ExpectTask& want,
                          const TimeFormatter& format) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<TaskRecord> tasks, store.ListTasks(id));
  const TaskRecord* open = nullptr;
  for (const TaskRecord& task : tasks) {
    if (task.key == want.key && task.status == TaskStatus::kOpen) open = &task;
  }
  const std::string name = "task '" + want.key + "'";
  if (!want.open) {
    if (open == nullptr) return Pass("úkol " + want.key + " není otevřen");
    return Fail("expected no open " + name + ", found one for " + open->assignee);
  }
  if (open == nullptr) return Fail("expected an open " + name + ", found none");
  if (want.assignee && *want.assignee != open->assignee) {
    return Fail(name + ": expected assignee '" + *want.assignee + "', found '" + open->assignee +
                "'");
  }
  if (want.title && *want.title != open->title) {
    return Fail(name + ": expected title '" + *want.title + "', found '" + open->title + "'");
  }
  if (want.due && (!open->due || *open->due != *want.due)) {
    return Fail(name + ": expected due " + format(*want.due) + ", found " +
                (open->due ? format(*open->due) : "none"));
  }
  return Pass("úkol " + want.key + " otevřen pro " + open->assignee);
}

// The subject and text of `note` as its recipient reads them (engine/notify/message_render.h),
// with times in Prague, links to an example address and no recipient's name.
Result<std::string> ReadText(CaseFiles& store, const CaseRecord& kase, const OutboxRecord& note,
                             const TimeFormatter& format) {
  RenderContext context;
  context.kase = &kase;
  context.message = &note;
  context.base_url = kScenarioBaseUrl;
  context.format_time = format;
  const std::string task_key = TaskKeyOf(note);
  if (!task_key.empty()) {
    SOUHRA_ASSIGN_OR_RETURN(std::vector<TaskRecord> tasks, store.ListTasks(kase.id));
    for (const TaskRecord& task : tasks) {
      if (task.key == task_key && (!context.task || task.status == TaskStatus::kOpen)) {
        context.task = task;
      }
    }
  }
  RenderedMessage rendered = RenderMessage(context);
  return rendered.subject + "\n" + rendered.text;
}

Result<Verdict> CheckNotification(CaseFiles& store, CaseId id, const ExpectNotification& want,
                                  const TimeFormatter& format) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<OutboxRecord> notes, store.ListOutbox(id));
  SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> kase, store.GetCase(id));
  int matching = 0;
  std::vector<std::string> sent;
  std::vector<std::string> texts;  // of the notes matching all but the text
  for (const OutboxRecord& note : notes) {
    sent.push_back(note.recipient + ": " + note.template_name);
    if ((!want.to.empty() && note.recipient != want.to) ||
        (!want.template_name.empty() && note.template_name != want.template_name) ||
        (want.shared &&
         note.status != (*want.shared ? OutboxStatus::kDelivered : OutboxStatus::kRefused))) {
      continue;
    }
    if (!want.text.empty() && kase) {
      SOUHRA_ASSIGN_OR_RETURN(std::string text, ReadText(store, *kase, note, format));
      texts.push_back("„" + text + "“");
      if (text.find(want.text) == std::string::npos) continue;
    }
    ++matching;
  }
  std::string what = "notification";
  if (!want.to.empty()) what += " to '" + want.to + "'";
  if (!want.template_name.empty()) what += " with template '" + want.template_name + "'";
  if (want.shared) what += *want.shared ? " that was sent" : " that the information rules refused";
  if (!want.text.empty()) {
    what += " reading '" + want.text + "'";
    if (!texts.empty()) sent = texts;
  }
  const std::string found = sent.empty() ? "none was sent" : "sent: " + Joined(sent);
  if (want.count && *want.count != matching) {
    return Fail("expected " + std::to_string(*want.count) + " × " + what + ", found " +
                std::to_string(matching) + " (" + found + ")");
  }
  if (!want.count && matching == 0)
    return Fail("expected a " + what + ", found none (" + found + ")");
  std::string held = "oznámení";
  if (!want.to.empty()) held += " " + want.to + (want.template_name.empty() ? "" : ":");
  if (!want.template_name.empty()) held += " " + want.template_name;
  if (want.shared) held += *want.shared ? " odesláno" : " neodesláno";
  return Pass(held + (want.count ? " × " + std::to_string(*want.count) : ""));
}

Result<Verdict> CheckDecision(CaseFiles& store, CaseId id, const ExpectDecision& want) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DecisionRecord> decisions, store.ListDecisions(id));
  const DecisionRecord* last = nullptr;
  for (const DecisionRecord& decision : decisions) {
    if (decision.rule_set == want.rules) last = &decision;
  }
  const std::string name = "decision by '" + want.rules + "'";
  if (last == nullptr) return Fail("expected a " + name + ", found none");
  const bool eligible = last->result.value("eligible", false);
  if (want.eligible && *want.eligible != eligible) {
    return Fail(name + ": expected eligible = " + (*want.eligible ? "true" : "false") + ", found " +
                (eligible ? "true" : "false"));
  }
  const double score = last->result.value("score", 0.0);
  if (want.score && std::abs(*want.score - score) > 1e-9) {
    return Fail(name + ": expected score " + Json(*want.score).dump() + ", found " +
                Json(score).dump());
  }
  return Pass("rozhodnutí " + want.rules + ": " + (eligible ? "vyhovuje" : "nevyhovuje"));
}

Verdict CheckRefused(const LastSend& last) {
  if (!last.sent) return Fail("expected a refused event, but no event was sent before");
  if (!last.refused)
    return Fail("expected event '" + last.type + "' to be refused, it was accepted");
  return Pass("událost " + last.type + " odmítnuta");
}

// The item of a list a path names by its number from 1, as Lua counts; null when there is none.
const Json* Item(const Json& list, const std::string& part) {
  if (part.empty() || part.size() > 9 ||
      !std::all_of(part.begin(), part.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return nullptr;
  }
  const size_t number = std::stoul(part);
  return number >= 1 && number <= list.size() ? &list[number - 1] : nullptr;
}

// The value at a dotted path ("plan.reviewed", "escalation_history.1.resolution") of `data`, or
// null.
Json At(const Json& data, const std::string& path) {
  const Json* value = &data;
  size_t start = 0;
  while (true) {
    const size_t dot = path.find('.', start);
    const std::string part = path.substr(start, dot - start);
    if (value->is_array()) {
      value = Item(*value, part);
      if (value == nullptr) return nullptr;
    } else if (value->is_object() && value->contains(part)) {
      value = &(*value)[part];
    } else {
      return nullptr;
    }
    if (dot == std::string::npos) return *value;
    start = dot + 1;
  }
}

Result<Verdict> CheckData(CaseFiles& store, CaseId id, const ExpectData& want) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> found, store.GetCase(id));
  if (!found) return Internal("case " + std::to_string(id) + " vanished");
  std::vector<std::string> held;
  for (const auto& [path, value] : want.fields.items()) {
    Json actual = At(found->data, path);
    if (actual != value) {
      return Fail("data '" + path + "': expected " + value.dump() + ", found " + actual.dump());
    }
    held.push_back(path + " = " + value.dump());
  }
  return Pass("data " + Joined(held));
}

}  // namespace

Result<Verdict> Check(CaseFiles& store, CaseId id, const Expectation& expectation,
                      const LastSend& last_send, const TimeFormatter& format) {
  if (auto* state = std::get_if<ExpectState>(&expectation)) return CheckState(store, id, *state);
  if (auto* task = std::get_if<ExpectTask>(&expectation))
    return CheckTask(store, id, *task, format);
  if (auto* note = std::get_if<ExpectNotification>(&expectation)) {
    return CheckNotification(store, id, *note, format);
  }
  if (auto* decision = std::get_if<ExpectDecision>(&expectation)) {
    return CheckDecision(store, id, *decision);
  }
  if (std::holds_alternative<ExpectRefused>(expectation)) return CheckRefused(last_send);
  return CheckData(store, id, std::get<ExpectData>(expectation));
}

}  // namespace souhra
