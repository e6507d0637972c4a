#include "adapters/sqlite/paused_deadlines.h"

namespace souhra::sqlite {
namespace {

#define SOUHRA_PAUSED_COLUMNS                                                              \
  "instance_id, case_id, kind, key, paused_at, due, rule, in_working_days, working_days, " \
  "time_of_day, millis, scope_state, keep"

PausedDeadline ReadPaused(Statement& row) {
  PausedDeadline r;
  r.instance_id = row.Int(0);
  r.case_id = row.Int(1);
  r.kind = row.Text(2);
  r.key = row.Text(3);
  r.paused_at = row.Time(4);
  r.due = row.Time(5);
  r.rule = row.Text(6);
  r.remaining.in_working_days = row.Bool(7);
  r.remaining.working_days = static_cast<int>(row.Int(8));
  r.remaining.time_of_day_millis = row.Int(9);
  r.remaining.millis = row.Int(10);
  r.scope_state = row.Text(11);
  r.keep = row.Bool(12);
  return r;
}

}  // namespace

Status WritePausedDeadline(Connection& db, const PausedDeadline& r) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt, db.Prepare("INSERT OR REPLACE INTO paused_deadlines (" SOUHRA_PAUSED_COLUMNS
                                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 "pause deadline"));
  stmt.Bind(r.instance_id).Bind(r.case_id).Bind(r.kind).Bind(r.key).Bind(r.paused_at);
  stmt.Bind(r.due).Bind(r.rule).Bind(int64_t{r.remaining.in_working_days});
  stmt.Bind(int64_t{r.remaining.working_days}).Bind(r.remaining.time_of_day_millis);
  stmt.Bind(r.remaining.millis).Bind(r.scope_state).Bind(int64_t{r.keep});
  return stmt.Run();
}

Status ErasePausedDeadline(Connection& db, InstanceId instance_id, const std::string& kind,
                           const std::string& key) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("DELETE FROM paused_deadlines WHERE instance_id = ? AND kind = ? AND key = ?",
                 "delete paused deadline"));
  stmt.Bind(instance_id).Bind(kind).Bind(key);
  return stmt.Run();
}

Status CancelScopedPaused(Connection& db, InstanceId instance_id, const std::string& state) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt, db.Prepare("DELETE FROM paused_deadlines WHERE instance_id = ?1 AND keep = 0"
                                 " AND (?2 = '' OR scope_state = ?2)",
                                 "cancel scoped paused deadlines"));
  stmt.Bind(instance_id).Bind(state);
  return stmt.Run();
}

Result<std::optional<PausedDeadline>> QueryPausedDeadline(Connection& db, InstanceId instance_id,
                                                          const std::string& kind,
                                                          const std::string& key) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("SELECT " SOUHRA_PAUSED_COLUMNS " FROM paused_deadlines"
                                     " WHERE instance_id = ? AND kind = ? AND key = ?",
                                     "find paused deadline"));
  stmt.Bind(instance_id).Bind(kind).Bind(key);
  SOUHRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<PausedDeadline>();
  return std::optional<PausedDeadline>(ReadPaused(stmt));
}

}  // namespace souhra::sqlite
