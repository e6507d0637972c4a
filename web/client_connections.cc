#include "web/client_connections.h"

namespace souhra {

std::optional<ClientConnections::Admission> ClientConnections::Admit(const std::string& address) {
  std::lock_guard<std::mutex> lock(mu_);
  size_t& open = open_[address];
  if (max_per_client_ > 0 && open >= max_per_client_) {
    if (open == 0) open_.erase(address);
    return std::nullopt;
  }
  ++open;
  return Admission(this, address);
}

size_t ClientConnections::OpenFrom(const std::string& address) {
  std::lock_guard<std::mutex> lock(mu_);
  auto open = open_.find(address);
  return open == open_.end() ? 0 : open->second;
}

ClientConnections::Admission::~Admission() {
  if (connections_ == nullptr) return;
  std::lock_guard<std::mutex> lock(connections_->mu_);
  auto open = connections_->open_.find(address_);
  if (open != connections_->open_.end() && --open->second == 0) connections_->open_.erase(open);
}

}  // namespace souhra
