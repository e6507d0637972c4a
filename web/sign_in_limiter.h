// Login rate limiting: after too many failed sign-ins for one login or from one client address
// within a window, further attempts are refused until the oldest failure leaves the window.
//
// Kept in memory: a restart forgets failures, which costs an attacker one restart per window,
// not a way in. Thread-safe.
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

#include "engine/clock.h"

namespace souhra {

struct SignInLimits {
  int max_failures = 5;              // per login
  int max_failures_per_client = 20;  // per address: an office behind one NAT shares it
  std::chrono::milliseconds window = std::chrono::minutes(15);
};

class SignInLimiter {
 public:
  SignInLimiter(const Clock& clock, SignInLimits limits) : clock_(clock), limits_(limits) {}

  // 0 when an attempt for `login` from `client` may proceed; otherwise how many seconds until
  // it may (for Retry-After).
  int64_t RetryAfterSeconds(const std::string& login, const std::string& client);
  void RecordFailure(const std::string& login, const std::string& client);
  // A successful sign-in clears the login's failures (not the address's).
  void RecordSuccess(const std::string& login);

 private:
  int64_t BlockedFor(std::deque<Instant>& failures, int max_failures, Instant now);

  const Clock& clock_;
  SignInLimits limits_;
  std::mutex mu_;
  std::map<std::string, std::deque<Instant>> by_key_;  // "login:<l>" and "client:<addr>"
};

}  // namespace souhra
