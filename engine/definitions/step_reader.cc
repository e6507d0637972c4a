#include "engine/definitions/step_reader.h"

#include <algorithm>

#include "engine/definitions/actor_reach.h"
#include "engine/definitions/definition_loader.h"

namespace souhra {
namespace {

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// The engine's own events are never sent by a person: tasks are completed through their task,
// timers fire, and a case's creation is its referral.
bool IsEngineEvent(const std::string& type) {
  return type.starts_with("task.") || type.starts_with("timer.") || type == "case.created" ||
         type == "workflow.started";
}

void ReadFormAt(const Checker& at, std::optional<Form>* out) {
  auto it = at.obj.find("form");
  if (it == at.obj.end()) return;
  out->emplace();
  ReadForm(Checker{at.sink, *it, at.At("form"), LineOf(*it, at.line), at.context + ": form"},
           &**out);
}

std::vector<std::string> ReadNames(const Checker& at, const std::string& key) {
  std::vector<std::string> names;
  auto it = at.obj.find(key);
  if (it == at.obj.end()) return names;
  if (!it->is_array()) {
    at.Report(key, Quote(key) + " must be a list of names, not a " + LuaTypeName(*it));
    return names;
  }
  for (const Json& name : *it) {
    if (name.is_string() && !name.get_ref<const std::string&>().empty()) {
      names.push_back(name.get<std::string>());
    } else {
      at.Report(key, Quote(key) + " must list names, not a " + LuaTypeName(name));
    }
  }
  return names;
}

void ReadStep(const Checker& at, StepDeclaration* out) {
  at.Keys({"title", "by", "form", "reopens"});
  out->pos = at.sink->Pos(at.path, at.line);
  if (const std::string* title = at.String("title", true)) out->title = *title;
  if (!at.obj.contains("by")) at.Report("", "missing 'by': who may take this step");
  out->by = ReadRoles(at, "by");
  ReadFormAt(at, &out->form);
  out->reopens = ReadNames(at, "reopens");
}

void ReadEvents(const Checker& at, const Json& events, Workflow* out) {
  for (const auto& [type, value] : events.items()) {
    KeyPath path = at.At("events");
    path.push_back(type);
    Checker step{at.sink, value, path, LineOf(value, at.line), "event " + Quote(type)};
    if (!value.is_object() || IsFunction(value)) {
      step.Report("", "expected a table { title = ..., by = { ... }, form = { ... } }");
      continue;
    }
    if (IsEngineEvent(type)) {
      step.Report("", "the engine's own event cannot be declared as a person's step");
      continue;
    }
    StepDeclaration& declared = out->events[type];
    declared.type = type;
    ReadStep(step, &declared);
  }
}

void ReadOwns(const Checker& at, Workflow* out) {
  for (const std::string& field : ReadNames(at, "owns")) {
    if (field.find('.') != std::string::npos) {
      at.Report("owns", "owns names top-level fields of case data, not " + Quote(field));
    } else if (field == kMeetingRecordKey) {
      at.Report("owns", Quote(field) + " is kept by the engine: the place and link people entered");
    } else {
      out->owns.insert(field);
    }
  }
}

// Every declared event must be one some state accepts, or nobody could ever take the step. A
// reopening step is taken on a closed case, where no state runs: it starts its workflows instead.
void CheckDeclaredAccepted(const Checker& at, const Workflow& w) {
  for (const auto& [type, declared] : w.events) {
    if (!declared.reopens.empty()) continue;
    const std::string& event = type;  // clang before 16 cannot capture a structured binding
    bool accepted = std::any_of(w.states.begin(), w.states.end(), [&](const auto& state) {
      return state.second.TransitionsFor(event) != nullptr;
    });
    if (!accepted) {
      at.sink->AddAt(declared.pos,
                     "event " + Quote(type) + ": declared in 'events' but no state accepts it");
    }
  }
}

// A task's `step` names the declared event that does its work.
void CheckTaskSteps(const Workflow& w, const std::vector<Effect>& effects, Diagnostics* sink) {
  for (const Effect& e : effects) {
    if (e.kind != EffectKind::kTask || !e.args.contains("step")) continue;
    const std::string step = e.args.value("step", "");
    if (w.events.count(step)) continue;
    std::vector<std::string> declared;
    for (const auto& [type, d] : w.events) declared.push_back(type);
    sink->AddAt(e.pos, "task " + Quote(e.key) + ": step " + Quote(step) +
                           " is not declared in 'events'" + Suggestion(step, declared));
  }
}

void CheckEffectsOwn(const Workflow& w, const std::vector<Effect>& effects, Diagnostics* sink) {
  for (const Effect& e : effects) {
    std::vector<std::string> paths;
    if (e.kind == EffectKind::kSet) {
      for (const auto& [path, value] : e.args.items()) paths.push_back(path);
    } else if (e.kind == EffectKind::kDecide) {
      paths.push_back(e.args.value("into", e.key));
    }
    for (const std::string& path : paths) {
      const std::string field = OwnedFieldOf(path);
      if (w.owns.count(field)) continue;
      sink->AddAt(e.pos, std::string(EffectKindName(e.kind)) + " " + Quote(path) +
                             ": the workflow does not own " + Quote(field) +
                             " (add it to 'owns' if no other workflow owns it)");
    }
  }
}

}  // namespace

std::vector<std::string> ReadRoles(const Checker& at, const std::string& key) {
  std::vector<std::string> roles = ReadNames(at, key);
  const std::vector<std::string> known(KnownRoles().begin(), KnownRoles().end());
  std::erase_if(roles, [&](const std::string& role) {
    if (KnownRoles().count(role)) return false;
    at.Report(key, "unknown role " + Quote(role) + Suggestion(role, known));
    return true;
  });
  return roles;
}

std::string OwnedFieldOf(const std::string& path) { return path.substr(0, path.find('.')); }

void ReadStepDeclarations(const Checker& at, Workflow* out) {
  if (const Json* events = at.Table("events", false)) ReadEvents(at, *events, out);
  if (const Json* referral = at.Table("referral", false)) {
    Checker step{at.sink, *referral, at.At("referral"), LineOf(*referral, at.line), "referral"};
    out->referral.emplace();
    out->referral->type = "case.created";
    ReadStep(step, &*out->referral);
  }
  ReadOwns(at, out);
  CheckDeclaredAccepted(at, *out);
}

void CheckOwnership(const Workflow& w, Diagnostics* sink) {
  for (const auto& [name, state] : w.states) {
    for (const std::vector<Effect>* effects : {&state.enter, &state.exit}) {
      CheckEffectsOwn(w, *effects, sink);
      CheckTaskSteps(w, *effects, sink);
    }
    for (const auto& [event, alternatives] : state.on) {
      for (const Transition& t : alternatives) {
        CheckEffectsOwn(w, t.run, sink);
        CheckTaskSteps(w, t.run, sink);
      }
    }
  }
}

}  // namespace souhra
