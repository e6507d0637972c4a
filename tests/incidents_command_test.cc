// `souhra incidents` lists a failed event and, once its cause is fixed, applies it again.
#include <gtest/gtest.h>

#include "engine/runtime/engine.h"
#include "tests/fakes/engine_harness.h"
#include "tests/fakes/run_souhra.h"
#include "tests/fakes/temp_dir.h"

namespace souhra {
namespace {

constexpr char kFragile[] = R"lua(
return workflow {
  name = "fragile", owns = { "broken" },
  initial = "open",
  states = {
    open = {
      on = {
        ["check"] = { go = "done",
                      when = function(case, event) assert(not case.data.broken, "data broken") return true end },
        ["repair"] = { run = set { broken = false } },
      },
    },
    done = { final = true },
  },
}
)lua";

// Leaves one open incident (a failed "check") in a fresh database at `path`, then repairs the
// case's data so that a retry can succeed.
void PrepareIncident(const std::string& path) {
  testing::EngineHarness harness(path, FromMillis(1775116800000));
  Engine& engine = harness.engine;
  ASSERT_TRUE(engine.Install("demo", "fragile.lua", kFragile).ok());
  Result<Applied> created = engine.CreateCase({"demo", "K-1", "fragile", {{"broken", true}}});
  ASSERT_TRUE(created.ok());
  EventRequest check;
  check.case_id = created->case_id;
  check.type = "check";
  ASSERT_EQ(engine.Submit(check).status().code(), StatusCode::kScriptError);
  EventRequest repair = check;
  repair.type = "repair";
  ASSERT_TRUE(engine.Submit(repair).ok());
}

TEST(IncidentsCommand, ListsTheOpenIncidentWithItsError) {
  testing::TempDir dir;
  PrepareIncident(dir.File("s.db"));
  testing::CommandOutput listed = testing::RunSouhra("incidents --db " + dir.File("s.db"));
  EXPECT_EQ(listed.exit_code, 0);
  EXPECT_NE(listed.output.find("#1 "), std::string::npos) << listed.output;
  EXPECT_NE(listed.output.find("check  attempts 1  open"), std::string::npos) << listed.output;
  EXPECT_NE(listed.output.find("fragile.lua:9: data broken"), std::string::npos) << listed.output;
}

TEST(IncidentsCommand, RetryAppliesTheEventAndResolvesIt) {
  testing::TempDir dir;
  PrepareIncident(dir.File("s.db"));
  testing::CommandOutput retried =
      testing::RunSouhra("incidents --db " + dir.File("s.db") + " --retry 1");
  EXPECT_EQ(retried.exit_code, 0) << retried.output;
  EXPECT_NE(retried.output.find("#1 resolved"), std::string::npos) << retried.output;
  testing::CommandOutput listed = testing::RunSouhra("incidents --db " + dir.File("s.db"));
  EXPECT_EQ(listed.output, "no open incidents\n");
}

TEST(IncidentsCommand, RetryOfAnUnknownIncidentFails) {
  testing::TempDir dir;
  testing::CommandOutput retried =
      testing::RunSouhra("incidents --db " + dir.File("s.db") + " --retry 7");
  EXPECT_EQ(retried.exit_code, 1);
  EXPECT_NE(retried.output.find("incident 7 does not exist"), std::string::npos) << retried.output;
}

}  // namespace
}  // namespace souhra
