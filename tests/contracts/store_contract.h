// The contract every Store (engine/store.h) must keep, one value-parameterised suite per role:
// DueWorkContract, CaseFilesContract, WorklistsContract, DefinitionVersionsContract,
// InboxContract, IncidentsContract, OutboxLogContract, WriteTxnContract and
// ActivationRequestsContract. The tests are
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
#include "tests/fakes/sample_records.h"
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

using testing::At;
using testing::SampleCase;
using testing::SampleEvent;
using testing::SampleInstance;
using testing::SampleMessage;
using testing::SampleTask;
using testing::SampleVersion;

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
class ActivationRequestsContract : public StoreContract {};

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
  INSTANTIATE_TEST_SUITE_P(prefix, WriteTxnContract, ::testing::Values(implementation));           \
  INSTANTIATE_TEST_SUITE_P(prefix, ActivationRequestsContract, ::testing::Values(implementation))
