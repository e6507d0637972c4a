#include "engine/runtime/user_tasks.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/time/working_calendar.h"
#include "tests/fakes/memory_store.h"

namespace souhra {
namespace {

Instant At(const std::string& iso) {
  Instant t;
  EXPECT_TRUE(ParseIsoInstant(iso, &t)) << iso;
  return t;
}

// Tuesday 7 April 2026, 23:30 in Prague: still the 7th there, already late in the UTC day.
constexpr char kNow[] = "2026-04-07T21:30:00Z";

class UserTasks : public ::testing::Test {
 protected:
  void SetUp() override {
    calendar_ = std::move(WorkingCalendar::Create()).value();
    store_ = std::make_unique<testing::MemoryStore>();
    auto txn = std::move(store_->BeginWrite()).value();
    const Json people = {
        {"people", {{"case_manager", "user:novak"}, {"coordinator", "user:dvorak"}}}};
    own_ = AddCase(*txn, "demo", "K-1", people);
    other_ = AddCase(*txn, "demo", "K-2", Json::object());
    const CaseId elsewhere = AddCase(*txn, "jinde", "K-1", Json::object());
    AddTask(*txn, own_, "by_role", "case_manager", "2026-04-07T20:00:00Z");
    AddTask(*txn, own_, "coordinators", "coordinator", "2026-04-07T19:00:00Z");
    AddTask(*txn, other_, "overdue", "user:novak", "2026-04-07T21:00:00Z");
    AddTask(*txn, other_, "tonight", "user:novak", "2026-04-07T21:45:00Z");
    AddTask(*txn, other_, "tomorrow", "user:novak", "2026-04-07T22:00:00Z");
    AddTask(*txn, other_, "someday", "user:novak", "");
    AddTask(*txn, other_, "someone_else", "case_manager", "2026-04-07T20:00:00Z");
    AddTask(*txn, elsewhere, "other_tenant", "user:novak", "2026-04-07T20:00:00Z");
    const int64_t done = AddTask(*txn, other_, "done", "user:novak", "2026-04-07T20:00:00Z");
    ASSERT_TRUE(txn->CloseTask(done, TaskStatus::kDone, Json::object()).ok());
    ASSERT_TRUE(txn->Commit().ok());
  }

  CaseId AddCase(WriteTxn& txn, const std::string& tenant, const std::string& code, Json data) {
    CaseRecord c;
    c.tenant = tenant;
    c.code = code;
    c.data = std::move(data);
    // A helper that returns a value cannot ASSERT_: it fails the test and returns a dummy.
    Result<CaseId> id = txn.InsertCase(c);
    if (!id.ok()) {
      ADD_FAILURE() << id.status().ToString();
      return 0;
    }
    InstanceRecord instance;
    instance.case_id = *id;
    instance.workflow = "w";
    instance.state = "a";
    Result<InstanceId> instance_id = txn.InsertInstance(instance);
    if (!instance_id.ok()) ADD_FAILURE() << instance_id.status().ToString();
    instance_[*id] = instance_id.ok() ? *instance_id : 0;
    return *id;
  }

  int64_t AddTask(WriteTxn& txn, CaseId c, const std::string& key, const std::string& assignee,
                  const std::string& due) {
    TaskRecord task;
    task.case_id = c;
    task.instance_id = instance_[c];
    task.key = key;
    task.title = key;
    task.assignee = assignee;
    if (!due.empty()) task.due = At(due);
    Result<int64_t> id = txn.InsertTask(task);
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : 0;
  }

  std::vector<std::string> Listed(std::optional<DueState> only) {
    Result<std::vector<UserTask>> tasks =
        ListUserTasks(*store_, *calendar_, "demo", "novak", {}, only, At(kNow));
    std::vector<std::string> lines;
    if (!tasks.ok()) {
      ADD_FAILURE() << tasks.status().ToString();
      return lines;
    }
    for (const UserTask& t : *tasks) lines.push_back(t.task.key + " " + DueStateName(t.due_state));
    return lines;
  }

  std::unique_ptr<WorkingCalendar> calendar_;
  std::unique_ptr<Store> store_;
  std::map<CaseId, InstanceId> instance_;
  CaseId own_ = 0;
  CaseId other_ = 0;
};

TEST_F(UserTasks, ClassifiesByThePragueDayOverdueFirst) {
  EXPECT_EQ(Listed(std::nullopt),
            (std::vector<std::string>{"by_role overdue", "overdue overdue", "tonight due_today",
                                      // 00:00 on the 8th in Prague, though still the 7th in UTC.
                                      "tomorrow upcoming", "someday upcoming"}));
}

TEST_F(UserTasks, FiltersByDueState) {
  EXPECT_EQ(Listed(DueState::kOverdue),
            (std::vector<std::string>{"by_role overdue", "overdue overdue"}));
  EXPECT_EQ(Listed(DueState::kDueToday), (std::vector<std::string>{"tonight due_today"}));
  EXPECT_EQ(Listed(DueState::kUpcoming),
            (std::vector<std::string>{"tomorrow upcoming", "someday upcoming"}));
}

TEST_F(UserTasks, RoleTasksFollowTheCasePeople) {
  auto txn = std::move(store_->BeginWrite()).value();
  CaseRecord c = std::move(txn->LoadCase(own_)).value().value();
  c.data["people"]["case_manager"] = "user:svoboda";
  ASSERT_TRUE(txn->UpdateCase(c).ok());
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(Listed(DueState::kOverdue), (std::vector<std::string>{"overdue overdue"}));
  Result<std::vector<UserTask>> theirs =
      ListUserTasks(*store_, *calendar_, "demo", "svoboda", {}, std::nullopt, At(kNow));
  ASSERT_TRUE(theirs.ok());
  ASSERT_EQ(theirs->size(), 1u);
  EXPECT_EQ((*theirs)[0].task.key, "by_role");
}

}  // namespace
}  // namespace souhra
