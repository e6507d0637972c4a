// Sessions, bearer tokens and the audit log in SQLite: kept by hash, and the audit log only grows.
#include "adapters/sqlite/access_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "tests/contracts/audit_log_contract.h"
#include "tests/fakes/temp_dir.h"

namespace souhra {
namespace {

class AccessStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SqliteOptions options;
    options.path = dir_.File("souhra.db");
    auto opened = OpenSqliteAccessStore(options);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    access_ = std::move(opened).value();
  }

  AuditRecord Audit(const std::string& tenant, const std::string& target) {
    AuditRecord record;
    record.tenant = tenant;
    record.actor = "user:svoboda";
    record.at = FromMillis(1000);
    record.action = "POST /api/v1/cases";
    record.target = target;
    record.outcome = "ok";
    record.client = "127.0.0.1";
    return record;
  }

  // Runs `sql` on a connection of its own; the SQLite error message, "" on success.
  std::string Exec(const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(dir_.File("souhra.db").c_str(), &db);
    char* error = nullptr;
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    return message;
  }

  testing::TempDir dir_;
  std::unique_ptr<AccessStore> access_;
};

TEST_F(AccessStoreTest, ASessionIsFoundByItsHashTouchedAndDeleted) {
  SessionRecord session;
  session.token_hash = "h1";
  session.tenant = "demo";
  session.login = "novakova";
  session.csrf_token = "c1";
  session.created = FromMillis(1000);
  session.last_seen = FromMillis(1000);
  ASSERT_TRUE(access_->PutSession(session).ok());
  ASSERT_TRUE(access_->TouchSession("h1", FromMillis(5000)).ok());
  auto found = access_->GetSession("h1");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->login, "novakova");
  EXPECT_EQ((*found)->csrf_token, "c1");
  EXPECT_EQ((*found)->last_seen, FromMillis(5000));
  ASSERT_TRUE(access_->DeleteSession("h1").ok());
  EXPECT_FALSE(access_->GetSession("h1")->has_value());
}

TEST_F(AccessStoreTest, AUsersSessionsEndTogetherAndOnlyTheirs) {
  SessionRecord session;
  session.tenant = "demo";
  session.login = "novakova";
  for (const char* hash : {"h1", "h2"}) {
    session.token_hash = hash;
    ASSERT_TRUE(access_->PutSession(session).ok());
  }
  session.token_hash = "h3";
  session.tenant = "frydek";
  ASSERT_TRUE(access_->PutSession(session).ok());
  session.token_hash = "h4";
  session.tenant = "demo";
  session.login = "svoboda";
  ASSERT_TRUE(access_->PutSession(session).ok());

  ASSERT_TRUE(access_->DeleteSessionsOf("demo", "novakova").ok());
  EXPECT_FALSE(access_->GetSession("h1")->has_value());
  EXPECT_FALSE(access_->GetSession("h2")->has_value());
  EXPECT_TRUE(access_->GetSession("h3")->has_value());
  EXPECT_TRUE(access_->GetSession("h4")->has_value());
}

TEST_F(AccessStoreTest, SignInFailuresAreCountedPerKeyInTheirWindowClearedAndPruned) {
  ASSERT_TRUE(
      access_->AddSignInFailures({"login:demo/cerna", "client:10.0.0.1"}, FromMillis(1000)).ok());
  ASSERT_TRUE(
      access_->AddSignInFailures({"login:demo/cerna", "client:10.0.0.2"}, FromMillis(3000)).ok());
  Result<std::vector<Instant>> cerna =
      access_->SignInFailuresSince("login:demo/cerna", FromMillis(0));
  ASSERT_TRUE(cerna.ok()) << cerna.status().ToString();
  EXPECT_EQ(*cerna, (std::vector<Instant>{FromMillis(1000), FromMillis(3000)}));
  EXPECT_EQ(access_->SignInFailuresSince("login:demo/cerna", FromMillis(2000))->size(), 1u);
  EXPECT_EQ(access_->SignInFailuresSince("client:10.0.0.1", FromMillis(0))->size(), 1u);

  ASSERT_TRUE(access_->ClearSignInFailures("login:demo/cerna").ok());
  EXPECT_TRUE(access_->SignInFailuresSince("login:demo/cerna", FromMillis(0))->empty());
  EXPECT_EQ(access_->SignInFailuresSince("client:10.0.0.2", FromMillis(0))->size(), 1u);

  ASSERT_TRUE(access_->PruneSignInFailures(FromMillis(2000)).ok());
  EXPECT_TRUE(access_->SignInFailuresSince("client:10.0.0.1", FromMillis(0))->empty());
  EXPECT_EQ(access_->SignInFailuresSince("client:10.0.0.2", FromMillis(0))->size(), 1u);
}

TEST_F(AccessStoreTest, SignInFailuresAreKeptAcrossReopeningTheFile) {
  ASSERT_TRUE(access_->AddSignInFailures({"login:demo/cerna"}, FromMillis(1000)).ok());
  access_.reset();
  SqliteOptions options;
  options.path = dir_.File("souhra.db");
  auto reopened = OpenSqliteAccessStore(options);
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ((*reopened)->SignInFailuresSince("login:demo/cerna", FromMillis(0))->size(), 1u);
}

