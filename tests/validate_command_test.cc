// Runs `souhra validate` as a methodologist would, on the shipped and the broken definitions.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <string>

#include "tests/fakes/build_paths.h"

namespace {

int Validate(const std::string& args) {
  std::string command = std::string("cd ") + souhra::testing::SourceDir() + " && " +
                        souhra::testing::SouhraBinary() + " validate " + args + " >/dev/null 2>&1";
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(ValidateCommand, AcceptsTheShippedDefinitions) {
  EXPECT_EQ(Validate("workflows/plan_review.lua rules/cm_eligibility.lua"), 0);
}

TEST(ValidateCommand, RejectsTheBrokenWorkflow) {
  EXPECT_EQ(Validate("workflows/plan_review.lua tests/data/broken_workflow.lua"), 1);
}

TEST(ValidateCommand, UsageErrors) {
  EXPECT_EQ(Validate(""), 2);
  EXPECT_EQ(Validate("no/such/file.lua"), 2);
}

}  // namespace
