#include "adapters/sqlite/access_store.h"

#include <limits>

#include "adapters/sqlite/audit_rows.h"
#include "adapters/sqlite/connection.h"
#include "adapters/sqlite/pragmas.h"
#include "adapters/sqlite/rows.h"
#include "adapters/sqlite/schema.h"
#include "adapters/sqlite/write_txn.h"

namespace souhra {
namespace {

using sqlite::AllRows;
using sqlite::Connection;
using sqlite::FirstRow;
using sqlite::ReadAudit;
using sqlite::Statement;

#define SOUHRA_SESSION_COLUMNS "token_hash, tenant, login, csrf_token, created, last_seen"
#define SOUHRA_API_TOKEN_COLUMNS \
  "token_hash, tenant, login, name, created, created_by, revoked, id, expires, last_used"
#define SOUHRA_AUDIT_COLUMNS "id, tenant, actor, at, action, target, outcome, client, hash"

SessionRecord ReadSession(Statement& row) {
  SessionRecord session;
  session.token_hash = row.Text(0);
  session.tenant = row.Text(1);
  session.login = row.Text(2);
  session.csrf_token = row.Text(3);
  session.created = row.Time(4);
  session.last_seen = row.Time(5);
  return session;
}

ApiTokenRecord ReadApiToken(Statement& row) {
  ApiTokenRecord token;
  token.token_hash = row.Text(0);
  token.tenant = row.Text(1);
  token.login = row.Text(2);
  token.name = row.Text(3);
  token.created = row.Time(4);
  token.created_by = row.Text(5);
  token.revoked = row.Bool(6);
  token.id = row.Text(7);
  token.expires = row.Time(8);
  token.last_used = row.OptionalTime(9);
  return token;
}

Status InsertSignInFailures(Connection& db, const std::vector<std::string>& keys, Instant at) {
  for (const std::string& key : keys) {
    SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                            db.Prepare("INSERT INTO sign_in_failures (key, at) VALUES (?, ?)",
                                       "record sign-in failure"));
    stmt.Bind(key).Bind(at);
    SOUHRA_RETURN_IF_ERROR(stmt.Run());
  }
  return Status::Ok();
}

class SqliteAccessStore final : public AccessStore {
 public:
  SqliteAccessStore(std::shared_ptr<sqlite::GuardedConnection> writer,
                    std::unique_ptr<sqlite::ReaderPool> readers)
      : writer_(std::move(writer)), readers_(std::move(readers)) {}

