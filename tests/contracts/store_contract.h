// The contract every Store (engine/store.h) must keep, one value-parameterised suite per role:
// DueWorkContract, CaseFilesContract, WorklistsContract, DefinitionVersionsContract,
// InboxContract, IncidentsContract, OutboxLogContract and WriteTxnContract. The tests are
// defined once in tests/contracts/*_contract.cc; an implementation runs all of them with
//
//   namespace souhra::contracts {
//   SOUHRA_STORE_CONTRACTS(Sqlite, (StoreImplementation{"sqlite", OpenMyStore}));
//   }
//
// in one of its test files (adapters/sqlite/store_contract_test.cc, and for the in-memory store
// tests/fakes/memory_store_test.cc). Every test starts from a new, empty store with one case
// (tenant "orp-kolin") and one instance committed through the store's own WriteTxn; the roles
// are read back through the Store, so a test proves the writer and the reader together.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "engine/store.h"
#include "tests/fakes/temp_dir.h"

namespace souhra::contracts {

// Opens a new, empty store; `dir` is a fresh directory the store may keep its files in.
using StoreFactory = std::function<Result<std::unique_ptr<Store>>(const std::string& dir)>;

struct StoreImplementation {
  std::string name;
  StoreFactory open;
};

inline void PrintTo(const StoreImplementation& implementation, std::ostream* out) {
  *out << implementation.name;
}

inline Instant At(int64_t seconds) { return FromMillis(1'775'000'000'000 + seconds * 1000); }

// Each call gives a new client code: codes are unique within a tenant.
inline CaseRecord SampleCase(const std::string& tenant = "orp-kolin") {
  static int next = 42;
  CaseRecord r;
  r.tenant = tenant;
  r.code = "K-2026-" + std::to_string(next++);
  r.data = Json{{"consent", true}, {"people", {{"case_manager", "user:novak"}}}};
  r.created = At(0);
  return r;
}

inline InstanceRecord SampleInstance(CaseId case_id) {
  InstanceRecord r;
  r.case_id = case_id;
  r.workflow = "plan_review";
  r.definition_hash = std::string(64, 'a');
  r.state = "waiting";
  return r;
}

inline EventRecord SampleEvent(CaseId case_id, const std::string& type) {
  EventRecord r;
  r.case_id = case_id;
  r.type = type;
  r.payload = Json{{"note", "schůzka proběhla"}};
  r.actor = "user:novak";
  r.at = At(10);
  r.outcome = Json{{"transitions", Json::array()}};
  return r;
}

inline TaskRecord SampleTask(CaseId case_id, InstanceId instance_id, const std::string& key) {
  TaskRecord r;
  r.case_id = case_id;
  r.instance_id = instance_id;
  r.key = key;
  r.title = "Přehodnotit individuální plán";
  r.assignee = "case_manager";
  r.scope_state = "waiting";
  return r;
}

inline OutboxRecord SampleMessage(CaseId case_id, InstanceId instance_id, Instant created) {
  OutboxRecord r;
  r.case_id = case_id;
  r.instance_id = instance_id;
  r.recipient = "coordinator";
  r.template_name = "plan_review_overdue";
  r.channel = "email";
  r.payload = Json{{"code", "K-2026-0042"}};
  r.created = created;
  return r;
}

// A version of plan_review for orp-kolin, saved at At(5).
inline DefinitionSource SampleVersion(const std::string& hash, bool active,
                                      const std::string& tenant = "orp-kolin",
                                      const std::string& name = "plan_review") {
  DefinitionSource v;
  v.tenant = tenant;
  v.name = name;
  v.content_hash = hash;
  v.file = name + ".lua";
  v.source = "return '" + hash + "'";
  v.active = active;
  v.saved = At(5);
  v.saved_by = "user:metodik";
  return v;
}

class StoreContract : public ::testing::TestWithParam<StoreImplementation> {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Store>> store = GetParam().open(dir_.path());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    std::unique_ptr<WriteTxn> txn = Begin();
    ASSERT_NE(txn, nullptr);
    sample_case_ = SampleCase();
    Result<CaseId> case_id = txn->InsertCase(sample_case_);
    ASSERT_TRUE(case_id.ok()) << case_id.status().ToString();
    case_id_ = *case_id;
    Result<InstanceId> instance_id = txn->InsertInstance(SampleInstance(case_id_));
    ASSERT_TRUE(instance_id.ok()) << instance_id.status().ToString();
    instance_id_ = *instance_id;
    ASSERT_TRUE(txn->Commit().ok());
  }

  std::unique_ptr<WriteTxn> Begin() {
    Result<std::unique_ptr<WriteTxn>> txn = store_->BeginWrite();
    EXPECT_TRUE(txn.ok()) << txn.status().ToString();
    return txn.ok() ? std::move(txn).value() : nullptr;
  }

  // Runs `write` in a transaction of its own and commits it; the test fails if either fails.
  void Write(const std::function<void(WriteTxn&)>& write) {
    std::unique_ptr<WriteTxn> txn = Begin();
    ASSERT_NE(txn, nullptr);
    write(*txn);
    Status committed = txn->Commit();
    ASSERT_TRUE(committed.ok()) << committed.ToString();
  }

  TimerRecord Timer(const std::string& key, int64_t due_seconds, const std::string& state,
                    bool keep = false) const {
    TimerRecord r;
    r.instance_id = instance_id_;
    r.case_id = case_id_;
    r.key = key;
    r.due = At(due_seconds);
    r.scope_state = state;
    r.keep = keep;
    return r;
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  CaseRecord sample_case_;  // the case SetUp inserted
  CaseId case_id_ = 0;
  InstanceId instance_id_ = 0;
};

class DueWorkContract : public StoreContract {};
class CaseFilesContract : public StoreContract {};
class WorklistsContract : public StoreContract {};
class DefinitionVersionsContract : public StoreContract {};
class InboxContract : public StoreContract {};
class IncidentsContract : public StoreContract {};
class OutboxLogContract : public StoreContract {};
class WriteTxnContract : public StoreContract {};

}  // namespace souhra::contracts

// Runs every role's contract against `implementation` (a StoreImplementation), each suite's
// instance named `prefix`. Use it inside namespace souhra::contracts.
#define SOUHRA_STORE_CONTRACTS(prefix, implementation)                                             \
  INSTANTIATE_TEST_SUITE_P(prefix, DueWorkContract, ::testing::Values(implementation));            \
  INSTANTIATE_TEST_SUITE_P(prefix, CaseFilesContract, ::testing::Values(implementation));          \
  INSTANTIATE_TEST_SUITE_P(prefix, WorklistsContract, ::testing::Values(implementation));          \
  INSTANTIATE_TEST_SUITE_P(prefix, DefinitionVersionsContract, ::testing::Values(implementation)); \
  INSTANTIATE_TEST_SUITE_P(prefix, InboxContract, ::testing::Values(implementation));              \
  INSTANTIATE_TEST_SUITE_P(prefix, IncidentsContract, ::testing::Values(implementation));          \
  INSTANTIATE_TEST_SUITE_P(prefix, OutboxLogContract, ::testing::Values(implementation));          \
  INSTANTIATE_TEST_SUITE_P(prefix, WriteTxnContract, ::testing::Values(implementation))
