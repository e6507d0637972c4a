// Every step the shipped process declares, tried by every role of the municipality on a case that
// names nobody yet: exactly the roles the process gives it may take it (DOMAIN.md: who does what).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "app/text_file.h"
#include "engine/definitions/definition_loader.h"
#include "engine/directory.h"
#include "engine/runtime/permissions.h"
#include "tests/fakes/build_paths.h"

namespace souhra {
namespace {

const std::map<std::string, std::set<std::string>> kWhoTakesWhat = {
    {"intake.assigned", {"head"}},
    {"needs.recorded", {"social_worker"}},
    {"needs.remapped", {"case_manager"}},
    {"eligibility.confirmed", {"coordinator"}},
    {"eligibility.reassess", {"social_worker", "coordinator"}},
    {"consent.recorded", {"social_worker", "case_manager"}},
    {"consent.revoked", {"social_worker", "case_manager", "coordinator"}},
    {"emergency.recorded", {"social_worker", "case_manager", "coordinator"}},
    {"conference.requested", {"case_manager", "coordinator"}},
    {"closure.requested", {"case_manager", "coordinator"}},
    {"case.reopened", {"coordinator"}},
    {"escalation.raised", {"case_manager"}},
    {"escalation.acknowledged", {"coordinator", "head"}},
    {"escalation.resolved", {"coordinator", "head"}},
    {"plan.agreed", {"case_manager"}},
    {"plan.step_done", {"case_manager"}},
    {"conference.scheduled", {"coordinator"}},
    {"conference.reply", {"coordinator"}},
    {"conference.client_reply", {"case_manager", "coordinator"}},
    {"conference.moved", {"coordinator"}},
    {"conference.cancelled", {"coordinator"}},
    {"conference.opened", {"coordinator"}},
    {"conference.concluded", {"coordinator"}},
};

TEST(ShippedSteps, EachStepIsTakenByExactlyTheRolesTheProcessGivesIt) {
  std::set<std::string> seen;
  const std::filesystem::path dir = std::filesystem::path(testing::SourceDir()) / "workflows";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".lua") continue;
    Result<std::string> source = ReadTextFile(entry.path().string());
    ASSERT_TRUE(source.ok()) << entry.path();
    Result<LoadedDefinition> loaded = LoadDefinition(entry.path().filename().string(), *source,
                                                     SandboxLimits{}, ValidationContext{});
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    ASSERT_TRUE(loaded->workflow);
    for (const auto& [type, step] : loaded->workflow->events) {
      seen.insert(type);
      auto expected = kWhoTakesWhat.find(type);
      ASSERT_NE(expected, kWhoTakesWhat.end()) << type << " is new: say here who takes it";
      for (const char* role : kUserRoles) {
        const bool allowed = MayTakeStep(Actor::User("someone", {role}), Json::object(), step).ok();
        EXPECT_EQ(allowed, expected->second.count(role) == 1) << type << " by " << role;
      }
    }
  }
  for (const auto& [type, roles] : kWhoTakesWhat) EXPECT_TRUE(seen.count(type)) << type;
}

}  // namespace
}  // namespace souhra
