#include "web/diagram_cache.h"

namespace souhra {

std::optional<std::string> DiagramCache::Find(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = svg_by_key_.find(key);
  if (it == svg_by_key_.end()) return std::nullopt;
  return it->second;
}

void DiagramCache::Put(const std::string& key, std::string svg) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!svg_by_key_.emplace(key, std::move(svg)).second) return;
  keys_by_age_.push_back(key);
  if (keys_by_age_.size() > capacity_) {
    svg_by_key_.erase(keys_by_age_.front());
    keys_by_age_.pop_front();
  }
}

}  // namespace souhra
