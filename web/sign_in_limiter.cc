#include "web/sign_in_limiter.h"

#include <algorithm>

namespace souhra {
namespace {

std::string LoginKey(const std::string& login) { return "login:" + login; }
std::string ClientKey(const std::string& client) { return "client:" + client; }

// Attempts still being checked finish within seconds; then their outcome decides.
constexpr int64_t kPendingWaitSeconds = 1;

}  // namespace

Result<int64_t> SignInLimiter::WaitFor(const std::string& key, int max_failures, Instant now) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<Instant> failures,
                          store_.SignInFailuresSince(key, now - limits_.window));
  const int stored = static_cast<int>(failures.size());
  const auto pending = pending_.find(key);
  const int reserved = pending == pending_.end() ? 0 : pending->second;
  if (stored + reserved < max_failures) return int64_t{0};
  if (stored < max_failures) return kPendingWaitSeconds;
  // The count drops below the limit when this failure leaves the window.
  const Instant frees = failures[stored - max_failures] + limits_.window;
  return std::max<int64_t>(1, std::chrono::ceil<std::chrono::seconds>(frees - now).count());
}

Result<SignInLimiter::Attempt> SignInLimiter::Begin(const std::string& login,
                                                    const std::string& client) {
  std::string login_key = LoginKey(login);
  std::string client_key = ClientKey(client);
  std::lock_guard<std::mutex> lock(mu_);
  const Instant now = clock_.Now();
  SOUHRA_ASSIGN_OR_RETURN(int64_t login_wait, WaitFor(login_key, limits_.max_failures, now));
  SOUHRA_ASSIGN_OR_RETURN(int64_t client_wait,
                          WaitFor(client_key, limits_.max_failures_per_client, now));
  if (const int64_t wait = std::max(login_wait, client_wait); wait > 0) {
    return RateLimited("Příliš mnoho neúspěšných přihlášení; zkuste to za " +
                           std::to_string((wait + 59) / 60) + " min.",
                       wait);
  }
  ++pending_[login_key];
  ++pending_[client_key];
  return Attempt(this, std::move(login_key), std::move(client_key));
}

void SignInLimiter::Release(const std::string& key) {
  auto pending = pending_.find(key);
  if (pending != pending_.end() && --pending->second <= 0) pending_.erase(pending);
}

SignInLimiter::Attempt::Attempt(Attempt&& other) noexcept
    : limiter_(std::exchange(other.limiter_, nullptr)),
      login_key_(std::move(other.login_key_)),
      client_key_(std::move(other.client_key_)) {}

SignInLimiter::Attempt::~Attempt() {
  if (limiter_ == nullptr) return;
  std::lock_guard<std::mutex> lock(limiter_->mu_);
  limiter_->Release(login_key_);
  limiter_->Release(client_key_);
}

Status SignInLimiter::Attempt::Fail() {
  SignInLimiter* limiter = std::exchange(limiter_, nullptr);
  const Instant now = limiter->clock_.Now();
  // Stored before the reservation goes, so that the failure counts all along.
  Status stored = limiter->store_.AddSignInFailures({login_key_, client_key_}, now);
  if (stored.ok()) stored = limiter->store_.PruneSignInFailures(now - limiter->limits_.window);
  std::lock_guard<std::mutex> lock(limiter->mu_);
  limiter->Release(login_key_);
  limiter->Release(client_key_);
  return stored;
}

Status SignInLimiter::Attempt::Succeed() {
  SignInLimiter* limiter = std::exchange(limiter_, nullptr);
  Status cleared = limiter->store_.ClearSignInFailures(login_key_);
  std::lock_guard<std::mutex> lock(limiter->mu_);
  limiter->Release(login_key_);
  limiter->Release(client_key_);
  return cleared;
}

}  // namespace souhra
