// `souhra audit verify` walks the audit log's hash chain: a clean chain holds, and a row edited
// or deleted by someone with the database file (triggers dropped, as an attacker would) is named.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "adapters/sqlite/sqlite_store.h"
#include "tests/fakes/run_souhra.h"
#include "tests/fakes/temp_dir.h"

namespace souhra {
namespace {

class AuditCommand : public ::testing::Test {
 protected:
  // Appends `count` rows, one per minute from 2026-04-01 08:00 UTC, each its own request.
  void AppendRows(int count) {
    SqliteOptions options;
    options.path = Db();
    Result<std::unique_ptr<Store>> store = OpenSqliteStore(options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    Result<std::unique_ptr<WriteTxn>> txn = (*store)->BeginWrite();
    ASSERT_TRUE(txn.ok());
    for (int i = 1; i <= count; ++i) {
      AuditRecord row;
      row.tenant = "demo";
      row.actor = "user:novakova";
      row.at = FromMillis(1775030400000 + int64_t{i} * 60000);
      row.action = i % 2 == 0 ? "GET /api/v1/cases/{id}" : "POST /api/v1/cases/{id}/events";
      row.target = "case:" + std::to_string(i);
      row.outcome = "ok";
      row.client = "10.0.0.7";
      ASSERT_TRUE((*txn)->AppendAudit(row).ok());
    }
    ASSERT_TRUE((*txn)->Commit().ok());
  }

  // Runs `sql` on the file with the sqlite3 library itself; the error text, "" on success.
  std::string Tamper(const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(Db().c_str(), &db);
    char* error = nullptr;
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    return message;
  }

  testing::CommandOutput Verify() { return testing::RunSouhra("audit verify --db " + Db()); }

  std::string Db() { return dir_.File("souhra.db"); }

  testing::TempDir dir_;
};

TEST_F(AuditCommand, ACleanChainHoldsAndCountsItsRows) {
  AppendRows(5);
  testing::CommandOutput verified = Verify();
  EXPECT_EQ(verified.exit_code, 0) << verified.output;
  EXPECT_NE(verified.output.find("the chain holds: 5 rows (head "), std::string::npos)
      << verified.output;
}

TEST_F(AuditCommand, AnEmptyLogHolds) {
  AppendRows(0);
  testing::CommandOutput verified = Verify();
  EXPECT_EQ(verified.exit_code, 0) << verified.output;
  EXPECT_NE(verified.output.find("the chain holds: 0 rows"), std::string::npos) << verified.output;
}

TEST_F(AuditCommand, AnEditedRowIsNamedWithItsTimeAndAction) {
  AppendRows(5);
  ASSERT_EQ(Tamper("DROP TRIGGER audit_no_update;"
                   "UPDATE audit SET actor = 'user:cerna' WHERE id = 3"),
            "");
  testing::CommandOutput verified = Verify();
  EXPECT_EQ(verified.exit_code, 1) << verified.output;
  EXPECT_NE(verified.output.find("the chain breaks at row 3 (2026-04-01T08:03:00.000Z, POST "
                                 "/api/v1/cases/{id}/events): its content or hash was changed"),
            std::string::npos)
      << verified.output;
  EXPECT_NE(verified.output.find("rows before it hold: 2"), std::string::npos) << verified.output;
}

TEST_F(AuditCommand, ARowWhoseHashWasReplacedIsNamed) {
  AppendRows(4);
  ASSERT_EQ(Tamper("DROP TRIGGER audit_no_update;"
                   "UPDATE audit SET hash = printf('%064d', 7) WHERE id = 2"),
            "");
  testing::CommandOutput verified = Verify();
  EXPECT_EQ(verified.exit_code, 1) << verified.output;
  EXPECT_NE(verified.output.find("the chain breaks at row 2 "), std::string::npos)
      << verified.output;
}

TEST_F(AuditCommand, ADeletedRowIsNamed) {
  AppendRows(5);
  ASSERT_EQ(Tamper("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 2"), "");
  testing::CommandOutput verified = Verify();
  EXPECT_EQ(verified.exit_code, 1) << verified.output;
  EXPECT_NE(verified.output.find("the chain breaks: row 2 was deleted (the next row is 3, "
                                 "2026-04-01T08:03:00.000Z, POST /api/v1/cases/{id}/events)"),
            std::string::npos)
      << verified.output;
}

TEST_F(AuditCommand, WithoutVerifyItShowsItsUsage) {
  AppendRows(0);
  testing::CommandOutput used = testing::RunSouhra("audit --db " + Db());
  EXPECT_EQ(used.exit_code, 2);
  EXPECT_NE(used.output.find("Použití: souhra audit verify [volby]"), std::string::npos);
}

}  // namespace
}  // namespace souhra
