// Worklists (engine/store.h): a user's tasks, the list of cases, instances in given states.
#include <string>
#include <vector>

#include "tests/contracts/store_contract.h"

namespace souhra::contracts {
namespace {

std::vector<std::string> TaskKeys(const std::vector<TaskRecord>& tasks) {
  std::vector<std::string> keys;
  for (const TaskRecord& t : tasks) keys.push_back(t.key);
  return keys;
}

std::vector<CaseId> CaseIds(const std::vector<CaseRecord>& cases) {
  std::vector<CaseId> ids;
  for (const CaseRecord& c : cases) ids.push_back(c.id);
  return ids;
}

// The sample case names novak its case_manager.
TEST_P(WorklistsContract, AUsersTasksAreTheirOwnAndThoseOfTheirRolesEarliestDueFirst) {
  Write([&](WriteTxn& txn) {
    TaskRecord by_role = SampleTask(case_id_, instance_id_, "by_role");
    by_role.due = At(300);
    TaskRecord direct = SampleTask(case_id_, instance_id_, "direct");
    direct.assignee = "user:novak";
    direct.due = At(100);
    TaskRecord undated = SampleTask(case_id_, instance_id_, "undated");
    TaskRecord other_role = SampleTask(case_id_, instance_id_, "other_role");
    other_role.assignee = "coordinator";
    TaskRecord other_user = SampleTask(case_id_, instance_id_, "other_user");
    other_user.assignee = "user:svoboda";
    for (const TaskRecord& t : {undated, by_role, direct, other_role, other_user}) {
      ASSERT_TRUE(txn.InsertTask(t).ok());
    }
    Result<int64_t> closed = txn.InsertTask(SampleTask(case_id_, instance_id_, "closed"));
    ASSERT_TRUE(closed.ok());
    ASSERT_TRUE(txn.CloseTask(*closed, TaskStatus::kDone, Json()).ok());
  });
  Result<std::vector<TaskRecord>> tasks = store_->ListTasksForUser({"orp-kolin", "novak", {}, {}});
  ASSERT_TRUE(tasks.ok()) << tasks.status().ToString();
  EXPECT_EQ(TaskKeys(*tasks), (std::vector<std::string>{"direct", "by_role", "undated"}));
  EXPECT_TRUE(store_->ListTasksForUser({"orp-beroun", "novak", {}, {}})->empty());
}

TEST_P(WorklistsContract, AUsersTasksAreLimitedToTheDueRange) {
  Write([&](WriteTxn& txn) {
    for (int i : {1, 2, 3}) {
      TaskRecord t = SampleTask(case_id_, instance_id_, "t" + std::to_string(i));
      t.due = At(i * 100);
      ASSERT_TRUE(txn.InsertTask(t).ok());
    }
    ASSERT_TRUE(txn.InsertTask(SampleTask(case_id_, instance_id_, "undated")).ok());
  });
  UserTaskQuery range{"orp-kolin", "novak", At(200), At(300)};
  EXPECT_EQ(TaskKeys(*store_->ListTasksForUser(range)), std::vector<std::string>{"t2"});
  UserTaskQuery until{"orp-kolin", "novak", std::nullopt, At(200)};
  EXPECT_EQ(TaskKeys(*store_->ListTasksForUser(until)), std::vector<std::string>{"t1"});
  UserTaskQuery from{"orp-kolin", "novak", At(300), std::nullopt};
  EXPECT_EQ(TaskKeys(*store_->ListTasksForUser(from)), (std::vector<std::string>{"t3", "undated"}));
}

TEST_P(WorklistsContract, CasesListNewestFirstWithPagingAndLimit) {
  std::vector<CaseId> ids = {case_id_};
  Write([&](WriteTxn& txn) {
    for (int i = 0; i < 3; ++i) {
      Result<CaseId> id = txn.InsertCase(SampleCase());
      ASSERT_TRUE(id.ok());
      ids.push_back(*id);
    }
    ASSERT_TRUE(txn.InsertCase(SampleCase("orp-beroun")).ok());
  });
  CaseQuery query;
  query.tenant = "orp-kolin";
  EXPECT_EQ(CaseIds(*store_->ListCases(query)),
            (std::vector<CaseId>{ids[3], ids[2], ids[1], ids[0]}));
  query.limit = 2;
  EXPECT_EQ(CaseIds(*store_->ListCases(query)), (std::vector<CaseId>{ids[3], ids[2]}));
  query.before = ids[2];
  EXPECT_EQ(CaseIds(*store_->ListCases(query)), (std::vector<CaseId>{ids[1], ids[0]}));
}

TEST_P(WorklistsContract, CasesOfAPersonInARoleAndOpenOnly) {
  CaseId coordinated = 0;
  CaseId closed = 0;
  Write([&](WriteTxn& txn) {
    CaseRecord c = SampleCase();
    c.data["people"] = Json{{"coordinator", "user:novak"}, {"case_manager", "user:svoboda"}};
    Result<CaseId> id = txn.InsertCase(c);
    ASSERT_TRUE(id.ok());
    coordinated = *id;
    CaseRecord done = SampleCase();
    Result<CaseId> done_id = txn.InsertCase(done);
    ASSERT_TRUE(done_id.ok());
    closed = *done_id;
    done.id = closed;
    done.closed = true;
    ASSERT_TRUE(txn.UpdateCase(done).ok());
  });
  CaseQuery query;
  query.tenant = "orp-kolin";
  query.login = "novak";
  EXPECT_EQ(CaseIds(*store_->ListCases(query)),
            (std::vector<CaseId>{closed, coordinated, case_id_}));
  query.role = "case_manager";
  EXPECT_EQ(CaseIds(*store_->ListCases(query)), (std::vector<CaseId>{closed, case_id_}));
  query.open_only = true;
  EXPECT_EQ(CaseIds(*store_->ListCases(query)), std::vector<CaseId>{case_id_});
  query.login = "svoboda";
  EXPECT_EQ(CaseIds(*store_->ListCases(query)), std::vector<CaseId>{coordinated});
}

TEST_P(WorklistsContract, InstancesInStatesAreActiveOnesOfTheWorkflowOldestFirst) {
  std::vector<InstanceId> escalated;
  Write([&](WriteTxn& txn) {
    for (const char* state : {"escalated", "waiting", "second_level", "escalated"}) {
      InstanceRecord i = SampleInstance(case_id_);
      i.state = state;
      Result<InstanceId> id = txn.InsertInstance(i);
      ASSERT_TRUE(id.ok());
      if (i.state != "waiting") escalated.push_back(*id);
    }
    InstanceRecord finished = SampleInstance(case_id_);
    finished.state = "escalated";
    finished.active = false;
    ASSERT_TRUE(txn.InsertInstance(finished).ok());
    InstanceRecord other = SampleInstance(case_id_);
    other.workflow = "intake";
    other.state = "escalated";
    ASSERT_TRUE(txn.InsertInstance(other).ok());
  });
  InstanceStateQuery query{"orp-kolin", "plan_review", {"escalated", "second_level"}, 500};
  Result<std::vector<CaseInstance>> rows = store_->ListInstancesInStates(query);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  std::vector<InstanceId> ids;
  for (const CaseInstance& row : *rows) {
    ids.push_back(row.instance.id);
    EXPECT_EQ(row.case_record.id, case_id_);
    EXPECT_EQ(row.case_record.code, sample_case_.code);
  }
  EXPECT_EQ(ids, escalated);
  query.limit = 1;
  EXPECT_EQ(store_->ListInstancesInStates(query)->size(), 1u);
  query.tenant = "orp-beroun";
  EXPECT_TRUE(store_->ListInstancesInStates(query)->empty());
}

}  // namespace
}  // namespace souhra::contracts
