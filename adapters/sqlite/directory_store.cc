#include "adapters/sqlite/directory_store.h"

#include <algorithm>

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
using sqlite::Statement;

#define SOUHRA_USER_COLUMNS                                                               \
  "tenant, login, name, email, roles, password_hash, daily_digest, active, integration, " \
  "must_change_password"
#define SOUHRA_ACTOR_COLUMNS                                                          \
  "tenant, id, name, organisation, kind, email, phone, webhook_url, webhook_secret, " \
  "formal_agreement, active"

TenantRecord ReadTenant(Statement& row) {
  TenantRecord tenant;
  tenant.id = row.Text(0);
  tenant.name = row.Text(1);
  tenant.settings = row.JsonColumn(2);
  return tenant;
}

UserRecord ReadUser(Statement& row) {
  UserRecord user;
  user.tenant = row.Text(0);
  user.login = row.Text(1);
  user.name = row.Text(2);
  user.email = row.Text(3);
  Json roles = row.JsonColumn(4);
  if (roles.is_array()) {
    for (const Json& role : roles) {
      if (role.is_string()) user.roles.push_back(role.get<std::string>());
    }
  }
  user.password_hash = row.Text(5);
  user.daily_digest = row.Bool(6);
  user.active = row.Bool(7);
  user.integration = row.Bool(8);
  user.must_change_password = row.Bool(9);
  return user;
}

ActorRecord ReadActor(Statement& row) {
  ActorRecord actor;
  actor.tenant = row.Text(0);
  actor.id = row.Text(1);
  actor.name = row.Text(2);
  actor.organisation = row.Text(3);
  actor.kind = row.Text(4);
  actor.email = row.Text(5);
  actor.phone = row.Text(6);
  actor.webhook_url = row.Text(7);
  actor.webhook_secret = row.Text(8);
  actor.formal_agreement = row.Bool(9);
  actor.active = row.Bool(10);
  return actor;
}

bool KnownRole(const std::string& role) {
  return std::any_of(std::begin(kUserRoles), std::end(kUserRoles),
                     [&](const char* known) { return role == known; });
}

class SqliteDirectory final : public Directory {
 public:
  SqliteDirectory(std::shared_ptr<sqlite::GuardedConnection> writer,
                  std::unique_ptr<sqlite::ReaderPool> readers)
      : writer_(std::move(writer)), readers_(std::move(readers)) {}

  Result<std::optional<TenantRecord>> GetTenant(const std::string& id) override {
    SOUHRA_ASSIGN_OR_RETURN(sqlite::ReadLease lease, readers_->Acquire());
    Connection& db = lease.conn();
    SOUHRA_ASSIGN_OR_RETURN(
        Statement stmt,
        db.Prepare("SELECT id, name, settings FROM tenants WHERE id = ?", "load tenant"));
    stmt.Bind(id);
    return FirstRow(stmt, &ReadTenant);
  }
  Result<std::vector<TenantRecord>> ListTenants() override {
    SOUHRA_ASSIGN_OR_RETURN(sqlite::ReadLease lease, readers_->Acquire());
    Connection& db = lease.conn();
    SOUHRA_ASSIGN_OR_RETURN(
        Statement stmt,
        db.Prepare("SELECT id, name, settings FROM tenants ORDER BY id", "list tenants"));
    return AllRows(stmt, &ReadTenant);
  }
  Status PutTenant(const TenantRecord& tenant) override {
    if (tenant.id.empty()) return InvalidArgument("a tenant needs an id");
    return sqlite::RunOutsideTransaction(*writer_, [&](Connection& db) -> Status {
      SOUHRA_ASSIGN_OR_RETURN(
          Statement stmt,
          db.Prepare("INSERT OR REPLACE INTO tenants (id, name, settings) VALUES (?, ?, ?)",
                     "save tenant"));
      stmt.Bind(tenant.id).Bind(tenant.name).BindJson(tenant.settings);
      return stmt.Run();
    });
  }

