// The bound on password checks running at once.
#include "web/password_checks.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

using std::chrono::milliseconds;

TEST(PasswordChecks, ACheckBeyondTheSlotsWaitsThenIsRefused) {
  PasswordChecks checks(2, milliseconds(10));
  std::optional<PasswordChecks::Slot> first = checks.Acquire();
  std::optional<PasswordChecks::Slot> second = checks.Acquire();
  ASSERT_TRUE(first.has_value());
  ASSERT_TRUE(second.has_value());
  EXPECT_FALSE(checks.Acquire().has_value());
  first.reset();
  EXPECT_TRUE(checks.Acquire().has_value()) << "a freed slot is taken again";
}

}  // namespace
}  // namespace souhra