  Status PutSession(const SessionRecord& s) override {
    return sqlite::RunOutsideTransaction(*writer_, [&](Connection& db) -> Status {
      SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                              db.Prepare("INSERT OR REPLACE INTO sessions (" SOUHRA_SESSION_COLUMNS
                                         ") VALUES (?, ?, ?, ?, ?, ?)",
                                         "save session"));
      stmt.Bind(s.token_hash)
          .Bind(s.tenant)
          .Bind(s.login)
          .Bind(s.csrf_token)
          .Bind(s.created)
          .Bind(s.last_seen);
      return stmt.Run();
    });
  }
  Result<std::optional<SessionRecord>> GetSession(const std::string& token_hash) override {
    SOUHRA_ASSIGN_OR_RETURN(sqlite::ReadLease lease, readers_->Acquire());
    Connection& db = lease.conn();
    SOUHRA_ASSIGN_OR_RETURN(Statement stmt, db.Prepare("SELECT " SOUHRA_SESSION_COLUMNS
                                                       " FROM sessions WHERE token_hash = ?",
                                                       "load session"));
    stmt.Bind(token_hash);
    return FirstRow(stmt, &ReadSession);
  }
  Status TouchSession(const std::string& token_hash, Instant at) override {
    return sqlite::RunOutsideTransaction(*writer_, [&](Connection& db) -> Status {
      SOUHRA_ASSIGN_OR_RETURN(
          Statement stmt,
          db.Prepare("UPDATE sessions SET last_seen = ? WHERE token_hash = ?", "touch session"));
      stmt.Bind(at).Bind(token_hash);
      return stmt.Run();
    });
  }
  Status DeleteSession(const std::string& token_hash) override {
    return sqlite::RunOutsideTransaction(*writer_, [&](Connection& db) -> Status {
      SOUHRA_ASSIGN_OR_RETURN(
          Statement stmt,
          db.Prepare("DELETE FROM sessions WHERE token_hash = ?", "delete session"));
      stmt.Bind(token_hash);
      return stmt.Run();
    });
  }
  Status DeleteSessionsOf(const std::string& tenant, const std::string& login) override {
    return sqlite::RunOutsideTransaction(*writer_, [&](Connection& db) -> Status {
      SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                              db.Prepare("DELETE FROM sessions WHERE tenant = ? AND login = ?",
                                         "delete user's sessions"));
      stmt.Bind(tenant).Bind(login);
      return stmt.Run();
    });
  }

  Status PutApiToken(const ApiTokenRecord& t) override {
    return sqlite::RunOutsideTransaction(*writer_, [&](Connection& db) -> Status {
      SOUHRA_ASSIGN_OR_RETURN(
          Statement stmt, db.Prepare("INSERT OR REPLACE INTO api_tokens (" SOUHRA_API_TOKEN_COLUMNS
                                     ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                     "save api token"));
      stmt.Bind(t.token_hash)
          .Bind(t.tenant)
          .Bind(t.login)
          .Bind(t.name)
          .Bind(t.created)
          .Bind(t.created_by)
          .Bind(int64_t{t.revoked})
          .Bind(t.id)
          .Bind(t.expires)
          .Bind(t.last_used);
      return stmt.Run();
    });
  }
  Result<std::optional<ApiTokenRecord>> GetApiToken(const std::string& token_hash) override {
    SOUHRA_ASSIGN_OR_RETURN(sqlite::ReadLease lease, readers_->Acquire());
    Connection& db = lease.conn();
    SOUHRA_ASSIGN_OR_RETURN(Statement stmt, db.Prepare("SELECT " SOUHRA_API_TOKEN_COLUMNS
                                                       " FROM api_tokens WHERE token_hash = ?",
                                                       "load api token"));
    stmt.Bind(token_hash);
    return FirstRow(stmt, &ReadApiToken);
  }
  Result<std::vector<ApiTokenRecord>> ListApiTokens(const std::string& tenant) override {
    SOUHRA_ASSIGN_OR_RETURN(sqlite::ReadLease lease, readers_->Acquire());
    Connection& db = lease.conn();
    SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                            db.Prepare("SELECT " SOUHRA_API_TOKEN_COLUMNS " FROM api_tokens"
                                       " WHERE tenant = ? ORDER BY created DESC, id",
                                       "list api tokens"));
    stmt.Bind(tenant);
    return AllRows(stmt, &ReadApiToken);
  }
  Result<ApiTokenRecord> RevokeApiToken(const std::string& tenant, const std::string& id) override {
    std::optional<ApiTokenRecord> revoked;
    SOUHRA_RETURN_IF_ERROR(sqlite::RunOutsideTransaction(*writer_, [&](Connection& db) -> Status {
      SOUHRA_ASSIGN_OR_RETURN(
          Statement update,
          db.Prepare("UPDATE api_tokens SET revoked = 1 WHERE tenant = ? AND id = ?",
                     "revoke api token"));
      update.Bind(tenant).Bind(id);
      SOUHRA_RETURN_IF_ERROR(update.Run());
      SOUHRA_ASSIGN_OR_RETURN(Statement select,
                              db.Prepare("SELECT " SOUHRA_API_TOKEN_COLUMNS
                                         " FROM api_tokens WHERE tenant = ? AND id = ?",
                                         "load revoked api token"));
      select.Bind(tenant).Bind(id);
      SOUHRA_ASSIGN_OR_RETURN(revoked, FirstRow(select, &ReadApiToken));
      return Status::Ok();
    }));
    if (!revoked) return NotFound("Token nebyl nalezen.");
    return *revoked;
  }
  Status TouchApiToken(const std::string& token_hash, Instant at) override {
    return sqlite::RunOutsideTransaction(*writer_, [&](Connection& db) -> Status {
      SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                              db.Prepare("UPDATE api_tokens SET last_used = ? WHERE token_hash = ?",
                                         "touch api token"));
      stmt.Bind(at).Bind(token_hash);
      return stmt.Run();
    });
  }

  Result<std::vector<AuditRecord>> ListAudit(const std::string& tenant, int64_t before,
                                             int limit) override {
    SOUHRA_ASSIGN_OR_RETURN(sqlite::ReadLease lease, readers_->Acquire());
    Connection& db = lease.conn();
    SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                            db.Prepare("SELECT " SOUHRA_AUDIT_COLUMNS " FROM audit"
                                       " WHERE tenant = ? AND id < ? ORDER BY id DESC LIMIT ?",
                                       "list audit"));
    stmt.Bind(tenant)
        .Bind(before > 0 ? before : std::numeric_limits<int64_t>::max())
        .Bind(int64_t{limit});
    return AllRows(stmt, &ReadAudit);
  }
  Result<std::vector<AuditRecord>> ListAuditOf(const std::string& tenant, const std::string& action,
                                               const std::string& target, int limit) override {
    SOUHRA_ASSIGN_OR_RETURN(sqlite::ReadLease lease, readers_->Acquire());
    Connection& db = lease.conn();
    SOUHRA_ASSIGN_OR_RETURN(
        Statement stmt,
        db.Prepare("SELECT " SOUHRA_AUDIT_COLUMNS " FROM audit"
                   " WHERE tenant = ? AND target = ? AND action = ? ORDER BY id DESC LIMIT ?",
                   "list audit of a target"));
    stmt.Bind(tenant).Bind(target).Bind(action).Bind(int64_t{limit});
    return AllRows(stmt, &ReadAudit);
  }

  Status AddSignInFailures(const std::vector<std::string>& keys, Instant at) override {
    return sqlite::RunOutsideTransaction(*writer_, [&](Connection& db) -> Status {
      SOUHRA_RETURN_IF_ERROR(db.Run("SAVEPOINT sign_in_failures", "begin sign-in failures"));
      Status status = InsertSignInFailures(db, keys, at);
      if (status.ok()) return db.Run("RELEASE sign_in_failures", "save sign-in failures");
      (void)db.Run("ROLLBACK TO sign_in_failures", "undo sign-in failures");
      (void)db.Run("RELEASE sign_in_failures", "end sign-in failures");
      return status;
    });
  }
  Result<std::vector<Instant>> SignInFailuresSince(const std::string& key, Instant since) override {
    SOUHRA_ASSIGN_OR_RETURN(sqlite::ReadLease lease, readers_->Acquire());
    Connection& db = lease.conn();
    SOUHRA_ASSIGN_OR_RETURN(Statement stmt, db.Prepare("SELECT at FROM sign_in_failures"
                                                       " WHERE key = ? AND at > ? ORDER BY at",
                                                       "list sign-in failures"));
    stmt.Bind(key).Bind(since);
    return AllRows(
        stmt, +[](Statement& row) { return row.Time(0); });
  }
  Status ClearSignInFailures(const std::string& key) override {
    return sqlite::RunOutsideTransaction(*writer_, [&](Connection& db) -> Status {
      SOUHRA_ASSIGN_OR_RETURN(
          Statement stmt,
          db.Prepare("DELETE FROM sign_in_failures WHERE key = ?", "clear sign-in failures"));
      stmt.Bind(key);
      return stmt.Run();
    });
  }
  Status PruneSignInFailures(Instant before) override {
    return sqlite::RunOutsideTransaction(*writer_, [&](Connection& db) -> Status {
      SOUHRA_ASSIGN_OR_RETURN(
          Statement stmt,
          db.Prepare("DELETE FROM sign_in_failures WHERE at < ?", "prune sign-in failures"));
      stmt.Bind(before);
      return stmt.Run();
    });
  }

 private:
  std::shared_ptr<sqlite::GuardedConnection> writer_;  // the store's too, in `souhra serve`
  std::unique_ptr<sqlite::ReaderPool> readers_;
};

}  // namespace

namespace sqlite {

std::unique_ptr<AccessStore> AccessStoreOn(std::shared_ptr<GuardedConnection> writer,
                                           std::unique_ptr<ReaderPool> readers) {
  return std::make_unique<SqliteAccessStore>(std::move(writer), std::move(readers));
}

}  // namespace sqlite

Result<std::unique_ptr<AccessStore>> OpenSqliteAccessStore(const SqliteOptions& options) {
  auto writer = std::make_shared<sqlite::GuardedConnection>();
  SOUHRA_ASSIGN_OR_RETURN(writer->conn,
                          Connection::Open(options.path, options.vfs, /*create=*/true));
  SOUHRA_RETURN_IF_ERROR(sqlite::ConfigureWriter(*writer->conn, options));
  SOUHRA_RETURN_IF_ERROR(sqlite::Migrate(*writer->conn, sqlite::SchemaMigrations()));
  std::unique_ptr<sqlite::ReaderPool> readers = sqlite::ReadersFor(writer.get(), options);
  return sqlite::AccessStoreOn(std::move(writer), std::move(readers));
}

}  // namespace souhra
