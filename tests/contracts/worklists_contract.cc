// Worklists (engine/store.h): a user's tasks, the list of cases, instances in given states.
#include <optional>
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

// A new case of `tenant` whose people are `people`, and an instance of it (id and case_id set).
InstanceRecord CaseWithPeople(WriteTxn& txn, const Json& people,
                              const std::string& tenant = "orp-kolin") {
  CaseRecord c = SampleCase(tenant);
  c.data["people"] = people;
  Result<CaseId> case_id = txn.InsertCase(c);
  EXPECT_TRUE(case_id.ok()) << case_id.status().ToString();
  InstanceRecord instance = SampleInstance(case_id.ok() ? *case_id : 0);
  Result<InstanceId> id = txn.InsertInstance(instance);
  EXPECT_TRUE(id.ok()) << id.status().ToString();
  instance.id = id.ok() ? *id : 0;
  return instance;
}

TaskRecord TaskOf(const InstanceRecord& instance, const std::string& key,
                  const std::string& assignee, std::optional<Instant> due = std::nullopt) {
  TaskRecord t = SampleTask(instance.case_id, instance.id, key);
  t.assignee = assignee;
  t.due = due;
  return t;
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
  Result<std::vector<TaskRecord>> tasks =
      store_->ListTasksForUser({"orp-kolin", "novak", {}, {}, {}});
  ASSERT_TRUE(tasks.ok()) << tasks.status().ToString();
  EXPECT_EQ(TaskKeys(*tasks), (std::vector<std::string>{"direct", "by_role", "undated"}));
  EXPECT_TRUE(store_->ListTasksForUser({"orp-beroun", "novak", {}, {}, {}})->empty());
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
  UserTaskQuery range{"orp-kolin", "novak", {}, At(200), At(300)};
  EXPECT_EQ(TaskKeys(*store_->ListTasksForUser(range)), std::vector<std::string>{"t2"});
  UserTaskQuery until{"orp-kolin", "novak", {}, std::nullopt, At(200)};
  EXPECT_EQ(TaskKeys(*store_->ListTasksForUser(until)), std::vector<std::string>{"t1"});
  UserTaskQuery from{"orp-kolin", "novak", {}, At(300), std::nullopt};
  EXPECT_EQ(TaskKeys(*store_->ListTasksForUser(from)), (std::vector<std::string>{"t3", "undated"}));
}

TEST_P(WorklistsContract, AUsersTasksCarryWhoMayCompleteThemAndTheirForm) {
  TaskRecord task = SampleTask(case_id_, instance_id_, "decide");
  task.done_by = {"head"};
  task.form = Json{{"fields", Json::array({Json{{"name", "note"}, {"type", "text"}}})}};
  Write([&](WriteTxn& txn) { ASSERT_TRUE(txn.InsertTask(task).ok()); });
  Result<std::vector<TaskRecord>> tasks =
      store_->ListTasksForUser({"orp-kolin", "novak", {}, {}, {}});
  ASSERT_TRUE(tasks.ok()) << tasks.status().ToString();
  ASSERT_EQ(tasks->size(), 1u);
  EXPECT_EQ((*tasks)[0].done_by, task.done_by);
  EXPECT_EQ((*tasks)[0].form, task.form);
}

// A new referral names no head yet: its "assign a social worker" task is every head's.
TEST_P(WorklistsContract, AHeadSeesTheRoleTasksOfCasesThatNameNobodyInTheRole) {
  Write([&](WriteTxn& txn) {
    InstanceRecord referral = CaseWithPeople(txn, Json::object());
    ASSERT_TRUE(txn.InsertTask(TaskOf(referral, "assign_worker", "head")).ok());
    ASSERT_TRUE(txn.InsertTask(TaskOf(referral, "check_consent", "coordinator")).ok());
  });
  UserTaskQuery query{"orp-kolin", "dvorakova", {"head"}, {}, {}};
  EXPECT_EQ(TaskKeys(*store_->ListTasksForUser(query)), std::vector<std::string>{"assign_worker"});
  query.roles.clear();
  EXPECT_TRUE(store_->ListTasksForUser(query)->empty());
}

TEST_P(WorklistsContract, AHeadDoesNotSeeTheRoleTasksOfACaseThatNamesAnotherHead) {
  Write([&](WriteTxn& txn) {
    InstanceRecord headed = CaseWithPeople(txn, Json{{"head", "user:kral"}});
    ASSERT_TRUE(txn.InsertTask(TaskOf(headed, "assign_worker", "head")).ok());
  });
  EXPECT_TRUE(store_->ListTasksForUser({"orp-kolin", "dvorakova", {"head"}, {}, {}})->empty());
  // The head the case names gets it once, through the case's people, though a head as well.
  EXPECT_EQ(TaskKeys(*store_->ListTasksForUser({"orp-kolin", "kral", {"head"}, {}, {}})),
            std::vector<std::string>{"assign_worker"});
}

TEST_P(WorklistsContract, RoleTasksOfAnotherTenantAreNotListed) {
  Write([&](WriteTxn& txn) {
    InstanceRecord elsewhere = CaseWithPeople(txn, Json::object(), "orp-beroun");
    ASSERT_TRUE(txn.InsertTask(TaskOf(elsewhere, "assign_worker", "head")).ok());
  });
  EXPECT_TRUE(store_->ListTasksForUser({"orp-kolin", "dvorakova", {"head"}, {}, {}})->empty());
  EXPECT_EQ(TaskKeys(*store_->ListTasksForUser({"orp-beroun", "dvorakova", {"head"}, {}, {}})),
            std::vector<std::string>{"assign_worker"});
}

