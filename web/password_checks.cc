#include "web/password_checks.h"

#include <algorithm>

namespace souhra {

PasswordChecks::PasswordChecks(int slots, std::chrono::milliseconds wait)
    : slots_(std::max(slots, 1)), wait_(wait) {}

std::optional<PasswordChecks::Slot> PasswordChecks::Acquire() {
  if (!slots_.try_acquire_for(wait_)) return std::nullopt;
  return Slot(this);
}

}  // namespace souhra
