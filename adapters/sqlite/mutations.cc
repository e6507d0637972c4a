#include "adapters/sqlite/mutations.h"

#include "adapters/sqlite/row_mapping.h"

namespace souhra::sqlite {
namespace {

// Runs an INSERT and returns the new row's id.
Result<int64_t> InsertReturningId(Connection& db, Statement& stmt) {
  SOUHRA_RETURN_IF_ERROR(stmt.Run());
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db.handle()));
}

// Runs an UPDATE that must touch exactly one row.
Status UpdateOne(Connection& db, Statement& stmt, const std::string& what, int64_t id) {
  SOUHRA_RETURN_IF_ERROR(stmt.Run());
  if (sqlite3_changes(db.handle()) == 0) {
    return NotFound(what + " " + std::to_string(id) + " does not exist");
  }
  return Status::Ok();
}

// Rewrites the case's rows in case_people from its data as just written (schema.cc, version 2).
Status SyncPeople(Connection& db, CaseId id, const Json& data) {
  SOUHRA_ASSIGN_OR_RETURN(Statement clear,
                          db.Prepare("DELETE FROM case_people WHERE case_id = ?", "clear people"));
  clear.Bind(id);
  SOUHRA_RETURN_IF_ERROR(clear.Run());
  if (!data.contains("people")) return Status::Ok();
  SOUHRA_ASSIGN_OR_RETURN(Statement fill,
                          db.Prepare("INSERT INTO case_people (case_id, role, tenant, login)"
                                     " SELECT c.id, p.key, c.tenant, substr(p.value, 6)"
                                     " FROM cases c, json_each(c.data, '$.people') p"
                                     " WHERE c.id = ? AND json_type(c.data, '$.people') = 'object'"
                                     " AND p.type = 'text' AND p.value LIKE 'user:_%'",
                                     "write people"));
  fill.Bind(id);
  return fill.Run();
}

}  // namespace

Result<CaseId> WriteNewCase(Connection& db, const CaseRecord& r) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("INSERT INTO cases (tenant, code, data, created, closed,"
                                     " closed_at) VALUES (?, ?, ?, ?, ?, ?)",
                                     "insert case"));
  stmt.Bind(r.tenant).Bind(r.code).BindJson(r.data).Bind(r.created).Bind(int64_t{r.closed});
  stmt.Bind(r.closed_at);
  SOUHRA_ASSIGN_OR_RETURN(CaseId id, InsertReturningId(db, stmt));
  SOUHRA_RETURN_IF_ERROR(SyncPeople(db, id, r.data));
  return id;
}

Status WriteCase(Connection& db, const CaseRecord& r) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("UPDATE cases SET data = ?, closed = ?, closed_at = ? WHERE id = ?",
                 "update case"));
  stmt.BindJson(r.data).Bind(int64_t{r.closed}).Bind(r.closed_at).Bind(r.id);
  SOUHRA_RETURN_IF_ERROR(UpdateOne(db, stmt, "case", r.id));
  return SyncPeople(db, r.id, r.data);
}

Result<InstanceId> WriteNewInstance(Connection& db, const InstanceRecord& r) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("INSERT INTO instances (case_id, workflow, definition_hash, state, active, steps)"
                 " VALUES (?, ?, ?, ?, ?, ?)",
                 "insert instance"));
  stmt.Bind(r.case_id).Bind(r.workflow).Bind(r.definition_hash).Bind(r.state);
  stmt.Bind(int64_t{r.active}).Bind(r.steps);
  return InsertReturningId(db, stmt);
}

Status WriteInstance(Connection& db, const InstanceRecord& r) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("UPDATE instances SET state = ?, active = ?, steps = ? WHERE id = ?",
                 "update instance"));
  stmt.Bind(r.state).Bind(int64_t{r.active}).Bind(r.steps).Bind(r.id);
  return UpdateOne(db, stmt, "instance", r.id);
}

Status WriteTimer(Connection& db, const TimerRecord& r) {
  // REPLACE removes the row with the same (instance_id, key) through the unique index.
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("INSERT OR REPLACE INTO timers (due, instance_id, key, case_id, scope_state, keep)"
                 " VALUES (?, ?, ?, ?, ?, ?)",
                 "put timer"));
  stmt.Bind(r.due).Bind(r.instance_id).Bind(r.key).Bind(r.case_id).Bind(r.scope_state);
  stmt.Bind(int64_t{r.keep});
  return stmt.Run();
}

Status EraseTimer(Connection& db, InstanceId instance_id, const std::string& key) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("DELETE FROM timers WHERE instance_id = ? AND key = ?", "delete timer"));
  stmt.Bind(instance_id).Bind(key);
  return stmt.Run();
}

