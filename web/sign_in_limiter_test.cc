// The sign-in limit: reserved before the password check, confirmed or released after it.
#include "web/sign_in_limiter.h"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "adapters/sqlite/access_store.h"
#include "tests/fakes/fake_clock.h"
#include "tests/fakes/temp_dir.h"

namespace souhra {
namespace {

class SignInLimiterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SqliteOptions options;
    options.path = dir_.File("souhra.db");
    access_ = std::move(OpenSqliteAccessStore(options).value());
    limiter_.emplace(*access_, clock_, SignInLimits());
  }

  testing::TempDir dir_;
  FakeClock clock_{FromMillis(1775030400000)};
  std::unique_ptr<AccessStore> access_;
  std::optional<SignInLimiter> limiter_;
};

TEST_F(SignInLimiterTest, AttemptsInFlightCountAgainstTheLimitUntilSettled) {
  std::vector<SignInLimiter::Attempt> in_flight;
  for (int i = 0; i < 5; ++i) {
    Result<SignInLimiter::Attempt> attempt =
        limiter_->Begin("demo/cerna", "10.0.0." + std::to_string(i));
    ASSERT_TRUE(attempt.ok()) << attempt.status().ToString();
    in_flight.push_back(std::move(attempt).value());
  }
  Result<SignInLimiter::Attempt> sixth = limiter_->Begin("demo/cerna", "10.0.0.9");
  ASSERT_FALSE(sixth.ok());
  EXPECT_EQ(sixth.status().code(), StatusCode::kRateLimited);
  EXPECT_EQ(sixth.status().retry_after_seconds(), 1);

  in_flight.pop_back();  // never checked: its reservation goes
  EXPECT_TRUE(limiter_->Begin("demo/cerna", "10.0.0.9").ok());
}

TEST_F(SignInLimiterTest, ConfirmedFailuresBlockTheLoginForTheWindowAndSuccessClearsThem) {
  for (int i = 0; i < 5; ++i) {
    Result<SignInLimiter::Attempt> attempt = limiter_->Begin("demo/cerna", "10.0.0.1");
    ASSERT_TRUE(attempt.ok());
    ASSERT_TRUE(attempt->Fail().ok());
    clock_.Advance(std::chrono::minutes(1));
  }
  Result<SignInLimiter::Attempt> blocked = limiter_->Begin("demo/cerna", "10.0.0.2");
  ASSERT_FALSE(blocked.ok());
  // The first failure leaves the 15-minute window 10 minutes from now.
  EXPECT_EQ(blocked.status().retry_after_seconds(), 600);
  EXPECT_NE(blocked.status().message().find("zkuste to za 10 min"), std::string::npos)
      << blocked.status().message();
  EXPECT_TRUE(limiter_->Begin("demo/jina", "10.0.0.2").ok()) << "another login is not blocked";

  clock_.Advance(std::chrono::minutes(10));
  Result<SignInLimiter::Attempt> later = limiter_->Begin("demo/cerna", "10.0.0.2");
  ASSERT_TRUE(later.ok()) << later.status().ToString();
  ASSERT_TRUE(later->Succeed().ok());
  EXPECT_TRUE(access_->SignInFailuresSince("login:demo/cerna", FromMillis(0))->empty());
}

TEST_F(SignInLimiterTest, OneAddressIsLimitedAcrossLogins) {
  for (int i = 0; i < 20; ++i) {
    Result<SignInLimiter::Attempt> attempt =
        limiter_->Begin("demo/login" + std::to_string(i), "10.0.0.1");
    ASSERT_TRUE(attempt.ok()) << i;
    ASSERT_TRUE(attempt->Fail().ok());
  }
  EXPECT_FALSE(limiter_->Begin("demo/dalsi", "10.0.0.1").ok());
  EXPECT_TRUE(limiter_->Begin("demo/dalsi", "10.0.0.2").ok());
}

TEST_F(SignInLimiterTest, FailuresOlderThanTheWindowArePruned) {
  Result<SignInLimiter::Attempt> old = limiter_->Begin("demo/cerna", "10.0.0.1");
  ASSERT_TRUE(old.ok());
  ASSERT_TRUE(old->Fail().ok());
  clock_.Advance(std::chrono::minutes(16));
  Result<SignInLimiter::Attempt> recent = limiter_->Begin("demo/jina", "10.0.0.2");
  ASSERT_TRUE(recent.ok());
  ASSERT_TRUE(recent->Fail().ok());
  EXPECT_TRUE(access_->SignInFailuresSince("login:demo/cerna", FromMillis(0))->empty());
  EXPECT_EQ(access_->SignInFailuresSince("login:demo/jina", FromMillis(0))->size(), 1u);
}

}  // namespace
}  // namespace souhra
