#include "adapters/sqlite/activation_requests.h"

#include <sqlite3.h>

#include "adapters/sqlite/rows.h"

namespace souhra::sqlite {
namespace {

#define SOUHRA_ACTIVATION_COLUMNS                                                     \
  "id, tenant, name, version, active_version, approver, requested_by, requested_at, " \
  "diff_sha256, status, decided_by, decided_at, reason"

// The status as stored: 0 pending, 1 approved, 2 refused.
int64_t StatusValue(ActivationStatus status) {
  switch (status) {
    case ActivationStatus::kPending:
      return 0;
    case ActivationStatus::kApproved:
      return 1;
    case ActivationStatus::kRefused:
      return 2;
  }
  return 0;
}

ActivationStatus StatusOf(int64_t value) {
  return value == 1   ? ActivationStatus::kApproved
         : value == 2 ? ActivationStatus::kRefused
                      : ActivationStatus::kPending;
}

ActivationRequest ReadActivationRequest(Statement& row) {
  ActivationRequest r;
  r.id = row.Int(0);
  r.tenant = row.Text(1);
  r.name = row.Text(2);
  r.version = row.Text(3);
  r.active_version = row.Text(4);
  r.approver = row.Text(5);
  r.requested_by = row.Text(6);
  r.requested_at = row.Time(7);
  r.diff_sha256 = row.Text(8);
  r.status = StatusOf(row.Int(9));
  r.decided_by = row.Text(10);
  r.decided_at = row.Time(11);
  r.reason = row.Text(12);
  return r;
}

}  // namespace

Result<int64_t> WriteActivationRequest(Connection& db, const ActivationRequest& r) {
  if (r.id == 0) {
    SOUHRA_ASSIGN_OR_RETURN(
        Statement insert,
        db.Prepare("INSERT INTO activation_requests (tenant, name, version, active_version,"
                   " approver, requested_by, requested_at, diff_sha256, status, decided_by,"
                   " decided_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   "insert activation request"));
    insert.Bind(r.tenant).Bind(r.name).Bind(r.version).Bind(r.active_version).Bind(r.approver);
    insert.Bind(r.requested_by).Bind(r.requested_at).Bind(r.diff_sha256);
    insert.Bind(StatusValue(r.status)).Bind(r.decided_by).Bind(r.decided_at).Bind(r.reason);
    SOUHRA_RETURN_IF_ERROR(insert.Run());
    return static_cast<int64_t>(sqlite3_last_insert_rowid(db.handle()));
  }
  SOUHRA_ASSIGN_OR_RETURN(
      Statement update,
      db.Prepare("UPDATE activation_requests SET status = ?, decided_by = ?, decided_at = ?,"
                 " reason = ? WHERE id = ?",
                 "decide activation request"));
  update.Bind(StatusValue(r.status)).Bind(r.decided_by).Bind(r.decided_at).Bind(r.reason);
  update.Bind(r.id);
  SOUHRA_RETURN_IF_ERROR(update.Run());
  if (sqlite3_changes(db.handle()) == 0) {
    return NotFound("activation request " + std::to_string(r.id) + " does not exist");
  }
  return r.id;
}

Result<std::optional<ActivationRequest>> QueryActivationRequest(Connection& db, int64_t id) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt, db.Prepare("SELECT " SOUHRA_ACTIVATION_COLUMNS
                                                     " FROM activation_requests WHERE id = ?",
                                                     "get activation request"));
  stmt.Bind(id);
  return FirstRow(stmt, &ReadActivationRequest);
}

Result<std::optional<ActivationRequest>> QueryPendingActivation(Connection& db,
                                                                const std::string& tenant,
                                                                const std::string& name,
                                                                const std::string& version) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("SELECT " SOUHRA_ACTIVATION_COLUMNS " FROM activation_requests"
                                     " WHERE tenant = ? AND name = ? AND version = ? AND status = 0"
                                     " ORDER BY id DESC LIMIT 1",
                                     "find pending activation"));
  stmt.Bind(tenant).Bind(name).Bind(version);
  return FirstRow(stmt, &ReadActivationRequest);
}

Result<std::vector<ActivationRequest>> QueryActivationRequests(Connection& db,
                                                               const std::string& tenant,
                                                               bool pending_only) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("SELECT " SOUHRA_ACTIVATION_COLUMNS " FROM activation_requests"
                                     " WHERE tenant = ? AND (? = 0 OR status = 0) ORDER BY id DESC",
                                     "list activation requests"));
  stmt.Bind(tenant).Bind(int64_t{pending_only});
  return AllRows(stmt, &ReadActivationRequest);
}

}  // namespace souhra::sqlite
