// The contract of the audit log (engine/access.h, engine/audit_chain.h): rows appended through
// the store's WriteTxn are chained by hash with consecutive ids, a rolled-back row leaves no gap,
// and the AccessStore reads them back per tenant or per (action, target). The tests are defined
// in audit_log_contract.cc; an implementation runs them with
//
//   namespace souhra::contracts {
//   SOUHRA_AUDIT_LOG_CONTRACT(Sqlite, (AuditLogImplementation{"sqlite", OpenMyAuditLog}));
//   }
//
// (adapters/sqlite/access_store_test.cc). Only stores that implement AccessStore take part: the
// in-memory store keeps the chain too (tests/fakes/memory_store_test.cc) but reads no audit.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "engine/access.h"
#include "engine/store.h"
#include "tests/fakes/temp_dir.h"

namespace souhra::contracts {

// The writer and the reader of one new, empty database.
struct AuditLogParts {
  std::unique_ptr<Store> store;
  std::unique_ptr<AccessStore> access;
};

struct AuditLogImplementation {
  std::string name;
  std::function<Result<AuditLogParts>(const std::string& dir)> open;
};

inline void PrintTo(const AuditLogImplementation& implementation, std::ostream* out) {
  *out << implementation.name;
}

class AuditLogContract : public ::testing::TestWithParam<AuditLogImplementation> {
 protected:
  void SetUp() override {
    Result<AuditLogParts> parts = GetParam().open(dir_.path());
    ASSERT_TRUE(parts.ok()) << parts.status().ToString();
    parts_ = std::move(parts).value();
  }

  testing::TempDir dir_;
  AuditLogParts parts_;
};

}  // namespace souhra::contracts

#define SOUHRA_AUDIT_LOG_CONTRACT(prefix, implementation) \
  INSTANTIATE_TEST_SUITE_P(prefix, AuditLogContract, ::testing::Values(implementation))
