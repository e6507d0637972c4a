#include "engine/definitions/actor_reach.h"

#include <functional>

namespace souhra {
namespace {

bool NamesActor(const Json& value) {
  if (value.is_string()) return value.get_ref<const std::string&>().starts_with("actor:");
  if (value.is_array() || value.is_object()) {
    for (const Json& item : value) {
      if (NamesActor(item)) return true;
    }
  }
  return false;
}

bool EffectReachesActors(const Effect& e) {
  if (e.kind == EffectKind::kNotify) {
    return e.args.contains("calendar") || NamesActor(e.args.value("to", Json()));
  }
  // A task's reminders go to its assignee or to the rungs' recipients.
  return e.kind == EffectKind::kTask && (NamesActor(e.args.value("assignee", Json())) ||
                                         NamesActor(e.args.value("remind", Json())));
}

// Calls `visit` with every effect written in the workflow's states.
void ForEachEffect(const Workflow& w, const std::function<void(const Effect&)>& visit) {
  for (const auto& [name, state] : w.states) {
    for (const std::vector<Effect>* effects : {&state.enter, &state.exit}) {
      for (const Effect& e : *effects) visit(e);
    }
    for (const auto& [event, alternatives] : state.on) {
      for (const Transition& t : alternatives) {
        for (const Effect& e : t.run) visit(e);
      }
    }
  }
}

// Every declared step of the workflow, the referral included.
std::vector<const StepDeclaration*> Steps(const Workflow& w) {
  std::vector<const StepDeclaration*> steps;
  for (const auto& [type, declared] : w.events) steps.push_back(&declared);
  if (w.referral) steps.push_back(&*w.referral);
  return steps;
}

int CountFields(const Form& form, FieldType type) {
  int count = 0;
  for (const FormField& f : form.fields) count += f.type == type ? 1 : 0;
  return count;
}

}  // namespace

bool DeclaresActorReach(const Workflow& w) {
  bool reaches = false;
  ForEachEffect(w, [&reaches](const Effect& e) { reaches = reaches || EffectReachesActors(e); });
  return reaches;
}

void CheckMeetingSources(const Workflow& w, Diagnostics* sink) {
  bool has_source = false;
  for (const StepDeclaration* step : Steps(w)) {
    if (!step->form) continue;
    for (FieldType type : {FieldType::kPlace, FieldType::kLink}) {
      const int count = CountFields(*step->form, type);
      has_source = has_source || count > 0;
      if (count > 1) {
        sink->AddAt(step->pos, "step '" + step->type +
                                   "': a form asks for at most one field of type '" +
                                   FieldTypeName(type) + "' (the meeting has one)");
      }
    }
  }
  if (has_source) return;
  ForEachEffect(w, [sink](const Effect& e) {
    if (e.kind != EffectKind::kNotify) return;
    const char* field = e.args.contains("calendar")  ? "calendar"
                        : e.args.contains("meeting") ? "meeting"
                                                     : nullptr;
    if (!field) return;
    sink->AddAt(e.pos,
                "notify: " + std::string(field) +
                    ": a meeting's place and link come only from form fields of type 'place' and "
                    "'link' of the workflow's declared steps (events), and none asks for one; "
                    "data a script sets never reaches the message");
  });
}

}  // namespace souhra
