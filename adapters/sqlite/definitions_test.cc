// How the SQLite store counts the active instances of a definition per version and state: through
// an index. The lifecycle itself is the DefinitionVersions contract (tests/contracts/).
#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_test_fixture.h"

namespace souhra::sqlite {
namespace {

using DefinitionsTest = SqliteStoreTest;

TEST_F(DefinitionsTest, InstanceCountsUseTheActiveInstancesIndex) {
  std::string plan = RawQuery(dir_.File("souhra.db"),
                              "EXPLAIN QUERY PLAN SELECT i.definition_hash, i.state, COUNT(*)"
                              " FROM instances i JOIN cases c ON c.id = i.case_id"
                              " WHERE i.workflow = 'x' AND i.active = 1 AND c.tenant = 'y'"
                              " GROUP BY i.definition_hash, i.state",
                              /*column=*/3);
  EXPECT_NE(plan.find("instances_active_by_workflow"), std::string::npos) << plan;
}

}  // namespace
}  // namespace souhra::sqlite
