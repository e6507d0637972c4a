#include "engine/time/written_time.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

std::string Read(const std::string& text) {
  Instant t;
  return ParseWrittenTime(text, &t) ? FormatUtc(t) : "refused";
}

// The conference workflow once read "…T10:00:00.000+01:00" as 10:00 UTC (an hour late) and
// "…T11:30+01:00" as 11:30:01 UTC.
TEST(WrittenTime, OffsetsFractionsAndMissingSecondsAreRead) {
  EXPECT_EQ(Read("2026-12-10T10:00:00.000+01:00"), "2026-12-10T09:00:00.000Z");
  EXPECT_EQ(Read("2026-12-10T11:30+01:00"), "2026-12-10T10:30:00.000Z");
  EXPECT_EQ(Read("2026-05-12T09:00:00Z"), "2026-05-12T09:00:00.000Z");
  EXPECT_EQ(Read("2026-05-12T09:00:00.250z"), "2026-05-12T09:00:00.250Z");
  EXPECT_EQ(Read("2026-05-12T10:00:00-02:30"), "2026-05-12T12:30:00.000Z");
}

TEST(WrittenTime, ATimeWithoutOffsetIsPragueTime) {
  EXPECT_EQ(Read("2026-12-10T10:00"), "2026-12-10T09:00:00.000Z");     // winter, +01:00
  EXPECT_EQ(Read("2026-06-10 10:00:00"), "2026-06-10T08:00:00.000Z");  // summer, +02:00
  EXPECT_EQ(Read("2026-10-25T02:30"), "2026-10-25T00:30:00.000Z");     // repeated: the first
  EXPECT_EQ(Read("2026-03-29T02:30"), "refused");                      // skipped in spring
}

TEST(WrittenTime, AnythingElseIsRefused) {
  for (const char* wrong : {"", "10:00", "2026-12-10", "2026-12-10T25:00", "2026-02-30T10:00",
                            "2026-12-10T10:00:00+01:00 navíc", "zítra v deset"}) {
    EXPECT_EQ(Read(wrong), "refused") << wrong;
  }
}

}  // namespace
}  // namespace souhra
