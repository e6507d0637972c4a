#include "engine/event_outcome.h"

namespace souhra {
namespace {

// Rows written before a member existed lack it: it reads as empty.
template <typename T>
void ReadArray(const Json& json, const char* name, std::vector<T>& into) {
  auto member = json.find(name);
  if (member == json.end() || !member->is_array()) return;
  into.reserve(member->size());
  for (const Json& item : *member) into.push_back(item.get<T>());
}

}  // namespace

// Members are assigned one by one: a braced initializer list would copy every value twice, and
// this runs for every event the engine applies.
void to_json(Json& json, const InstanceTransition& t) {
  json = Json::object();
  json["instance"] = t.instance;
  json["workflow"] = t.workflow;
  json["from"] = t.from;
  json["to"] = t.to;
  json["completed"] = t.completed;
}

void from_json(const Json& json, InstanceTransition& t) {
  t.instance = json.value("instance", int64_t{0});
  t.workflow = json.value("workflow", "");
  t.from = json.value("from", "");
  t.to = json.value("to", "");
  t.completed = json.value("completed", false);
}

void to_json(Json& json, const EventOutcome& o) {
  json = Json::object();
  json["transitions"] = o.transitions;
  json["deadlines"] = o.deadlines;
  if (!o.pauses.empty()) json["pauses"] = o.pauses;
  if (!o.emitted.empty()) json["emitted"] = o.emitted;
  if (!o.ignored.empty()) json["ignored"] = o.ignored;
  if (!o.reminded.empty()) json["reminded"] = o.reminded;
  if (!o.reminder_template.empty()) json["template"] = o.reminder_template;
  if (o.reassigned_task != 0) json["task"] = o.reassigned_task;
}

void from_json(const Json& json, EventOutcome& o) {
  o = EventOutcome();
  if (!json.is_object()) return;
  ReadArray(json, "transitions", o.transitions);
  ReadArray(json, "deadlines", o.deadlines);
  ReadArray(json, "pauses", o.pauses);
  ReadArray(json, "emitted", o.emitted);
  o.ignored = json.value("ignored", "");
  o.reminded = json.value("reminded", "");
  o.reminder_template = json.value("template", "");
  o.reassigned_task = json.value("task", int64_t{0});
}

}  // namespace souhra
