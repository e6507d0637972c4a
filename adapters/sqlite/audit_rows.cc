#include "adapters/sqlite/audit_rows.h"

#include <vector>

#include "adapters/sqlite/pragmas.h"
#include "adapters/sqlite/rows.h"
#include "adapters/sqlite/schema.h"
#include "engine/audit_chain.h"

namespace souhra {
namespace sqlite {

AuditRecord ReadAudit(Statement& row) {
  AuditRecord record;
  record.id = row.Int(0);
  record.tenant = row.Text(1);
  record.actor = row.Text(2);
  record.at = row.Time(3);
  record.action = row.Text(4);
  record.target = row.Text(5);
  record.outcome = row.Text(6);
  record.client = row.Text(7);
  record.hash = row.Text(8);
  return record;
}

namespace {

struct LastLink {
  int64_t id = 0;
  std::string hash = kAuditGenesis;
};

Result<LastLink> ReadLastLink(Connection& db) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", "read the audit chain"));
  SOUHRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  LastLink last;
  if (row) {
    last.id = stmt.Int(0);
    last.hash = stmt.Text(1);
  }
  return last;
}

}  // namespace

Result<int64_t> AppendChainedAudit(Connection& db, const AuditRecord& record) {
  SOUHRA_ASSIGN_OR_RETURN(LastLink last, ReadLastLink(db));
  AuditRecord row = record;
  row.id = last.id + 1;
  row.hash = AuditChainHash(last.hash, row);
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("INSERT INTO audit (id, tenant, actor, at, action, target, outcome, client, hash)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 "append audit"));
  stmt.Bind(row.id).Bind(row.tenant).Bind(row.actor).Bind(row.at).Bind(row.action);
  stmt.Bind(row.target).Bind(row.outcome).Bind(row.client).Bind(row.hash);
  SOUHRA_RETURN_IF_ERROR(stmt.Run());
  return row.id;
}

Status HashUnchainedAudit(Connection& db) {
  SOUHRA_ASSIGN_OR_RETURN(Statement select,
                          db.Prepare("SELECT id, tenant, actor, at, action, target, outcome,"
                                     " client, hash FROM audit ORDER BY id",
                                     "read audit to hash"));
  SOUHRA_ASSIGN_OR_RETURN(std::vector<AuditRecord> rows, AllRows(select, &ReadAudit));
  std::string previous = kAuditGenesis;
  for (const AuditRecord& row : rows) {
    const std::string hash = AuditChainHash(previous, row);
    SOUHRA_ASSIGN_OR_RETURN(Statement update, db.Prepare("UPDATE audit SET hash = ? WHERE id = ?",
                                                         "hash an older audit row"));
    update.Bind(hash).Bind(row.id);
    SOUHRA_RETURN_IF_ERROR(update.Run());
    previous = hash;
  }
  return Status::Ok();
}

Result<AuditChainCheck> CheckAuditChain(Connection& db) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("SELECT id, tenant, actor, at, action, target, outcome,"
                                     " client, hash FROM audit ORDER BY id",
                                     "walk the audit chain"));
  AuditChainCheck check;
  check.head_hash = kAuditGenesis;
  while (true) {
    SOUHRA_ASSIGN_OR_RETURN(bool more, stmt.Step());
    if (!more) break;
    AuditRecord row = ReadAudit(stmt);
    const int64_t expected_id = check.rows + 1;
    if (row.id != expected_id || row.hash != AuditChainHash(check.head_hash, row)) {
      if (row.id > expected_id) check.missing_id = expected_id;
      check.broken = std::move(row);
      break;
    }
    check.rows += 1;
    check.head_hash = row.hash;
  }
  return check;
}

}  // namespace sqlite

Result<AuditChainCheck> VerifySqliteAuditChain(const SqliteOptions& options) {
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Connection> db,
                          sqlite::Connection::Open(options.path, options.vfs, /*create=*/false));
  SOUHRA_RETURN_IF_ERROR(sqlite::ConfigureWriter(*db, options));
  SOUHRA_RETURN_IF_ERROR(sqlite::Migrate(*db, sqlite::SchemaMigrations()));
  // One snapshot: rows a running server appends meanwhile are not half seen.
  SOUHRA_RETURN_IF_ERROR(db->Exec("BEGIN", "begin reading the audit chain"));
  Result<AuditChainCheck> check = sqlite::CheckAuditChain(*db);
  (void)db->Exec("COMMIT", "end reading the audit chain");
  return check;
}

}  // namespace souhra
