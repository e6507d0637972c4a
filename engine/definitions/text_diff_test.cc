#include "engine/definitions/text_diff.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

TEST(TextDiffTest, IdenticalTextsHaveNoHunks) {
  TextDiff diff = DiffLines("a\nb\n", "a\nb\n");
  EXPECT_TRUE(diff.identical());
  EXPECT_EQ(UnifiedDiff(diff, "a", "b"), "");
}

TEST(TextDiffTest, ChangedLineWithContextAndLineNumbers) {
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  TextDiff diff = DiffLines(before, after, 2);
  ASSERT_EQ(diff.hunks.size(), 1u);
  const DiffHunk& hunk = diff.hunks[0];
  EXPECT_EQ(hunk.old_start, 3);
  EXPECT_EQ(hunk.old_count, 5);
  EXPECT_EQ(hunk.new_start, 3);
  EXPECT_EQ(hunk.new_count, 5);
  ASSERT_EQ(hunk.lines.size(), 6u);
  EXPECT_EQ(hunk.lines[2].kind, DiffKind::kRemoved);
  EXPECT_EQ(hunk.lines[2].old_line, 5);
  EXPECT_EQ(hunk.lines[2].text, "5");
  EXPECT_EQ(hunk.lines[3].kind, DiffKind::kAdded);
  EXPECT_EQ(hunk.lines[3].new_line, 5);
  EXPECT_EQ(hunk.lines[3].text, "five");
  EXPECT_EQ(diff.added, 1);
  EXPECT_EQ(diff.removed, 1);
  EXPECT_EQ(UnifiedDiff(diff, "v1", "v2"),
            "--- v1\n+++ v2\n@@ -3,5 +3,5 @@\n 3\n 4\n-5\n+five\n 6\n 7\n");
}

TEST(TextDiffTest, DistantChangesMakeSeparateHunksCloseOnesShareOne) {
  std::string before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
  TextDiff apart = DiffLines(before, "A\nb\nc\nd\ne\nf\ng\nh\ni\nJ\n", 1);
  ASSERT_EQ(apart.hunks.size(), 2u);
  EXPECT_EQ(apart.hunks[1].old_start, 9);
  TextDiff close = DiffLines(before, "A\nb\nc\nD\ne\nf\ng\nh\ni\nj\n", 1);
  EXPECT_EQ(close.hunks.size(), 1u);
}

TEST(TextDiffTest, InsertionIntoEmptyAndDeletionOfAll) {
  TextDiff added = DiffLines("", "x\ny\n");
  ASSERT_EQ(added.hunks.size(), 1u);
  EXPECT_EQ(UnifiedDiff(added, "a", "b"), "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n");
  TextDiff removed = DiffLines("x\ny\n", "");
  EXPECT_EQ(UnifiedDiff(removed, "a", "b"), "--- a\n+++ b\n@@ -1,2 +0,0 @@\n-x\n-y\n");
}

TEST(TextDiffTest, PureInsertionStartsAfterThePrecedingLine) {
  TextDiff diff = DiffLines("a\nb\n", "a\nnew\nb\n", 0);
  ASSERT_EQ(diff.hunks.size(), 1u);
  EXPECT_EQ(diff.hunks[0].old_start, 1);
  EXPECT_EQ(diff.hunks[0].old_count, 0);
  EXPECT_EQ(diff.hunks[0].new_start, 2);
  EXPECT_EQ(diff.hunks[0].new_count, 1);
}

}  // namespace
}  // namespace souhra