Result<int64_t> WriteNewTask(Connection& db, const TaskRecord& r) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("INSERT INTO tasks (case_id, instance_id, key, title, assignee, due, remind,"
                 " scope_state, keep, status, result, done_by, form)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 "insert task"));
  stmt.Bind(r.case_id).Bind(r.instance_id).Bind(r.key).Bind(r.title).Bind(r.assignee);
  stmt.Bind(r.due).BindJson(r.remind).Bind(r.scope_state).Bind(int64_t{r.keep});
  stmt.Bind(TaskStatusValue(r.status)).BindJsonOrNull(r.result).BindJson(Json(r.done_by));
  stmt.BindJsonOrNull(r.form);
  return InsertReturningId(db, stmt);
}

Status WriteTaskClosed(Connection& db, int64_t task_id, TaskStatus status, const Json& result) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("UPDATE tasks SET status = ?, result = ? WHERE id = ?", "close task"));
  stmt.Bind(TaskStatusValue(status)).BindJsonOrNull(result).Bind(task_id);
  return UpdateOne(db, stmt, "task", task_id);
}

Status WriteTaskAssignee(Connection& db, int64_t task_id, const std::string& assignee) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt, db.Prepare("UPDATE tasks SET assignee = ? WHERE id = ?", "reassign task"));
  stmt.Bind(assignee).Bind(task_id);
  return UpdateOne(db, stmt, "task", task_id);
}

Status WriteTaskDue(Connection& db, int64_t task_id, std::optional<Instant> due) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("UPDATE tasks SET due = ? WHERE id = ?", "set task due"));
  stmt.Bind(due).Bind(task_id);
  return UpdateOne(db, stmt, "task", task_id);
}

Status CancelScopedRows(Connection& db, InstanceId instance_id, const std::string& state) {
  // An empty state means every state: the instance has finished.
  SOUHRA_ASSIGN_OR_RETURN(Statement timers,
                          db.Prepare("DELETE FROM timers WHERE instance_id = ?1"
                                     " AND (?2 = '' OR (keep = 0 AND scope_state = ?2))",
                                     "cancel scoped timers"));
  timers.Bind(instance_id).Bind(state);
  SOUHRA_RETURN_IF_ERROR(timers.Run());
  SOUHRA_ASSIGN_OR_RETURN(
      Statement tasks,
      db.Prepare("UPDATE tasks SET status = 2 WHERE instance_id = ?1 AND status = 0"
                 " AND (?2 = '' OR (keep = 0 AND scope_state = ?2))",
                 "cancel scoped tasks"));
  tasks.Bind(instance_id).Bind(state);
  return tasks.Run();
}

Status WriteNewOutbox(Connection& db, const OutboxRecord& r) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("INSERT INTO outbox (case_id, instance_id, recipient, template, channel, payload,"
                 " created, next_attempt) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                 "insert outbox"));
  stmt.Bind(r.case_id).Bind(r.instance_id).Bind(r.recipient).Bind(r.template_name);
  stmt.Bind(r.channel).BindJson(r.payload).Bind(r.created);
  return stmt.Run();
}

Status WriteDeliveryAttempt(Connection& db, const DeliveryAttempt& a, const OutboxRecord& after) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement state,
      db.Prepare("UPDATE outbox SET status = ?, attempts = ?, next_attempt = ?, last_error = ?"
                 " WHERE id = ?",
                 "update outbox delivery"));
  state.Bind(OutboxStatusValue(after.status)).Bind(int64_t{after.attempts});
  state.Bind(after.next_attempt).Bind(after.last_error).Bind(after.id);
  SOUHRA_RETURN_IF_ERROR(UpdateOne(db, state, "outbox message", after.id));
  SOUHRA_ASSIGN_OR_RETURN(
      Statement attempt,
      db.Prepare("INSERT INTO outbox_attempts (outbox_id, channel, at, ok, error)"
                 " VALUES (?, ?, ?, ?, ?)",
                 "insert delivery attempt"));
  attempt.Bind(a.outbox_id).Bind(a.channel).Bind(a.at).Bind(int64_t{a.ok}).Bind(a.error);
  return attempt.Run();
}

Status WriteOutboxRequeued(Connection& db, int64_t outbox_id, Instant now) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("UPDATE outbox SET status = 0, attempts = 0, next_attempt = ?"
                                     " WHERE id = ? AND status = 2",
                                     "requeue outbox message"));
  stmt.Bind(now).Bind(outbox_id);
  return UpdateOne(db, stmt, "failed outbox message", outbox_id);
}

