// Login rate limiting: at most `max_failures` failed sign-ins per login and
// `max_failures_per_client` per client address within `window`; beyond them attempts are refused
// until the oldest failure leaves the window.
//
// The limit is taken before the (slow) password check, so that parallel attempts cannot race
// it: each attempt reserves a failure for its login and its address, which counts while the
// password is being checked, and then confirms it (wrong password) or releases it (right
// password, or never checked). However many attempts arrive at once, at most `max_failures`
// passwords per login are checked in a window. Confirmed failures are stored in the AccessStore
// (engine/access.h), so a restart keeps them; reservations are in memory. Thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "engine/access.h"
#include "engine/clock.h"

namespace souhra {

struct SignInLimits {
  int max_failures = 5;              // per login
  int max_failures_per_client = 20;  // per address: an office behind one NAT shares it
  std::chrono::milliseconds window = std::chrono::minutes(15);
  // Password checks (Argon2id, 64 MiB each) running at once, and how long a sign-in waits for
  // one to free before it is refused with 429: this bounds the memory a burst of sign-ins takes.
  int concurrent_password_checks = 2;
  std::chrono::milliseconds password_check_wait = std::chrono::seconds(2);
};

class SignInLimiter {
 public:
  // `store` must outlive the limiter.
  SignInLimiter(AccessStore& store, const Clock& clock, SignInLimits limits)
      : store_(store), clock_(clock), limits_(limits) {}

  // One sign-in attempt holding its reservation. Fail() or Succeed() settles it; an attempt
  // destroyed unsettled releases its reservation (the password was never checked). Move-only.
  class Attempt {
   public:
    Attempt(Attempt&& other) noexcept;
    Attempt& operator=(Attempt&&) = delete;
    ~Attempt();
    // The password was wrong: the failure is stored for the login and the address.
    [[nodiscard]] Status Fail();
    // The password was right: the login's failures are forgotten (not the address's).
    [[nodiscard]] Status Succeed();

   private:
    friend class SignInLimiter;
    Attempt(SignInLimiter* limiter, std::string login_key, std::string client_key)
        : limiter_(limiter), login_key_(std::move(login_key)), client_key_(std::move(client_key)) {}

    SignInLimiter* limiter_;  // null once settled
    std::string login_key_;
    std::string client_key_;
  };

  // Reserves an attempt for `login` (tenant/login) from `client` (its address). kRateLimited
  // with a Czech message and the seconds to wait when the login or the address is at its limit;
  // kUnavailable when the stored failures cannot be read.
  Result<Attempt> Begin(const std::string& login, const std::string& client);

 private:
  // Seconds until `key` may try again with `pending` attempts in flight; 0: now.
  Result<int64_t> WaitFor(const std::string& key, int max_failures, Instant now);
  void Release(const std::string& key);

  AccessStore& store_;
  const Clock& clock_;
  SignInLimits limits_;
  std::mutex mu_;  // held while counting and reserving, so that a reservation is atomic
  std::map<std::string, int> pending_;  // reserved attempts by key; absent: none
};

}  // namespace souhra
