#include "engine/definitions/source_map.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

const char* kSource = R"(-- a comment with { braces }
local helper = { ignored = true }
--[==[ a long
comment ]==]
return workflow {
  name = "w",
  title = [[long
string { not a table }]],
  states = {
    waiting = {
      enter = { task { key = "review" }, timer { key = "t" } },
      on = {
        ["task.review.done"] = {
          go = "waiting",
          when = function(case, event)
            if case.data.x then return { go = "nope" } end
            return true
          end,
        },
        ['timer.t'] = { { go = "done" }, { go = "waiting" } },
      },
    },
    done = { final = true },
  },
}
)";

TEST(SourceMap, FindsNamedAndBracketedKeys) {
  SourceMap map = SourceMap::Build(kSource);
  EXPECT_EQ(map.Line({"name"}), 6);
  EXPECT_EQ(map.Line({"states"}), 9);
  EXPECT_EQ(map.Line({"states", "waiting", "on", "task.review.done", "go"}), 14);
  EXPECT_EQ(map.Line({"states", "waiting", "on", "task.review.done", "when"}), 15);
  EXPECT_EQ(map.Line({"states", "done", "final"}), 23);
}

TEST(SourceMap, FindsPositionalItems) {
  SourceMap map = SourceMap::Build(kSource);
  EXPECT_EQ(map.Line({"states", "waiting", "enter", "2", "key"}), 11);
  EXPECT_EQ(map.Line({"states", "waiting", "on", "timer.t", "2", "go"}), 20);
}

TEST(SourceMap, SkipsStringsCommentsAndFunctionBodies) {
  SourceMap map = SourceMap::Build(kSource);
  EXPECT_EQ(map.Line({"ignored"}), 5);  // the local table is not part of the returned value
  EXPECT_EQ(map.Line({"states", "done"}), 23);
  EXPECT_EQ(map.return_line(), 5);
}

TEST(SourceMap, FallsBackToTheNearestEnclosingKey) {
  SourceMap map = SourceMap::Build(kSource);
  EXPECT_EQ(map.Line({"states", "waiting", "on", "task.review.done", "run", "1"}), 13);
  EXPECT_EQ(SourceMap::Build("x = 1").Line({"a"}), 0);
}

}  // namespace
}  // namespace souhra
