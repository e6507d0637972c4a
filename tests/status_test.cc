#include "engine/status.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

Result<int> Half(int n) {
  if (n % 2 != 0) return InvalidArgument("odd number " + std::to_string(n));
  return n / 2;
}

Status Quarter(int n, int* out) {
  SOUHRA_ASSIGN_OR_RETURN(int half, Half(n));
  SOUHRA_ASSIGN_OR_RETURN(*out, Half(half));
  return Status::Ok();
}

TEST(Status, ToStringNamesTheCode) {
  EXPECT_EQ(Conflict("not here").ToString(), "conflict: not here");
  EXPECT_EQ(Status::Ok().ToString(), "ok");
}

TEST(Status, AssignOrReturnPropagatesTheFirstError) {
  int out = 0;
  EXPECT_TRUE(Quarter(8, &out).ok());
  EXPECT_EQ(out, 2);
  Status s = Quarter(6, &out);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "odd number 3");
}

}  // namespace
}  // namespace souhra