Status WriteNewInboxMessage(Connection& db, const InboxMessage& m) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("INSERT INTO inbox (delivery_key, tenant, login, case_id, task_key, template,"
                 " payload, created, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                 " ON CONFLICT (delivery_key, login) DO NOTHING",
                 "insert inbox message"));
  stmt.Bind(m.delivery_key).Bind(m.tenant).Bind(m.login).Bind(m.case_id).Bind(m.task_key);
  stmt.Bind(m.template_name).BindJson(m.payload).Bind(m.created).Bind(m.read);
  return stmt.Run();
}

Status WriteInboxRead(Connection& db, const std::string& tenant, const std::string& login,
                      int64_t id, Instant at) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("UPDATE inbox SET read_at = coalesce(read_at, ?)"
                                     " WHERE id = ? AND tenant = ? AND login = ?",
                                     "mark inbox message read"));
  stmt.Bind(at).Bind(id).Bind(tenant).Bind(login);
  return UpdateOne(db, stmt, "inbox message of " + login, id);
}

Status WriteNewDecision(Connection& db, const DecisionRecord& r) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("INSERT INTO decisions (case_id, instance_id, rule_set, rule_set_hash, result,"
                 " decided) VALUES (?, ?, ?, ?, ?, ?)",
                 "insert decision"));
  stmt.Bind(r.case_id).Bind(r.instance_id).Bind(r.rule_set).Bind(r.rule_set_hash);
  stmt.BindJson(r.result).Bind(r.decided);
  return stmt.Run();
}

Result<int64_t> WriteNewEvent(Connection& db, const EventRecord& r) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("INSERT INTO events (case_id, instance_id, type, payload, idempotency_key, actor,"
                 " at, due, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 "append event"));
  stmt.Bind(r.case_id).Bind(r.instance_id).Bind(r.type).BindJson(r.payload).Bind(r.idempotency_key);
  stmt.Bind(r.actor).Bind(r.at).Bind(r.due).BindJson(r.outcome);
  return InsertReturningId(db, stmt);
}

Result<int64_t> WriteNewIncident(Connection& db, const IncidentRecord& r) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("INSERT INTO incidents (case_id, instance_id, type, payload, idempotency_key,"
                 " actor, at, due, error, created, status, attempts)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 "insert incident"));
  const EventRecord& e = r.event;
  stmt.Bind(r.case_id).Bind(e.instance_id).Bind(e.type).BindJson(e.payload).Bind(e.idempotency_key);
  stmt.Bind(e.actor).Bind(e.at).Bind(e.due).Bind(r.error).Bind(r.created);
  stmt.Bind(IncidentStatusValue(r.status)).Bind(int64_t{r.attempts});
  return InsertReturningId(db, stmt);
}

Status WriteIncident(Connection& db, int64_t id, IncidentStatus status, int attempts,
                     const std::string& error) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("UPDATE incidents SET status = ?, attempts = ?, error = ? WHERE id = ?",
                 "update incident"));
  stmt.Bind(IncidentStatusValue(status)).Bind(int64_t{attempts}).Bind(error).Bind(id);
  return UpdateOne(db, stmt, "incident", id);
}

Status WriteDefinition(Connection& db, const DefinitionSource& s) {
  if (s.active) {
    // Deactivate the previous version first: the partial unique index allows one active.
    SOUHRA_ASSIGN_OR_RETURN(
        Statement off, db.Prepare("UPDATE definitions SET active = 0 WHERE tenant = ? AND name = ?"
                                  " AND active = 1 AND content_hash <> ?",
                                  "deactivate definition"));
    off.Bind(s.tenant).Bind(s.name).Bind(s.content_hash);
    SOUHRA_RETURN_IF_ERROR(off.Run());
  }
  // A draft saved again leaves the version as it is (it may be active or retired by now).
  const char* sql =
      s.active ? "INSERT INTO definitions (tenant, name, content_hash, file, source, active,"
                 " was_active, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, 1, 1, ?, ?)"
                 " ON CONFLICT (tenant, name, content_hash)"
                 " DO UPDATE SET file = excluded.file, active = 1, was_active = 1"
               : "INSERT INTO definitions (tenant, name, content_hash, file, source, active,"
                 " was_active, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?)"
                 " ON CONFLICT (tenant, name, content_hash) DO NOTHING";
  SOUHRA_ASSIGN_OR_RETURN(Statement put, db.Prepare(sql, "put definition"));
  put.Bind(s.tenant).Bind(s.name).Bind(s.content_hash).Bind(s.file).Bind(s.source);
  put.Bind(s.saved).Bind(s.saved_by);
  return put.Run();
}

}  // namespace souhra::sqlite
