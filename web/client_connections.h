// How many connections each client address holds open, and a cap on it. httplib serves each
// connection on a worker thread of its own for as long as it stays open, so one address that
// opens many (slow) connections could take every worker; the cap leaves the rest to others.
// Thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace souhra {

class ClientConnections {
 public:
  // At most `max_per_client` open connections per address; 0: no cap.
  explicit ClientConnections(size_t max_per_client) : max_per_client_(max_per_client) {}

  // One admitted connection; it no longer counts once destroyed. Move-only.
  class Admission {
   public:
    Admission(Admission&& other) noexcept
        : connections_(std::exchange(other.connections_, nullptr)),
          address_(std::move(other.address_)) {}
    Admission& operator=(Admission&&) = delete;
    ~Admission();

   private:
    friend class ClientConnections;
    Admission(ClientConnections* connections, std::string address)
        : connections_(connections), address_(std::move(address)) {}
    ClientConnections* connections_;
    std::string address_;
  };

  // Admits one more connection from `address`, or nullopt when it already holds the cap.
  std::optional<Admission> Admit(const std::string& address);
  // Connections `address` holds open now.
  size_t OpenFrom(const std::string& address);

 private:
  size_t max_per_client_;
  std::mutex mu_;
  std::map<std::string, size_t> open_;  // absent: none
};

}  // namespace souhra
