#include "engine/definitions/effect_reader.h"

#include <algorithm>
#include <cctype>

#include "engine/definitions/message_template.h"
#include "engine/definitions/reminder_ladder.h"
#include "engine/definitions/step_reader.h"
#include "engine/duration.h"
#include "engine/time/calendar_date.h"
#include "engine/time/duration_parser.h"

namespace souhra {

const std::vector<std::string>& EffectConstructors() {
  static const std::vector<std::string> names = {"task",   "timer", "cancel", "notify", "set",
                                                 "decide", "start", "pause",  "resume", "emit"};
  return names;
}

namespace {

bool IsName(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::vector<std::string> Keys(const Json& object) {
  std::vector<std::string> keys;
  if (object.is_object()) {
    for (const auto& [key, value] : object.items()) keys.push_back(key);
  }
  return keys;
}

void CheckRole(const Checker& at, const std::string& key, const Json& role) {
  if (!role.is_string()) {
    at.Report(key, "'" + key + "' must be a role, not a " + LuaTypeName(role));
    return;
  }
  const std::string& name = role.get_ref<const std::string&>();
  if (KnownRoles().count(name)) return;
  for (const char* prefix : {"user:", "actor:"}) {
    if (name.starts_with(prefix) && name.size() > std::string(prefix).size()) return;
  }
  std::vector<std::string> roles(KnownRoles().begin(), KnownRoles().end());
  at.Report(key, "unknown role '" + name + "'" + Suggestion(name, roles));
}

// Copies the fields of a constructor's table except its tags and `skip`.
Json Args(const Json& obj, const std::vector<std::string>& skip) {
  Json args = Json::object();
  for (const auto& [key, value] : obj.items()) {
    if (!key.starts_with("$") && !std::count(skip.begin(), skip.end(), key)) args[key] = value;
  }
  return args;
}

// A reminder ladder: its rungs, their recipients and the templates they use.
void CheckLadder(const Checker& at, const EffectScope& scope) {
  if (!at.obj.contains("remind")) return;
  if (!at.obj.contains("due")) at.Report("remind", "'remind' needs a 'due'");
  Result<std::vector<Rung>> ladder = ReadLadder(at.obj["remind"], scope.params);
  if (!ladder.ok()) {
    at.Report("remind", "remind: " + ladder.status().message());
    return;
  }
  for (size_t i = 0; i < ladder->size(); ++i) {
    const Rung& rung = (*ladder)[i];
    const std::string where = "remind: rung " + std::to_string(i + 1) + ": ";
    if (!rung.to.empty()) CheckRole(at, "remind", rung.to);
    if (scope.templates.contains(rung.template_name)) {
      const std::string gap =
          CheckTemplateUse(rung.template_name, scope.templates[rung.template_name],
                           {.meeting = false, .reason = false}, "a reminder");
      if (!gap.empty()) at.Report("remind", where + gap);
      continue;
    }
    if (rung.template_name == kReminderTemplate) {
      at.Report("remind", where + "no template for the reminder: add a template '" +
                              std::string(kReminderTemplate) + "' or give the rung a 'template'");
    } else {
      at.Report("remind", where + "unknown template '" + rung.template_name + "'" +
                              Suggestion(rung.template_name, Keys(scope.templates)));
    }
  }
}

void ReadTask(const Checker& at, const EffectScope& scope, Effect* effect) {
  at.Keys({"key", "title", "assignee", "due", "remind", "keep", "done_by", "form", "step"});
  at.String("title", true);
  at.String("step", false);
  if (at.obj.contains("step") && at.obj.contains("form")) {
    at.Report("form", "a task done by taking its 'step' asks for that step's form, not its own");
  }
  ReadRoles(at, "done_by");
  if (at.obj.contains("form")) {
    Form form;
    ReadForm(Checker{at.sink, at.obj["form"], at.At("form"), at.line, at.context + ": form"},
             &form);
  }
  if (at.obj.contains("assignee"))
    CheckRole(at, "assignee", at.obj["assignee"]);
  else
    at.Report("", "missing 'assignee'");
  // A day is a due too: written ("2026-05-22", from a run function) or the case data field
  // holding one ("plan.review_date").
  auto due = at.obj.find("due");
  const bool day = due != at.obj.end() && due->is_string() &&
                   (ParseCalendarDate(due->get<std::string>()).has_value() ||
                    IsDataPath(due->get<std::string>()));
  if (!day) CheckDuration(at, "due", scope.params);
  CheckLadder(at, scope);
  at.Boolean("keep", false);
  effect->args = Args(at.obj, {"key"});
}

void ReadTimer(const Checker& at, const EffectScope& scope, Effect* effect) {
  at.Keys({"key", "after", "at", "keep"});
  if (at.obj.contains("after") == at.obj.contains("at")) {
    at.Report("", "expected exactly one of 'after' or 'at'");
  }
  CheckDuration(at, "after", scope.params);
  at.String("at", false);
  at.Boolean("keep", false);
  effect->args = Args(at.obj, {"key"});
}

// cancel, pause and resume name one timer or one task of the instance.
void ReadTimerOrTask(const Checker& at, Effect* effect) {
  at.Keys({"timer", "task"});
  if (at.obj.contains("timer") == at.obj.contains("task")) {
    at.Report("", "expected exactly one of 'timer' or 'task'");
    return;
  }
  const std::string* key = at.String(at.obj.contains("timer") ? "timer" : "task", true);
  if (key) effect->key = *key;
  effect->args = Args(at.obj, {});
}

void ReadNotify(const Checker& at, const EffectScope& scope, Effect* effect) {
  at.Keys({"to", "template", "channel", "purpose", "calendar", "meeting", "task"});
  auto to = at.obj.find("to");
  if (to == at.obj.end())
    at.Report("", "missing 'to'");
  else if (to->is_array())
    for (const Json& role : *to) CheckRole(at, "to", role);
  else
    CheckRole(at, "to", *to);
  const std::string* name = at.String("template", true);
  if (name && !scope.templates.contains(*name)) {
    at.Report("template",
              "unknown template '" + *name + "'" + Suggestion(*name, Keys(scope.templates)));
  } else if (name) {
    const bool meeting = at.obj.contains("calendar") || at.obj.contains("meeting");
    const std::string gap = CheckTemplateUse(*name, scope.templates[*name], {.meeting = meeting},
                                             "a notify without 'calendar' or 'meeting'");
    if (!gap.empty()) at.Report("template", gap);
  }
  at.String("channel", false);
  at.String("purpose", false);
  at.String("calendar", false);
  at.String("meeting", false);
  at.String("task", false);
  effect->args = Args(at.obj, {});
}

void ReadSet(const Checker& at, Effect* effect) {
  for (const auto& [key, value] : at.obj.items()) {
    if (!key.starts_with("$") && IsFunction(value)) {
      at.Report(key, "'" + key + "' must be a value, not a function");
    }
  }
  effect->args = Args(at.obj, {});
}

void ReadReference(const Checker& at, const char* field, const std::set<std::string>& names,
                   const char* what, Effect* effect) {
  const std::string* name = at.String(field, true);
  if (!name) return;
  effect->key = *name;
  if (!names.empty() && !names.count(*name)) {
    at.Report(field, std::string("unknown ") + what + " '" + *name + "'" +
                         Suggestion(*name, std::vector<std::string>(names.begin(), names.end())));
  }
}

// emit { event = "escalation.raised", payload = { … } }: the payload is data, never a function.
void ReadEmit(const Checker& at, Effect* effect) {
  at.Keys({"event", "payload"});
  const std::string* type = at.String("event", true);
  if (type) effect->key = *type;
  if (type && (type->empty() || type->starts_with("task.") || type->starts_with("timer."))) {
    at.Report("event",
              "'" + *type + "' cannot be emitted: task.* and timer.* are the engine's own");
  }
  if (at.obj.contains("payload")) {
    const Json& payload = at.obj["payload"];
    if (!payload.is_object() || IsFunction(payload)) {
      at.Report("payload", "'payload' must be a table of values");
    }
  }
  effect->args = Args(at.obj, {"event"});
}

// Reads one effect table whose constructor is `kind`.
void ReadOne(const Checker& at, const std::string& kind, const EffectScope& scope, Effect* effect) {
  if (kind == "task" || kind == "timer") {
    const std::string* key = at.String("key", true);
    if (key) effect->key = *key;
    if (key && kind == "timer" && key->starts_with(kTaskTimerPrefix)) {
      at.Report("key", "timer keys starting with '" + std::string(kTaskTimerPrefix) +
                           "' are reserved for the reminders of tasks");
    }
    if (kind == "task")
      ReadTask(at, scope, effect);
    else
      ReadTimer(at, scope, effect);
  } else if (kind == "cancel" || kind == "pause" || kind == "resume") {
    ReadTimerOrTask(at, effect);
  } else if (kind == "notify") {
    ReadNotify(at, scope, effect);
  } else if (kind == "set") {
    ReadSet(at, effect);
  } else if (kind == "decide") {
    at.Keys({"rules", "into"});
    ReadReference(at, "rules", scope.context.rule_sets, "rule set", effect);
    at.String("into", true);
    effect->args = Args(at.obj, {"rules"});
  } else if (kind == "emit") {
    ReadEmit(at, effect);
  } else {
    at.Keys({"workflow"});
    ReadReference(at, "workflow", scope.context.workflows, "workflow", effect);
  }
}

const EffectKind kKinds[] = {EffectKind::kTask,   EffectKind::kTimer, EffectKind::kCancel,
                             EffectKind::kNotify, EffectKind::kSet,   EffectKind::kDecide,
                             EffectKind::kStart,  EffectKind::kPause, EffectKind::kResume,
                             EffectKind::kEmit};

}  // namespace

bool IsDataPath(const std::string& text) {
  if (text.find('.') == std::string::npos || text.front() == '.' || text.back() == '.' ||
      text.find("..") != std::string::npos) {
    return false;
  }
  return std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return std::islower(c) || std::isdigit(c) || c == '_' || c == '.';
  });
}

