// Rendered state diagrams, by version and instance counts. A version never changes, so its
// diagram is laid out once (Graphviz is the expensive part) and served again until the counts of
// instances in its states move. Bounded: the oldest entries go first. Thread-safe.
#pragma once

#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace souhra {

class DiagramCache {
 public:
  explicit DiagramCache(size_t capacity = 64) : capacity_(capacity) {}

  // `key` names the tenant, the version's content hash and the counts drawn into it.
  std::optional<std::string> Find(const std::string& key);
  void Put(const std::string& key, std::string svg);

 private:
  const size_t capacity_;
  std::mutex mu_;
  std::map<std::string, std::string> svg_by_key_;  // guarded by mu_
  std::deque<std::string> keys_by_age_;            // guarded by mu_
};

}  // namespace souhra