TEST_F(AccessStoreTest, TheAuditLogListsNewestFirstPerTenantAndRefusesUpdateAndDelete) {
  // Rows are appended in the engine's write transaction.
  SqliteOptions options;
  options.path = dir_.File("souhra.db");
  auto store = OpenSqliteStore(options);
  ASSERT_TRUE(store.ok());
  auto txn = (*store)->BeginWrite();
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE((*txn)->AppendAudit(Audit("demo", "case:1")).ok());
  ASSERT_TRUE((*txn)->AppendAudit(Audit("jina", "case:2")).ok());
  Result<int64_t> third = (*txn)->AppendAudit(Audit("demo", "case:3"));
  ASSERT_TRUE(third.ok());
  ASSERT_TRUE((*txn)->Commit().ok());
  auto rows = access_->ListAudit("demo", 0, 10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].target, "case:3");
  EXPECT_EQ((*rows)[1].target, "case:1");
  auto older = access_->ListAudit("demo", *third, 10);
  ASSERT_TRUE(older.ok());
  ASSERT_EQ(older->size(), 1u);

  EXPECT_NE(Exec("UPDATE audit SET outcome = 'forged'").find("append-only"), std::string::npos);
  EXPECT_NE(Exec("DELETE FROM audit").find("append-only"), std::string::npos);
  EXPECT_EQ(access_->ListAudit("demo", 0, 10)->size(), 2u);
}

ApiTokenRecord Token(const std::string& id, const std::string& tenant, int64_t created) {
  ApiTokenRecord token;
  token.id = id;
  token.token_hash = "hash-" + id;
  token.tenant = tenant;
  token.login = "integrace";
  token.name = "import " + id;
  token.created = FromMillis(created);
  token.created_by = "cli";
  token.expires = FromMillis(created + 1000);
  return token;
}

TEST_F(AccessStoreTest, ATokenIsFoundByItsHashWithItsIdAndExpiry) {
  ASSERT_TRUE(access_->PutApiToken(Token("a1", "demo", 1000)).ok());
  auto found = access_->GetApiToken("hash-a1");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->id, "a1");
  EXPECT_EQ((*found)->expires, FromMillis(2000));
  EXPECT_FALSE((*found)->last_used.has_value());
  EXPECT_FALSE((*found)->revoked);
  EXPECT_EQ((*found)->created_by, "cli");
  EXPECT_FALSE(access_->GetApiToken("a1")->has_value()) << "the id is not the hash";
}

TEST_F(AccessStoreTest, TokensAreListedNewestFirstPerTenant) {
  ASSERT_TRUE(access_->PutApiToken(Token("a1", "demo", 1000)).ok());
  ASSERT_TRUE(access_->PutApiToken(Token("a2", "demo", 3000)).ok());
  ASSERT_TRUE(access_->PutApiToken(Token("b1", "jina", 2000)).ok());
  auto tokens = access_->ListApiTokens("demo");
  ASSERT_TRUE(tokens.ok()) << tokens.status().ToString();
  ASSERT_EQ(tokens->size(), 2u);
  EXPECT_EQ((*tokens)[0].id, "a2");
  EXPECT_EQ((*tokens)[1].id, "a1");
  EXPECT_TRUE(access_->ListApiTokens("nikde")->empty());
}

TEST_F(AccessStoreTest, ATokenIsRevokedByIdWithinItsTenantOnly) {
  ASSERT_TRUE(access_->PutApiToken(Token("a1", "demo", 1000)).ok());
  EXPECT_EQ(access_->RevokeApiToken("jina", "a1").status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(access_->GetApiToken("hash-a1").value()->revoked);
  auto revoked = access_->RevokeApiToken("demo", "a1");
  ASSERT_TRUE(revoked.ok()) << revoked.status().ToString();
  EXPECT_TRUE(revoked->revoked);
  EXPECT_EQ(revoked->name, "import a1");
  EXPECT_TRUE(access_->GetApiToken("hash-a1").value()->revoked);
  EXPECT_TRUE(access_->RevokeApiToken("demo", "a1").ok()) << "revoking twice is no error";
  EXPECT_EQ(access_->RevokeApiToken("demo", "zz").status().code(), StatusCode::kNotFound);
}

TEST_F(AccessStoreTest, AUseIsRecordedOnTheToken) {
  ASSERT_TRUE(access_->PutApiToken(Token("a1", "demo", 1000)).ok());
  ASSERT_TRUE(access_->TouchApiToken("hash-a1", FromMillis(1500)).ok());
  ASSERT_TRUE(access_->TouchApiToken("hash-none", FromMillis(1500)).ok());
  EXPECT_EQ(access_->GetApiToken("hash-a1").value()->last_used, FromMillis(1500));
}

}  // namespace

namespace contracts {
namespace {

Result<AuditLogParts> OpenSqliteAuditLog(const std::string& dir) {
  SqliteOptions options;
  options.path = dir + "/souhra.db";
  SOUHRA_ASSIGN_OR_RETURN(SqliteDatabase database, OpenSqliteDatabase(options));
  return AuditLogParts{std::move(database.store), std::move(database.access)};
}

SOUHRA_AUDIT_LOG_CONTRACT(Sqlite, (AuditLogImplementation{"sqlite", OpenSqliteAuditLog}));

}  // namespace
}  // namespace contracts
}  // namespace souhra