void CheckDuration(const Checker& at, const std::string& key, const Json& params) {
  const std::string* text = at.String(key, false);
  if (!text) return;
  Result<Duration> literal = ParseDuration(*text);
  if (literal.ok()) return;
  auto param = params.find(*text);
  if (param != params.end()) {
    Result<Duration> value = param->is_string() ? ParseDuration(param->get<std::string>())
                                                : Result<Duration>(InvalidArgument("not a string"));
    if (!value.ok()) at.Report(key, key + ": param '" + *text + "' is not a duration");
    return;
  }
  if (IsName(*text)) {
    at.Report(key, key + ": '" + *text + "' is neither a duration nor a param" +
                       Suggestion(*text, Keys(params)));
    return;
  }
  at.Report(key, key + ": " + literal.status().message());
}

void ReadEffects(const Json& value, const KeyPath& path, int line, const std::string& context,
                 const EffectScope& scope, Diagnostics* sink, std::vector<Effect>* out) {
  if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) {
      KeyPath item = path;
      item.push_back(std::to_string(i + 1));
      ReadEffects(value[i], item, line, context, scope, sink, out);
    }
    return;
  }
  Effect effect;
  effect.pos = sink->Pos(path, LineOf(value, line));
  if (IsFunction(value)) {
    effect.function = {value["$function"].get<int>(), sink->Pos(path, LineOf(value, line))};
    out->push_back(std::move(effect));
    return;
  }
  if (value.is_object() && value.size() == 0) return;  // {} is an empty list
  std::string kind = KindOf(value);
  const auto& names = EffectConstructors();
  auto it = std::find(names.begin(), names.end(), kind);
  if (it == names.end()) {
    sink->Add(path, line, context,
              "expected an effect (task, timer, cancel, notify, set, decide, start, pause, "
              "resume, emit) or a function, not a " +
                  (kind.empty() ? LuaTypeName(value) : kind + " { ... }"));
    return;
  }
  effect.kind = kKinds[it - names.begin()];
  std::string label = context + ": " + kind;
  if (value.contains("key") && value["key"].is_string())
    label += " '" + value["key"].get<std::string>() + "'";
  ReadOne(Checker{sink, value, path, LineOf(value, line), label}, kind, scope, &effect);
  out->push_back(std::move(effect));
}

}  // namespace souhra