  Result<std::optional<UserRecord>> GetUser(const std::string& tenant,
                                            const std::string& login) override {
    SOUHRA_ASSIGN_OR_RETURN(sqlite::ReadLease lease, readers_->Acquire());
    Connection& db = lease.conn();
    SOUHRA_ASSIGN_OR_RETURN(Statement stmt, db.Prepare("SELECT " SOUHRA_USER_COLUMNS
                                                       " FROM users WHERE tenant = ? AND login = ?",
                                                       "load user"));
    stmt.Bind(tenant).Bind(login);
    return FirstRow(stmt, &ReadUser);
  }
  Result<std::vector<UserRecord>> ListUsers(const std::string& tenant) override {
    SOUHRA_ASSIGN_OR_RETURN(sqlite::ReadLease lease, readers_->Acquire());
    Connection& db = lease.conn();
    SOUHRA_ASSIGN_OR_RETURN(
        Statement stmt,
        db.Prepare("SELECT " SOUHRA_USER_COLUMNS " FROM users WHERE tenant = ? ORDER BY login",
                   "list users"));
    stmt.Bind(tenant);
    return AllRows(stmt, &ReadUser);
  }
  Status PutUser(const UserRecord& user) override {
    if (user.login.empty()) return InvalidArgument("a user needs a login");
    for (const std::string& role : user.roles) {
      if (!KnownRole(role)) return InvalidArgument("unknown role '" + role + "'");
    }
    // No person signs in as an integration: it authenticates only with its bearer tokens.
    if (user.integration && !user.password_hash.empty()) {
      return InvalidArgument("an integration user has no password");
    }
    SOUHRA_RETURN_IF_ERROR(RequireTenant(user.tenant));
    return sqlite::RunOutsideTransaction(*writer_, [&](Connection& db) -> Status {
      SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                              db.Prepare("INSERT OR REPLACE INTO users (" SOUHRA_USER_COLUMNS
                                         ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                         "save user"));
      stmt.Bind(user.tenant)
          .Bind(user.login)
          .Bind(user.name)
          .Bind(user.email)
          .BindJson(Json(user.roles))
          .Bind(user.password_hash)
          .Bind(int64_t{user.daily_digest})
          .Bind(int64_t{user.active})
          .Bind(int64_t{user.integration})
          .Bind(int64_t{user.must_change_password});
      return stmt.Run();
    });
  }

  Result<std::optional<ActorRecord>> GetActor(const std::string& tenant,
                                              const std::string& id) override {
    SOUHRA_ASSIGN_OR_RETURN(sqlite::ReadLease lease, readers_->Acquire());
    Connection& db = lease.conn();
    SOUHRA_ASSIGN_OR_RETURN(Statement stmt, db.Prepare("SELECT " SOUHRA_ACTOR_COLUMNS
                                                       " FROM actors WHERE tenant = ? AND id = ?",
                                                       "load actor"));
    stmt.Bind(tenant).Bind(id);
    return FirstRow(stmt, &ReadActor);
  }
  Result<std::vector<ActorRecord>> ListActors(const std::string& tenant) override {
    SOUHRA_ASSIGN_OR_RETURN(sqlite::ReadLease lease, readers_->Acquire());
    Connection& db = lease.conn();
    SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                            db.Prepare("SELECT " SOUHRA_ACTOR_COLUMNS " FROM actors"
                                       " WHERE tenant = ? ORDER BY organisation, name",
                                       "list actors"));
    stmt.Bind(tenant);
    return AllRows(stmt, &ReadActor);
  }
  Status PutActor(const ActorRecord& actor) override {
    if (actor.id.empty()) return InvalidArgument("an actor needs an id");
    SOUHRA_RETURN_IF_ERROR(RequireTenant(actor.tenant));
    return sqlite::RunOutsideTransaction(*writer_, [&](Connection& db) -> Status {
      SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                              db.Prepare("INSERT OR REPLACE INTO actors (" SOUHRA_ACTOR_COLUMNS
                                         ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                         "save actor"));
      stmt.Bind(actor.tenant)
          .Bind(actor.id)
          .Bind(actor.name)
          .Bind(actor.organisation)
          .Bind(actor.kind)
          .Bind(actor.email)
          .Bind(actor.phone)
          .Bind(actor.webhook_url)
          .Bind(actor.webhook_secret)
          .Bind(int64_t{actor.formal_agreement})
          .Bind(int64_t{actor.active});
      return stmt.Run();
    });
  }

 private:
  Status RequireTenant(const std::string& id) {
    SOUHRA_ASSIGN_OR_RETURN(std::optional<TenantRecord> tenant, GetTenant(id));
    if (!tenant) return InvalidArgument("tenant '" + id + "' does not exist");
    return Status::Ok();
  }

  std::shared_ptr<sqlite::GuardedConnection> writer_;  // the store's too, in `souhra serve`
  std::unique_ptr<sqlite::ReaderPool> readers_;
};

}  // namespace

namespace sqlite {

std::unique_ptr<Directory> DirectoryOn(std::shared_ptr<GuardedConnection> writer,
                                       std::unique_ptr<ReaderPool> readers) {
  return std::make_unique<SqliteDirectory>(std::move(writer), std::move(readers));
}

}  // namespace sqlite

Result<std::unique_ptr<Directory>> OpenSqliteDirectory(const SqliteOptions& options) {
  auto writer = std::make_shared<sqlite::GuardedConnection>();
  SOUHRA_ASSIGN_OR_RETURN(writer->conn,
                          Connection::Open(options.path, options.vfs, /*create=*/true));
  SOUHRA_RETURN_IF_ERROR(sqlite::ConfigureWriter(*writer->conn, options));
  SOUHRA_RETURN_IF_ERROR(sqlite::Migrate(*writer->conn, sqlite::SchemaMigrations()));
  std::unique_ptr<sqlite::ReaderPool> readers = sqlite::ReadersFor(writer.get(), options);
  return sqlite::DirectoryOn(std::move(writer), std::move(readers));
}

}  // namespace souhra