TEST_P(WorklistsContract, RoleTasksAreLimitedToTheDueRange) {
  Write([&](WriteTxn& txn) {
    for (int i : {1, 2, 3}) {
      TaskRecord t = SampleTask(case_id_, instance_id_, "t" + std::to_string(i));
      t.assignee = "head";
      t.due = At(i * 100);
      ASSERT_TRUE(txn.InsertTask(t).ok());
    }
    TaskRecord undated = SampleTask(case_id_, instance_id_, "undated");
    undated.assignee = "head";
    ASSERT_TRUE(txn.InsertTask(undated).ok());
  });
  UserTaskQuery range{"orp-kolin", "dvorakova", {"head"}, At(200), At(300)};
  EXPECT_EQ(TaskKeys(*store_->ListTasksForUser(range)), std::vector<std::string>{"t2"});
  UserTaskQuery until{"orp-kolin", "dvorakova", {"head"}, std::nullopt, At(200)};
  EXPECT_EQ(TaskKeys(*store_->ListTasksForUser(until)), std::vector<std::string>{"t1"});
  UserTaskQuery from{"orp-kolin", "dvorakova", {"head"}, At(300), std::nullopt};
  EXPECT_EQ(TaskKeys(*store_->ListTasksForUser(from)), (std::vector<std::string>{"t3", "undated"}));
}

// novak is the sample case's case_manager and, in the municipality, a case manager and a head.
TEST_P(WorklistsContract, RoleTasksComeWithTheUsersOwnAndPeopleRoleTasksEachOnceByDue) {
  Write([&](WriteTxn& txn) {
    TaskRecord own = SampleTask(case_id_, instance_id_, "own");
    own.assignee = "user:novak";
    own.due = At(300);
    TaskRecord by_people = SampleTask(case_id_, instance_id_, "by_people");
    by_people.due = At(100);
    TaskRecord by_role = SampleTask(case_id_, instance_id_, "by_role");
    by_role.assignee = "head";
    by_role.due = At(200);
    TaskRecord undated = SampleTask(case_id_, instance_id_, "undated");
    undated.assignee = "head";
    TaskRecord someone_elses = SampleTask(case_id_, instance_id_, "someone_elses");
    someone_elses.assignee = "user:svoboda";
    for (const TaskRecord& t : {undated, own, by_role, by_people, someone_elses}) {
      ASSERT_TRUE(txn.InsertTask(t).ok());
    }
    TaskRecord done_task = SampleTask(case_id_, instance_id_, "done");
    done_task.assignee = "head";
    Result<int64_t> done = txn.InsertTask(done_task);
    ASSERT_TRUE(done.ok());
    ASSERT_TRUE(txn.CloseTask(*done, TaskStatus::kDone, Json()).ok());
    InstanceRecord staffed = CaseWithPeople(txn, Json{{"case_manager", "user:svoboda"}});
    ASSERT_TRUE(txn.InsertTask(TaskOf(staffed, "staffed", "case_manager", At(50))).ok());
    InstanceRecord unstaffed = CaseWithPeople(txn, Json{{"coordinator", "user:svoboda"}});
    ASSERT_TRUE(txn.InsertTask(TaskOf(unstaffed, "unstaffed", "case_manager", At(400))).ok());
  });
  // A "user:" entry is a person, not a role: it adds nothing; a repeated role adds nothing.
  UserTaskQuery query{
      "orp-kolin", "novak", {"case_manager", "head", "user:svoboda", "head"}, {}, {}};
  Result<std::vector<TaskRecord>> tasks = store_->ListTasksForUser(query);
  ASSERT_TRUE(tasks.ok()) << tasks.status().ToString();
  EXPECT_EQ(TaskKeys(*tasks),
            (std::vector<std::string>{"by_people", "by_role", "own", "unstaffed", "undated"}));
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

TEST_P(WorklistsContract, CaseListsCarryTheClosingTime) {
  CaseRecord closed = sample_case_;
  closed.id = case_id_;
  closed.closed = true;
  closed.closed_at = At(600);
  Write([&](WriteTxn& txn) { ASSERT_TRUE(txn.UpdateCase(closed).ok()); });
  CaseQuery query;
  query.tenant = "orp-kolin";
  Result<std::vector<CaseRecord>> all = store_->ListCases(query);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].closed_at, At(600));
  query.login = "novak";
  Result<std::vector<CaseRecord>> novaks = store_->ListCases(query);
  ASSERT_TRUE(novaks.ok()) << novaks.status().ToString();
  ASSERT_EQ(novaks->size(), 1u);
  EXPECT_EQ((*novaks)[0].closed_at, At(600));
  Result<std::vector<CaseInstance>> rows =
      store_->ListInstancesInStates({"orp-kolin", "plan_review", {"waiting"}, 500});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].case_record.closed_at, At(600));
  EXPECT_EQ((*rows)[0].instance.id, instance_id_);
  EXPECT_EQ((*rows)[0].instance.case_id, case_id_);
  EXPECT_EQ((*rows)[0].instance.definition_hash, std::string(64, 'a'));
  EXPECT_EQ((*rows)[0].instance.state, "waiting");
  EXPECT_TRUE((*rows)[0].instance.active);
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
