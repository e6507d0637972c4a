#include "app/latency_histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace souhra {

// Values below 2^kSubBits get a bucket each; above, each power of two is split into
// 2^kSubBits equal buckets.
int LatencyHistogram::BucketOf(uint64_t value) {
  constexpr uint64_t kSub = uint64_t{1} << kSubBits;
  if (value < kSub) return static_cast<int>(value);
  const int top = std::bit_width(value) - 1;  // >= kSubBits
  const int shift = top - kSubBits;
  const uint64_t sub = (value >> shift) - kSub;  // 0 .. kSub-1
  return static_cast<int>(((shift + 1) << kSubBits) + sub);
}

int64_t LatencyHistogram::UpperBoundOf(int bucket) {
  constexpr int64_t kSub = int64_t{1} << kSubBits;
  if (bucket < kSub) return bucket;
  const int shift = (bucket >> kSubBits) - 1;
  const int64_t sub = bucket & (kSub - 1);
  return ((kSub + sub + 1) << shift) - 1;
}

void LatencyHistogram::Record(int64_t micros) {
  micros = std::max<int64_t>(micros, 0);
  counts_[BucketOf(static_cast<uint64_t>(micros))] += 1;
  count_ += 1;
  max_ = std::max(max_, micros);
}

void LatencyHistogram::Merge(const LatencyHistogram& other) {
  for (int i = 0; i < kBuckets; ++i) counts_[i] += other.counts_[i];
  count_ += other.count_;
  max_ = std::max(max_, other.max_);
}

int64_t LatencyHistogram::Percentile(double fraction) const {
  if (count_ == 0) return 0;
  const auto wanted = static_cast<int64_t>(std::ceil(fraction * static_cast<double>(count_)));
  int64_t seen = 0;
  for (int i = 0; i < kBuckets; ++i) {
    seen += counts_[i];
    if (seen >= std::max<int64_t>(wanted, 1)) return std::min(UpperBoundOf(i), max_);
  }
  return max_;
}

}  // namespace souhra
