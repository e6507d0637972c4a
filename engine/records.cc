// The small helpers of the store's records (engine/records.h).
#include "engine/records.h"

namespace souhra {

const char* DefinitionStateName(DefinitionState state) {
  switch (state) {
    case DefinitionState::kDraft:
      return "draft";
    case DefinitionState::kActive:
      return "active";
    case DefinitionState::kRetired:
      return "retired";
  }
  return "draft";
}

const char* ActivationStatusName(ActivationStatus status) {
  switch (status) {
    case ActivationStatus::kPending:
      return "pending";
    case ActivationStatus::kApproved:
      return "approved";
    case ActivationStatus::kRefused:
      return "refused";
  }
  return "pending";
}

DefinitionState DefinitionSource::state() const {
  if (active) return DefinitionState::kActive;
  return was_active ? DefinitionState::kRetired : DefinitionState::kDraft;
}

}  // namespace souhra
