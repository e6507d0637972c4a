#include "web/diagram_cache.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

TEST(DiagramCacheTest, FindsWhatWasPutUnderItsKey) {
  DiagramCache cache;
  EXPECT_FALSE(cache.Find("demo\nabc").has_value());
  cache.Put("demo\nabc", "<svg>1</svg>");
  EXPECT_EQ(cache.Find("demo\nabc"), "<svg>1</svg>");
  EXPECT_FALSE(cache.Find("demo\nabc\nwaiting=1").has_value());
}

TEST(DiagramCacheTest, KeepsAtMostItsCapacityDroppingTheOldestFirst) {
  DiagramCache cache(2);
  cache.Put("a", "A");
  cache.Put("b", "B");
  cache.Put("a", "A again");  // already there: neither replaced nor counted twice
  cache.Put("c", "C");
  EXPECT_FALSE(cache.Find("a").has_value());
  EXPECT_EQ(cache.Find("b"), "B");
  EXPECT_EQ(cache.Find("c"), "C");
}

}  // namespace
}  // namespace souhra
