// The audit log accounts for every access: change attempts without credentials, sign-ins naming
// a tenant that does not exist, and reads of a case file; the head sees who read a case.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "tests/fakes/api_server.h"

namespace souhra {
namespace {

using testing::BrowserSession;

class ApiAudit : public testing::ApiServerFixture {
 protected:
  // The audit table's rows matching `where`, as "tenant|actor|action|target|outcome|client",
  // read from the file itself.
  std::vector<std::string> AuditRows(const std::string& where) {
    sqlite3* db = nullptr;
    sqlite3_open(dir_.File("souhra.db").c_str(), &db);
    const std::string sql =
        "SELECT tenant || '|' || actor || '|' || action || '|' || target || '|' || outcome ||"
        " '|' || client FROM audit WHERE " +
        where + " ORDER BY id";
    sqlite3_stmt* stmt = nullptr;
    std::vector<std::string> rows;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
      while (sqlite3_step(stmt) == SQLITE_ROW) {
        rows.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
      }
    } else {
      ADD_FAILURE() << sqlite3_errmsg(db);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return rows;
  }
};

TEST_F(ApiAudit, AnUnauthenticatedChangeLeavesARowUnderNoTenant) {
  httplib::Result refused =
      client_->Post("/api/v1/cases", Json{{"code", "K-1"}}.dump(), "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 401);
  EXPECT_EQ(AuditRows("action = 'POST /api/v1/cases'"),
            std::vector<std::string>{"|anonymous|POST /api/v1/cases||unauthenticated|127.0.0.1"});
}

TEST_F(ApiAudit, ARefusedRoleIsRecordedUnderTheProvenTenant) {
  BrowserSession methodologist = SignIn("kucera");
  httplib::Result refused =
      Send("POST", "/api/v1/cases", methodologist, Json{{"code", "K-1"}}.dump());
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  EXPECT_EQ(AuditRows("action = 'POST /api/v1/cases'"),
            std::vector<std::string>{"demo|user:kucera|POST /api/v1/cases||forbidden|127.0.0.1"});
}

TEST_F(ApiAudit, ASignInNamingAMadeUpTenantWritesNothingUnderIt) {
  httplib::Result refused =
      client_->Post("/api/v1/session",
                    Json{{"tenant", "vymysleny"}, {"login", "novakova"}, {"password", "x"}}.dump(),
                    "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 401);
  EXPECT_TRUE(AuditRows("tenant = 'vymysleny'").empty());
  EXPECT_EQ(AuditRows("action = 'POST /api/v1/session'"),
            std::vector<std::string>{
                "|anonymous|POST /api/v1/session|login:novakova|invalid_credentials|127.0.0.1"});
}

TEST_F(ApiAudit, AFailedSignInForAnExistingTenantIsRecordedUnderItAsAnonymous) {
  httplib::Result refused = client_->Post(
      "/api/v1/session", Json{{"tenant", "demo"}, {"login", "novakova"}, {"password", "x"}}.dump(),
      "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(AuditRows("action = 'POST /api/v1/session'"),
            std::vector<std::string>{
                "demo|anonymous|POST /api/v1/session|login:novakova|invalid_credentials|"
                "127.0.0.1"});
}

TEST_F(ApiAudit, ReadingACaseFileRecordsTheReaderTheCaseAndTheClient) {
  const CaseId id = CreateCase("K-1", "novakova");
  BrowserSession manager = SignIn("novakova");
  httplib::Result file = Send("GET", "/api/v1/cases/" + std::to_string(id), manager);
  ASSERT_TRUE(file);
  ASSERT_EQ(file->status, 200) << file->body;
  EXPECT_EQ(AuditRows("action LIKE 'GET %'"),
            std::vector<std::string>{"demo|user:novakova|GET /api/v1/cases/{id}|case:" +
                                     std::to_string(id) + "|ok|127.0.0.1"});
}

TEST_F(ApiAudit, AReadOfACaseSomeoneMayNotSeeIsRecordedAsRefused) {
  const CaseId id = CreateCase("K-1", "novakova");
  BrowserSession worker = SignIn("dvorakova");
  httplib::Result file = Send("GET", "/api/v1/cases/" + std::to_string(id), worker);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->status, 404);
  EXPECT_EQ(AuditRows("action LIKE 'GET %'"),
            std::vector<std::string>{"demo|user:dvorakova|GET /api/v1/cases/{id}|case:" +
                                     std::to_string(id) + "|not_found|127.0.0.1"});
}

TEST_F(ApiAudit, ListsOfManyCasesAreNotRecordedAsReads) {
  CreateCase("K-1", "novakova");
  BrowserSession coordinator = SignIn("svoboda");
  httplib::Result list = Send("GET", "/api/v1/cases", coordinator);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  EXPECT_TRUE(AuditRows("action LIKE 'GET %'").empty());
}

TEST_F(ApiAudit, TheHeadSeesWhoReadACaseByNameToTheMinute) {
  const CaseId id = CreateCase("K-1", "novakova");
  const std::string path = "/api/v1/cases/" + std::to_string(id);
  clock_.Advance(std::chrono::seconds(30));
  ASSERT_EQ(Send("GET", path, SignIn("novakova"))->status, 200);
  ASSERT_EQ(Send("GET", path, SignIn("dvorakova"))->status, 404);
  BrowserSession head = SignIn("cerna");
  httplib::Result reads = Send("GET", path + "/reads", head);
  ASSERT_TRUE(reads);
  ASSERT_EQ(reads->status, 200) << reads->body;
  const Json list = BodyOf(reads)["reads"];
  ASSERT_EQ(list.size(), 2u) << list.dump();
  EXPECT_EQ(list[0]["name"], "Bc. Lenka Dvořáková");
  EXPECT_EQ(list[0]["read"], false);
  EXPECT_EQ(list[1]["name"], "Mgr. Jana Nováková");
  EXPECT_EQ(list[1]["read"], true);
  EXPECT_EQ(list[1]["at_text"], "st 1. 4. 2026 10:00");
  EXPECT_EQ(list[1]["via"], "session");
  // Looking at the list of readers is not itself a read of the case file.
  EXPECT_EQ(AuditRows("action LIKE 'GET %'").size(), 2u);
}

TEST_F(ApiAudit, OnlyTheHeadSeesWhoReadACase) {
  const CaseId id = CreateCase("K-1", "novakova");
  const std::string path = "/api/v1/cases/" + std::to_string(id) + "/reads";
  for (const char* login : {"svoboda", "novakova", "spravce"}) {
    httplib::Result refused = Send("GET", path, SignIn(login));
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403) << login;
  }
}

}  // namespace
}  // namespace souhra
