#include "web/sign_in_limiter.h"

#include <algorithm>

namespace souhra {

int64_t SignInLimiter::BlockedFor(std::deque<Instant>& failures, int max_failures, Instant now) {
  while (!failures.empty() && failures.front() + limits_.window <= now) failures.pop_front();
  if (static_cast<int>(failures.size()) < max_failures) return 0;
  const auto left = failures.front() + limits_.window - now;
  return std::chrono::ceil<std::chrono::seconds>(left).count();
}

int64_t SignInLimiter::RetryAfterSeconds(const std::string& login, const std::string& client) {
  std::lock_guard<std::mutex> lock(mu_);
  const Instant now = clock_.Now();
  return std::max(BlockedFor(by_key_["login:" + login], limits_.max_failures, now),
                  BlockedFor(by_key_["client:" + client], limits_.max_failures_per_client, now));
}

void SignInLimiter::RecordFailure(const std::string& login, const std::string& client) {
  std::lock_guard<std::mutex> lock(mu_);
  const Instant now = clock_.Now();
  by_key_["login:" + login].push_back(now);
  by_key_["client:" + client].push_back(now);
}

void SignInLimiter::RecordSuccess(const std::string& login) {
  std::lock_guard<std::mutex> lock(mu_);
  by_key_.erase("login:" + login);
}

}  // namespace souhra
