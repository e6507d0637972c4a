#include "engine/definition.h"

namespace souhra {

std::string SourcePos::ToString() const {
  if (line <= 0) return file;
  return file + ":" + std::to_string(line);
}

const char* EffectKindName(EffectKind kind) {
  switch (kind) {
    case EffectKind::kTask: return "task";
    case EffectKind::kTimer: return "timer";
    case EffectKind::kCancel: return "cancel";
    case EffectKind::kNotify: return "notify";
    case EffectKind::kSet: return "set";
    case EffectKind::kDecide: return "decide";
    case EffectKind::kStart: return "start";
    case EffectKind::kRun: return "run";
    case EffectKind::kPause: return "pause";
    case EffectKind::kResume: return "resume";
    case EffectKind::kEmit: return "emit";
  }
  return "run";
}

const State* Workflow::FindState(const std::string& state_name) const {
  auto it = states.find(state_name);
  return it == states.end() ? nullptr : &it->second;
}

}  // namespace souhra
