#include "app/flags.h"

#include <gtest/gtest.h>

#include <sstream>

namespace souhra {
namespace {

TEST(Flags, ReadsValuesInBothSpellings) {
  Flags flags({"--port", "9090", "--db=x.db", "file.lua"});
  EXPECT_EQ(flags.GetInt("--port", 8080), 9090);
  EXPECT_EQ(flags.Get("--db", "souhra.db"), "x.db");
  EXPECT_EQ(flags.Get("--listen", "127.0.0.1"), "127.0.0.1");
  ASSERT_EQ(flags.positional().size(), 1u);
  std::ostringstream err;
  EXPECT_TRUE(flags.Finish(err));
}

TEST(Flags, ReportsUnknownFlagsAndBadNumbers) {
  Flags flags({"--prot", "9090", "--port", "abc"});
  EXPECT_EQ(flags.GetInt("--port", 8080), 8080);
  std::ostringstream err;
  EXPECT_FALSE(flags.Finish(err));
  EXPECT_EQ(err.str(),
            "souhra: --port expects a whole number, not 'abc'\nsouhra: unknown option --prot\n");
}

}  // namespace
}  // namespace souhra
