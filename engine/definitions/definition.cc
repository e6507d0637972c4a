#include "engine/definitions/definition.h"

#include <string_view>

namespace souhra {

std::string SourcePos::ToString() const {
  if (line <= 0) return file;
  return file + ":" + std::to_string(line);
}

const char* EffectKindName(EffectKind kind) {
  switch (kind) {
    case EffectKind::kTask:
      return "task";
    case EffectKind::kTimer:
      return "timer";
    case EffectKind::kCancel:
      return "cancel";
    case EffectKind::kNotify:
      return "notify";
    case EffectKind::kSet:
      return "set";
    case EffectKind::kDecide:
      return "decide";
    case EffectKind::kStart:
      return "start";
    case EffectKind::kRun:
      return "run";
    case EffectKind::kPause:
      return "pause";
    case EffectKind::kResume:
      return "resume";
    case EffectKind::kEmit:
      return "emit";
  }
  return "run";
}

namespace {

// "task.step_*.overdue" matches "task.step_3.overdue": one `*` stands for one or more characters.
bool MatchesPattern(const std::string& pattern, const std::string& type) {
  const size_t star = pattern.find('*');
  if (star == std::string::npos || type.size() <= pattern.size() - 1) return false;
  const std::string_view prefix(pattern.data(), star);
  const std::string_view suffix(pattern.data() + star + 1, pattern.size() - star - 1);
  return type.starts_with(prefix) && type.ends_with(suffix);
}

}  // namespace

const std::vector<Transition>* State::TransitionsFor(const std::string& event_type) const {
  if (auto exact = on.find(event_type); exact != on.end()) return &exact->second;
  for (const auto& [pattern, alternatives] : on) {
    if (MatchesPattern(pattern, event_type)) return &alternatives;
  }
  return nullptr;
}

const State* Workflow::FindState(const std::string& state_name) const {
  auto it = states.find(state_name);
  return it == states.end() ? nullptr : &it->second;
}

const StepDeclaration* Workflow::FindEvent(const std::string& type) const {
  auto it = events.find(type);
  return it == events.end() ? nullptr : &it->second;
}

}  // namespace souhra
