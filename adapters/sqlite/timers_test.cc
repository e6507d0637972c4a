// How the SQLite store finds due timers: a range scan of the timers' primary key. What timers
// do is the WriteTxn and DueWork contracts (tests/contracts/).
#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_test_fixture.h"

namespace souhra::sqlite {
namespace {

using TimersTest = SqliteStoreTest;

TEST_F(TimersTest, DueTimersIsARangeScanOfTheDueIndex) {
  std::string plan = RawQuery(dir_.File("souhra.db"),
                              "EXPLAIN QUERY PLAN SELECT due FROM timers WHERE due <= 5"
                              " ORDER BY due, instance_id, key LIMIT 10",
                              /*column=*/3);
  EXPECT_NE(plan.find("SEARCH timers USING PRIMARY KEY (due<?)"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
}

}  // namespace
}  // namespace souhra::sqlite
