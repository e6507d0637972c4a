// LatencyHistogram: counts latencies in microseconds in log-linear buckets (64 per power of
// two, so a reported percentile is within 1.6 % of the true value) and answers percentiles.
// Fixed memory whatever the count. Not thread-safe: keep one per thread and Merge them.
#pragma once

#include <array>
#include <cstdint>

namespace souhra {

class LatencyHistogram {
 public:
  void Record(int64_t micros);
  void Merge(const LatencyHistogram& other);

  int64_t count() const { return count_; }
  int64_t max() const { return max_; }
  // The smallest bucket bound at or below which `fraction` (0..1) of the values lie; 0 if empty.
  int64_t Percentile(double fraction) const;

 private:
  static constexpr int kSubBits = 6;
  static constexpr int kBuckets = (64 - kSubBits + 1) << kSubBits;
  static int BucketOf(uint64_t value);
  static int64_t UpperBoundOf(int bucket);

  std::array<int64_t, kBuckets> counts_{};
  int64_t count_ = 0;
  int64_t max_ = 0;
};

}  // namespace souhra
