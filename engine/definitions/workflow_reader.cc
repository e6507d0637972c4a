#include "engine/definitions/workflow_reader.h"

#include <deque>
#include <set>

#include "engine/definitions/actor_reach.h"
#include "engine/definitions/effect_reader.h"
#include "engine/definitions/message_template.h"
#include "engine/definitions/step_reader.h"

namespace souhra {
namespace {

std::string Quote(const std::string& s) { return "'" + s + "'"; }

KeyPath Child(KeyPath path, const std::string& key) {
  path.push_back(key);
  return path;
}

ScriptFunction Function(const Json& value, const SourcePos& pos) {
  return {value["$function"].get<int>(), pos};
}

void ReadTransition(const Checker& at, const EffectScope& scope, Transition* t) {
  at.Keys({"go", "when", "run"});
  t->pos = at.sink->Pos(at.path, at.line);
  if (const std::string* go = at.String("go", false)) t->go = *go;
  auto when = at.obj.find("when");
  if (when != at.obj.end()) {
    if (IsFunction(*when))
      t->when = Function(*when, at.sink->Pos(at.At("when"), at.line));
    else
      at.Report("when", "'when' must be a function, not a " + LuaTypeName(*when));
  }
  auto run = at.obj.find("run");
  if (run != at.obj.end()) {
    ReadEffects(*run, at.At("run"), at.line, at.context + ": run", scope, at.sink, &t->run);
  }
}

void ReadOn(const Checker& state, const Json& on, const EffectScope& scope, State* out) {
  for (const auto& [event, value] : on.items()) {
    KeyPath path = Child(state.At("on"), event);
    std::string context = state.context + ": event " + Quote(event);
    std::vector<Transition>& alternatives = out->on[event];
    bool list = value.is_array();
    for (size_t i = 0; i < (list ? value.size() : 1); ++i) {
      const Json& item = list ? value[i] : value;
      KeyPath item_path = list ? Child(path, std::to_string(i + 1)) : path;
      if (!item.is_object() || IsFunction(item) || !KindOf(item).empty()) {
        state.sink->Add(item_path, state.line, context,
                        "expected a transition { go = ..., when = ..., run = ... }");
        continue;
      }
      alternatives.emplace_back();
      ReadTransition(Checker{state.sink, item, item_path, state.line, context}, scope,
                     &alternatives.back());
    }
  }
}

void ReadState(const Checker& at, const EffectScope& scope, State* out) {
  at.Keys({"title", "final", "enter", "exit", "on"});
  out->pos = at.sink->Pos(at.path, at.line);
  if (const std::string* title = at.String("title", false)) out->title = *title;
  out->final = at.Boolean("final", false);
  for (const char* when : {"enter", "exit"}) {
    auto it = at.obj.find(when);
    auto* list = std::string(when) == "enter" ? &out->enter : &out->exit;
    if (it != at.obj.end()) {
      ReadEffects(*it, at.At(when), at.line, at.context + ": " + when, scope, at.sink, list);
    }
  }
  if (const Json* on = at.Table("on", false)) {
    if (out->final && !on->empty()) at.Report("on", "a final state must not have 'on'");
    ReadOn(at, *on, scope, out);
  }
}

std::vector<std::string> StateNames(const Workflow& w) {
  std::vector<std::string> names;
  for (const auto& [name, state] : w.states) names.push_back(name);
  return names;
}

void CheckTargets(const Workflow& w, Diagnostics* sink) {
  for (const auto& [name, state] : w.states) {
    for (const auto& [event, alternatives] : state.on) {
      for (const Transition& t : alternatives) {
        if (t.go.empty() || w.states.count(t.go)) continue;
        sink->AddAt(t.pos, "state " + Quote(name) + ": event " + Quote(event) +
                               ": unknown target " + Quote(t.go) + Suggestion(t.go, StateNames(w)));
      }
    }
  }
}

void CheckReachable(const Workflow& w, Diagnostics* sink) {
  std::set<std::string> seen = {w.initial};
  std::deque<std::string> queue = {w.initial};
  while (!queue.empty()) {
    const State* state = w.FindState(queue.front());
    queue.pop_front();
    if (!state) continue;
    for (const auto& [event, alternatives] : state->on) {
      for (const Transition& t : alternatives) {
        if (!t.go.empty() && seen.insert(t.go).second) queue.push_back(t.go);
      }
    }
  }
  for (const auto& [name, state] : w.states) {
    if (!seen.count(name)) {
      sink->AddAt(state.pos, "state " + Quote(name) + ": unreachable from the initial state " +
                                 Quote(w.initial));
    }
  }
}

// Checks that task.<k>.done|overdue and timer.<k> name a task or timer some effect creates.
void CheckEventSources(const Workflow& w, Diagnostics* sink) {
  std::set<std::string> keys[2];  // tasks, timers
  auto collect = [&](const std::vector<Effect>& effects) {
    for (const Effect& e : effects) {
      if (e.kind == EffectKind::kTask) keys[0].insert(e.key);
      if (e.kind == EffectKind::kTimer) keys[1].insert(e.key);
    }
  };
  for (const auto& [name, state] : w.states) {
    collect(state.enter);
    collect(state.exit);
    for (const auto& [event, alternatives] : state.on) {
      for (const Transition& t : alternatives) collect(t.run);
    }
  }
  for (const auto& [name, state] : w.states) {
    for (const auto& [event, alternatives] : state.on) {
      std::string key;
      int which = -1;
      for (const char* suffix : {".done", ".overdue"}) {
        if (event.starts_with("task.") && event.ends_with(suffix) &&
            event.size() > 5 + std::string(suffix).size()) {
          which = 0;
          key = event.substr(5, event.size() - 5 - std::string(suffix).size());
        }
      }
      if (event.starts_with("timer.") && event.size() > 6) which = 1, key = event.substr(6);
      // A pattern ("step_*") names tasks a function creates, which the validator cannot see.
      if (which < 0 || keys[which].count(key) ||
          (which == 0 && key.find('*') != std::string::npos)) {
        continue;
      }
      const char* what = which == 0 ? "task" : "timer";
      const SourcePos& pos = alternatives.empty() ? state.pos : alternatives.front().pos;
      sink->AddAt(pos, "state " + Quote(name) + ": event " + Quote(event) + ": no " + what + " " +
                           Quote(key) + " is created in this workflow" +
                           Suggestion(key, {keys[which].begin(), keys[which].end()}));
    }
  }
}

void ReadTemplates(const Checker& at, const Json& templates, Workflow* out) {
  for (const auto& [name, value] : templates.items()) {
    Checker t{at.sink, value, Child(at.At("templates"), name), LineOf(value, at.line),
              "template " + Quote(name)};
    if (!value.is_object()) {
      t.Report("", "expected a table { title = ..., body = ... }");
      continue;
    }
    t.Keys({"title", "body", "urgent"});
    for (const char* field : {"title", "body"}) {
      const std::string* text = t.String(field, true);
      if (text == nullptr) continue;
      for (const std::string& problem : CheckTemplateText(*text)) t.Report(field, problem);
    }
    // Urgent messages (escalations) go out at once, never held for a daily digest.
    const bool urgent = t.Boolean("urgent", false);
    out->templates[name] = Json{
        {"title", value.value("title", "")}, {"body", value.value("body", "")}, {"urgent", urgent}};
  }
}

Json Params(const Checker& at) {
  Json params = Json::object();
  if (const Json* p = at.Table("params", false)) {
    for (const auto& [name, value] : p->items()) {
      if (value.is_object() || value.is_array()) {
        at.sink->Add(Child(at.At("params"), name), at.line, "param " + Quote(name),
                     "must be a string, number or boolean, not a " + LuaTypeName(value));
      } else {
        params[name] = value;
      }
    }
  }
  return params;
}

}  // namespace

void ReadWorkflow(const Json& value, const ValidationContext& context, Diagnostics* sink,
                  Workflow* out) {
  Checker at{sink, value, {}, LineOf(value, 1), "workflow"};
  at.Keys({"name", "title", "params", "templates", "initial", "states", "events", "referral",
           "owns", "notifies_actors"});
  if (const std::string* name = at.String("name", true)) out->name = *name;
  if (const std::string* title = at.String("title", false)) out->title = *title;
  out->params = Params(at);
  if (const Json* templates = at.Table("templates", false)) ReadTemplates(at, *templates, out);
  const std::string* initial = at.String("initial", true);
  const Json* states = at.Table("states", true);
  if (!states) return;
  EffectScope scope{out->params, out->templates, context};
  for (const auto& [name, state] : states->items()) {
    Checker s{sink, state, Child(at.At("states"), name), at.line, "state " + Quote(name)};
    if (!state.is_object() || IsFunction(state)) {
      s.Report("", "expected a table { title = ..., on = { ... } }");
      continue;
    }
    out->states[name].name = name;
    ReadState(s, scope, &out->states[name]);
  }
  if (!initial) return;
  out->initial = *initial;
  if (!out->states.count(*initial)) {
    at.Report("initial", "initial state " + Quote(*initial) + " is not a state" +
                             Suggestion(*initial, StateNames(*out)));
    return;
  }
  CheckTargets(*out, sink);
  CheckReachable(*out, sink);
  CheckEventSources(*out, sink);
  ReadStepDeclarations(at, out);
  CheckOwnership(*out, sink);
  out->notifies_actors = at.Boolean("notifies_actors", false) || DeclaresActorReach(*out);
  CheckMeetingSources(*out, sink);
}

}  // namespace souhra
