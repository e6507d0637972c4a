// Shared by the SQLite store's tests: a store on a fresh database file and a few records to put
// in it. Header-only, so that it stays out of the adapters library.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <memory>
#include <string>

#include "adapters/sqlite/sqlite_store.h"
#include "tests/fakes/sample_records.h"
#include "tests/fakes/temp_dir.h"

namespace souhra::sqlite {

using testing::At;
using testing::SampleCase;
using testing::SampleEvent;
using testing::SampleInstance;

// Runs `sql` on its own connection to the file at `path`, bypassing the store; returns the
// rows' first `column` joined by newlines, or "error: <message>".
inline std::string RawQuery(const std::string& path, const char* sql, int column = 0) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) out = "error: cannot open";
  sqlite3_stmt* stmt = nullptr;
  if (out.empty() && sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
    out = std::string("error: ") + sqlite3_errmsg(db);
  }
  while (stmt != nullptr) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      out = std::string("error: ") + sqlite3_errmsg(db);
      break;
    }
    const unsigned char* text = sqlite3_column_text(stmt, column);
    out += text != nullptr ? reinterpret_cast<const char*>(text) : "NULL";
    out += "\n";
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

// A store on a fresh file, with one case and one instance committed.
class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Reopen();
    auto txn = store_->BeginWrite();
    ASSERT_TRUE(txn.ok()) << txn.status().ToString();
    sample_case_ = SampleCase();
    auto case_id = (*txn)->InsertCase(sample_case_);
    ASSERT_TRUE(case_id.ok()) << case_id.status().ToString();
    case_id_ = *case_id;
    auto instance_id = (*txn)->InsertInstance(SampleInstance(case_id_));
    ASSERT_TRUE(instance_id.ok()) << instance_id.status().ToString();
    instance_id_ = *instance_id;
    ASSERT_TRUE((*txn)->Commit().ok());
  }

  void Reopen() {
    store_.reset();
    auto store = OpenSqliteStore(Options());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  virtual SqliteOptions Options() {
    SqliteOptions options;
    options.path = dir_.File("souhra.db");
    options.busy_timeout_ms = 0;
    return options;
  }

  std::unique_ptr<WriteTxn> Begin() {
    auto txn = store_->BeginWrite();
    EXPECT_TRUE(txn.ok()) << txn.status().ToString();
    return txn.ok() ? std::move(txn).value() : nullptr;
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  CaseRecord sample_case_;  // the case SetUp inserted
  CaseId case_id_ = 0;
  InstanceId instance_id_ = 0;
};

}  // namespace souhra::sqlite
