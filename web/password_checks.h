// A bound on password checks running at once. Each Argon2id check takes 64 MiB and a core for a
// fraction of a second (web/credentials.h): a burst of sign-ins, one per worker thread, once
// took the process from 22 MiB to 3.3 GiB. A sign-in takes a slot before it checks a password
// and waits a short while for one; when none frees in time it is refused (429, try again
// shortly) rather than queued without end. Thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <semaphore>
#include <utility>

namespace souhra {

class PasswordChecks {
 public:
  // `slots` checks at once (at least 1); a caller waits at most `wait` for one.
  PasswordChecks(int slots, std::chrono::milliseconds wait);

  // Held while one password is checked; frees the slot when destroyed.
  class Slot {
   public:
    Slot(Slot&& other) noexcept : checks_(std::exchange(other.checks_, nullptr)) {}
    Slot& operator=(Slot&&) = delete;
    ~Slot() {
      if (checks_ != nullptr) checks_->slots_.release();
    }

   private:
    friend class PasswordChecks;
    explicit Slot(PasswordChecks* checks) : checks_(checks) {}
    PasswordChecks* checks_;
  };

  // A slot, or nullopt when none freed within the wait.
  std::optional<Slot> Acquire();

 private:
  std::counting_semaphore<> slots_;
  std::chrono::milliseconds wait_;
};

}  // namespace souhra
