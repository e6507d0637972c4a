// `souhra calendar` run as a methodologist runs it.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/fakes/run_souhra.h"
#include "tests/fakes/temp_dir.h"

namespace souhra {
namespace {

using testing::RunSouhra;

TEST(CalendarCommand, PrintsTheDueAndItsExplanationAsJson) {
  const testing::CommandOutput out =
      RunSouhra("calendar --from 2026-04-02T10:00:00+02:00 --duration '3 working days' --json");
  ASSERT_EQ(out.exit_code, 0) << out.output;
  const nlohmann::json json = nlohmann::json::parse(out.output);
  EXPECT_EQ(json.size(), 2u);
  EXPECT_EQ(json["due"], "2026-04-09T10:00:00+02:00");
  EXPECT_EQ(json["explanation"].front(), "start: čt 2. 4. 2026 10:00");
  EXPECT_EQ(json["explanation"].back(), "termín: čt 9. 4. 2026 10:00");
}

TEST(CalendarCommand, PrintsWinterTimeWithItsOffset) {
  const testing::CommandOutput out =
      RunSouhra("calendar --from 2026-12-14T09:00:00Z --duration '10 dní podle § 40' --json");
  ASSERT_EQ(out.exit_code, 0) << out.output;
  EXPECT_EQ(nlohmann::json::parse(out.output)["due"], "2026-12-28T10:00:00+01:00");
}

TEST(CalendarCommand, PrintsReadableLinesWithoutJson) {
  const testing::CommandOutput out =
      RunSouhra("calendar --from 2026-04-02T10:00:00+02:00 --duration '1 working day'");
  ASSERT_EQ(out.exit_code, 0) << out.output;
  EXPECT_EQ(out.output.substr(0, out.output.find('\n')), "2026-04-07T10:00:00+02:00");
  EXPECT_NE(out.output.find("  přeskočeno: pá 3. 4. 2026 (Velký pátek)\n"), std::string::npos);
}

TEST(CalendarCommand, CountsTheTenantsClosuresFromAFile) {
  testing::TempDir dir;
  std::ofstream(dir.File("closures.txt"))
      << "# Brno\n\n2026-12-28 2026-12-31 úřad uzavřen mezi svátky\n";
  const testing::CommandOutput out = RunSouhra(
      "calendar --from 2026-12-23T10:00:00+01:00 --duration '1 working day' --tenant brno"
      " --closures " +
      dir.File("closures.txt") + " --json");
  ASSERT_EQ(out.exit_code, 0) << out.output;
  EXPECT_EQ(nlohmann::json::parse(out.output)["due"], "2027-01-04T10:00:00+01:00");
}

TEST(CalendarCommand, RefusesABadClosuresLineWithItsNumber) {
  testing::TempDir dir;
  std::ofstream(dir.File("closures.txt")) << "2026-12-28 2026-12-31 zavřeno\n2026-13-01 x\n";
  const testing::CommandOutput out =
      RunSouhra("calendar --from 2026-12-23T10:00:00+01:00 --duration '1 day' --closures " +
                dir.File("closures.txt"));
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_NE(
      out.output.find(dir.File("closures.txt") + ":2: expected 'YYYY-MM-DD YYYY-MM-DD reason'"),
      std::string::npos)
      << out.output;
}

TEST(CalendarCommand, RefusesABadTime) {
  const testing::CommandOutput out =
      RunSouhra("calendar --from 2026-04-02 --duration '3 working days'");
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_NE(out.output.find("souhra calendar: bad time '2026-04-02'"), std::string::npos)
      << out.output;
}

TEST(CalendarCommand, RefusesABadDuration) {
  const testing::CommandOutput out =
      RunSouhra("calendar --from 2026-04-02T10:00:00+02:00 --duration '3 workdays'");
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_NE(out.output.find("souhra calendar: bad duration '3 workdays'"), std::string::npos)
      << out.output;
}

TEST(CalendarCommand, RefusesAMissingDuration) {
  EXPECT_EQ(RunSouhra("calendar --from 2026-04-02T10:00:00+02:00").exit_code, 2);
}

}  // namespace
}  // namespace souhra
