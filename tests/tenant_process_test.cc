// The shipped process under the two example tenants (workflows/tenants/horni_lhota and
// dolni_brod): the same scenario gives different deadlines and a different target group; and
// `souhra validate` accepts every shipped and tenant script.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "app/demo_seed.h"
#include "app/simulation.h"
#include "tests/fakes/build_paths.h"
#include "tests/fakes/run_souhra.h"

namespace souhra {
namespace {

// The shipped definitions, then the tenant's own files.
std::string Header(const std::string& tenant) {
  std::string files =
      "\"rules/cm_eligibility.lua\", \"workflows/consent.lua\", \"workflows/intake.lua\", "
      "\"workflows/case_management.lua\", \"workflows/escalation.lua\", "
      "\"workflows/individual_plan.lua\", \"workflows/case_conference.lua\"";
  const std::filesystem::path dir =
      std::filesystem::path(testing::SourceDir()) / "workflows/tenants" / tenant;
  std::vector<std::string> own;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    own.push_back(entry.path().filename().string());
  }
  std::sort(own.begin(), own.end());
  for (const std::string& f : own) files += ", \"workflows/tenants/" + tenant + "/" + f + "\"";
  return "scenario { name = \"" + tenant + "\", tenant = \"" + tenant +
         "\", start = \"2026-04-01T09:00:00+02:00\", definitions = { " + files + " } }\n";
}

// From referral to an agreed plan: the same steps for every tenant.
constexpr char kSteps[] = R"(
case { code = "K-1", workflow = "intake", data = { referral = { source = "gp" } },
       as = "social_worker" }
send { "intake.assigned", payload = { social_worker = "user:novakova" }, as = "head" }
send { "task.first_contact.done", as = "social_worker",
       payload = { contacted_at = "2026-04-01T09:00:00+02:00", how = "phone" } }
send { "consent.recorded", as = "social_worker",
       payload = { status = "given", manner = "written",
                   kinds = { { kind = "social_services", purposes = { "conference", "plan" } } } } }
send { "needs.recorded", as = "social_worker",
       payload = { problem_areas = { "health", "debts", "housing" }, expected_months = 12,
                   actors_needed = 3, support = "weak", can_solve_alone = false,
                   worsening = true, motivated = true, age = 58, low_income = true,
                   housing_at_risk = false } }
send { "task.inquiry.done", as = "social_worker" }
send { "eligibility.confirmed", payload = { case_manager = "user:novakova" }, as = "coordinator" }
send { "plan.agreed", payload = { goals = { { title = "bydlení" } } }, as = "case_manager" }
)";

struct Outcome {
  std::string first_contact_due;
  std::string review_due;
  std::string decision;
};

Outcome RunUnder(const std::string& tenant) {
  Outcome outcome;
  Result<ScenarioRun> run =
      SimulateScenario(tenant + ".lua", Header(tenant) + kSteps, FilesUnder(testing::SourceDir()));
  EXPECT_TRUE(run.ok()) << run.status().ToString();
  if (!run.ok()) return outcome;
  EXPECT_TRUE(run->passed()) << run->FailureMessage();
  for (const TimelineEntry& e : run->timeline) {
    if (e.text.starts_with("úkol first_contact pro")) outcome.first_contact_due = e.text;
    if (e.text.starts_with("úkol review pro")) outcome.review_due = e.text;
    if (e.text.starts_with("rozhodnutí cm_eligibility")) outcome.decision = e.text;
  }
  return outcome;
}

TEST(TenantProcess, TheSameScenarioHasDifferentDeadlinesUnderTheTwoTenants) {
  const Outcome lhota = RunUnder("horni_lhota");
  const Outcome brod = RunUnder("dolni_brod");
  // Horní Lhota keeps the shipped 5 working days (Good Friday and Easter Monday skipped) and
  // reviews every 60 working days; Dolní Brod: 3 and 30.
  EXPECT_EQ(lhota.first_contact_due,
            "úkol first_contact pro social_worker, termín pá 10. 4. 2026 9:00");
  EXPECT_EQ(brod.first_contact_due,
            "úkol first_contact pro social_worker, termín st 8. 4. 2026 9:00");
  EXPECT_EQ(lhota.review_due, "úkol review pro case_manager, termín út 30. 6. 2026 9:00");
  EXPECT_EQ(brod.review_due, "úkol review pro case_manager, termín út 19. 5. 2026 9:00");
  // Horní Lhota's target group (55+ on low income) holds; Dolní Brod's (losing housing) does not.
  EXPECT_EQ(lhota.decision, "rozhodnutí cm_eligibility: vyhovuje (skóre 9)");
  EXPECT_EQ(brod.decision, "rozhodnutí cm_eligibility: vyhovuje (skóre 8)");
}

TEST(TenantProcess, SouhraValidateAcceptsEveryShippedAndTenantScript) {
  const std::string root = testing::SourceDir();
  const testing::CommandOutput all =
      testing::RunSouhra("validate " + root + "/workflows/*.lua " + root + "/rules/*.lua " + root +
                         "/workflows/tenants/*/*.lua");
  EXPECT_EQ(all.exit_code, 0) << all.output;
  // A tenant's file alone resolves `extend` against the shipped file beside it.
  const testing::CommandOutput alone =
      testing::RunSouhra("validate " + root + "/workflows/tenants/*/*.lua");
  EXPECT_EQ(alone.exit_code, 0) << alone.output;
}

TEST(TenantProcess, EveryTenantDirectoryIsSeeded) {
  const std::vector<std::string> tenants = SeededTenants(testing::SourceDir());
  EXPECT_EQ(tenants, (std::vector<std::string>{"demo", "dolni_brod", "horni_lhota"}));
}

}  // namespace
}  // namespace souhra
