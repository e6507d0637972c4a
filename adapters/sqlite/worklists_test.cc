// How the SQLite store finds the open tasks of a role on cases that name nobody in it: through
// the open tasks' assignee index, not by walking the tenant's cases. What the query returns is
// the Worklists contract (tests/contracts/).
#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_test_fixture.h"

namespace souhra::sqlite {
namespace {

using WorklistsTest = SqliteStoreTest;

TEST_F(WorklistsTest, RoleTasksAreFoundByAssigneeAndTheCasesPeopleByKey) {
  std::string plan = RawQuery(dir_.File("souhra.db"),
                              "EXPLAIN QUERY PLAN SELECT t.id FROM tasks t"
                              " CROSS JOIN cases c ON c.id = t.case_id"
                              " WHERE t.assignee IN (SELECT value FROM json_each('[\"head\"]'))"
                              " AND t.status = 0 AND substr(t.assignee, 1, 5) <> 'user:'"
                              " AND c.tenant = 'orp-kolin'"
                              " AND NOT EXISTS (SELECT 1 FROM case_people n"
                              " WHERE n.case_id = t.case_id AND n.role = t.assignee)",
                              /*column=*/3);
  EXPECT_NE(plan.find("SEARCH t USING INDEX tasks_open_by_assignee (assignee=?)"),
            std::string::npos)
      << plan;
  EXPECT_NE(plan.find("SEARCH n USING PRIMARY KEY (case_id=? AND role=?)"), std::string::npos)
      << plan;
  EXPECT_NE(plan.find("SEARCH c USING INTEGER PRIMARY KEY"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("SCAN t"), std::string::npos) << plan;
}

}  // namespace
}  // namespace souhra::sqlite
