#include "adapters/sqlite/queries.h"

#include <limits>

#include "adapters/sqlite/row_mapping.h"
#include "adapters/sqlite/rows.h"

namespace souhra::sqlite {

Result<std::optional<CaseRecord>> QueryCase(Connection& db, CaseId id) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT " SOUHRA_CASE_COLUMNS " FROM cases WHERE id = ?", "load case"));
  stmt.Bind(id);
  return FirstRow(stmt, &ReadCase);
}

Result<std::optional<CaseRecord>> QueryCaseByCode(Connection& db, const std::string& tenant,
                                                  const std::string& code) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt, db.Prepare("SELECT " SOUHRA_CASE_COLUMNS " FROM cases"
                                                     " WHERE tenant = ? AND code = ?",
                                                     "find case by code"));
  stmt.Bind(tenant).Bind(code);
  return FirstRow(stmt, &ReadCase);
}

Result<std::vector<InstanceRecord>> QueryInstances(Connection& db, CaseId case_id,
                                                   bool active_only) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("SELECT " SOUHRA_INSTANCE_COLUMNS " FROM instances"
                                     " WHERE case_id = ? AND active >= ? ORDER BY id",
                                     "list instances"));
  stmt.Bind(case_id).Bind(int64_t{active_only ? 1 : 0});
  return AllRows(stmt, &ReadInstance);
}

Result<std::vector<EventRecord>> QueryEvents(Connection& db, CaseId case_id, int64_t after_seq) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("SELECT " SOUHRA_EVENT_COLUMNS
                                     " FROM events WHERE case_id = ? AND seq > ? ORDER BY seq",
                                     "list events"));
  stmt.Bind(case_id).Bind(after_seq);
  return AllRows(stmt, &ReadEvent);
}

Result<std::optional<EventRecord>> QueryEventByKey(Connection& db, CaseId case_id,
                                                   const std::string& idempotency_key) {
  // The repeated `<> ''` lets SQLite use the partial unique index.
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt, db.Prepare("SELECT " SOUHRA_EVENT_COLUMNS " FROM events"
                                                     " WHERE case_id = ? AND idempotency_key = ?"
                                                     " AND idempotency_key <> ''",
                                                     "find event by idempotency key"));
  stmt.Bind(case_id).Bind(idempotency_key);
  return FirstRow(stmt, &ReadEvent);
}

Result<std::vector<TaskRecord>> QueryTasks(Connection& db, CaseId case_id) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt, db.Prepare("SELECT " SOUHRA_TASK_COLUMNS
                                                     " FROM tasks WHERE case_id = ? ORDER BY id",
                                                     "list tasks"));
  stmt.Bind(case_id);
  return AllRows(stmt, &ReadTask);
}

Result<std::optional<TaskRecord>> QueryOpenTask(Connection& db, CaseId case_id,
                                                const std::string& key) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt, db.Prepare("SELECT " SOUHRA_TASK_COLUMNS " FROM tasks"
                                                     " WHERE case_id = ? AND key = ? AND status = 0"
                                                     " ORDER BY id DESC LIMIT 1",
                                                     "find open task"));
  stmt.Bind(case_id).Bind(key);
  return FirstRow(stmt, &ReadTask);
}

Result<std::vector<TaskRecord>> QueryTasksForUser(Connection& db, const UserTaskQuery& query) {
  static const std::string kColumns =
      "t.id, t.case_id, t.instance_id, t.key, t.title, t.assignee, t.due, t.remind,"
      " t.scope_state, t.keep, t.status, t.result, t.done_by, t.form";
  static const std::string kDueRange =
      " AND (?3 IS NULL OR t.due IS NULL OR t.due >= ?3) AND (?4 IS NULL OR t.due < ?4)";
  // Three indexed lookups rather than one OR, which would scan every open task: the user's own
  // (tasks_open_by_assignee), their roles in the case's people (case_people_by_login, then
  // tasks_open_by_case), and the open tasks of `roles` (tasks_open_by_assignee) on cases whose
  // people name nobody in the role (case_people's key); CROSS JOIN keeps SQLite from walking
  // all the tenant's cases (cases_by_tenant) instead. No task comes twice: the third takes only
  // tasks of roles the second finds nobody in, and neither takes a task assigned by name.
  static const std::string kSql =
      "SELECT * FROM (SELECT " + kColumns +
      " FROM tasks t JOIN cases c ON c.id = t.case_id"
      " WHERE t.assignee = 'user:' || ?2 AND t.status = 0 AND c.tenant = ?1" +
      kDueRange + " UNION ALL SELECT " + kColumns +
      " FROM case_people p JOIN tasks t"
      " ON t.case_id = p.case_id AND t.assignee = p.role AND t.status = 0"
      " WHERE p.tenant = ?1 AND p.login = ?2 AND p.role <> 'user:' || ?2" +
      kDueRange + " UNION ALL SELECT " + kColumns +
      " FROM tasks t CROSS JOIN cases c ON c.id = t.case_id"
      " WHERE t.assignee IN (SELECT value FROM json_each(?5)) AND t.status = 0"
      " AND substr(t.assignee, 1, 5) <> 'user:' AND c.tenant = ?1" +
      kDueRange +
      " AND NOT EXISTS (SELECT 1 FROM case_people n"
      " WHERE n.case_id = t.case_id AND n.role = t.assignee)"
      ") ORDER BY due IS NULL, due, id";
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(kSql.c_str(), "list tasks for user"));
  stmt.Bind(query.tenant).Bind(query.login).Bind(query.due_from).Bind(query.due_until);
  stmt.BindJson(Json(query.roles));
  return AllRows(stmt, &ReadTask);
}

Result<std::vector<TimerRecord>> QueryTimers(Connection& db, CaseId case_id) {
  // Through the instances of the case: timers are indexed by instance, not by case.
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT " SOUHRA_TIMER_COLUMNS " FROM timers WHERE instance_id IN"
                 " (SELECT id FROM instances WHERE case_id = ?1) ORDER BY due, instance_id, key",
                 "list timers"));
  stmt.Bind(case_id);
  return AllRows(stmt, &ReadTimer);
}

Result<std::optional<TimerRecord>> QueryTimer(Connection& db, InstanceId instance_id,
                                              const std::string& key) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt, db.Prepare("SELECT " SOUHRA_TIMER_COLUMNS " FROM timers"
                                                     " WHERE instance_id = ? AND key = ?",
                                                     "find timer"));
  stmt.Bind(instance_id).Bind(key);
  return FirstRow(stmt, &ReadTimer);
}

Result<std::vector<TimerRecord>> QueryDueTimers(Connection& db, Instant now, int limit) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("SELECT " SOUHRA_TIMER_COLUMNS " FROM timers WHERE due <= ?"
                                     " ORDER BY due, instance_id, key LIMIT ?",
                                     "list due timers"));
  stmt.Bind(now).Bind(int64_t{limit});
  return AllRows(stmt, &ReadTimer);
}

Result<std::vector<OutboxRecord>> QueryOutbox(Connection& db, CaseId case_id, int64_t after_id) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("SELECT " SOUHRA_OUTBOX_COLUMNS
                                     " FROM outbox WHERE case_id = ? AND id > ? ORDER BY id",
                                     "list outbox"));
  stmt.Bind(case_id).Bind(after_id);
  return AllRows(stmt, &ReadOutbox);
}

Result<std::vector<OutboxRecord>> QueryDueOutbox(Connection& db, Instant now, int limit) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt, db.Prepare("SELECT " SOUHRA_OUTBOX_COLUMNS " FROM outbox"
                                                     " WHERE status = 0 AND next_attempt <= ?"
                                                     " ORDER BY next_attempt, id LIMIT ?",
                                                     "list due outbox"));
  stmt.Bind(now).Bind(int64_t{limit});
  return AllRows(stmt, &ReadOutbox);
}

Result<std::vector<OutboxRecord>> QueryFailedOutbox(Connection& db) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt, db.Prepare("SELECT " SOUHRA_OUTBOX_COLUMNS " FROM outbox"
                                                     " WHERE status IN (2, 3) ORDER BY id",
                                                     "list failed outbox"));
  return AllRows(stmt, &ReadOutbox);
}

Result<std::vector<DeliveryAttempt>> QueryDeliveryAttempts(Connection& db, int64_t outbox_id) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("SELECT " SOUHRA_ATTEMPT_COLUMNS " FROM outbox_attempts"
                                     " WHERE outbox_id = ? ORDER BY id",
                                     "list delivery attempts"));
  stmt.Bind(outbox_id);
  return AllRows(stmt, &ReadDeliveryAttempt);
}

Result<std::vector<InboxMessage>> QueryInbox(Connection& db, const std::string& tenant,
                                             const std::string& login, int limit) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("SELECT " SOUHRA_INBOX_COLUMNS " FROM inbox"
                                     " WHERE tenant = ? AND login = ?"
                                     " ORDER BY read_at IS NOT NULL, id DESC LIMIT ?",
                                     "list inbox"));
  stmt.Bind(tenant).Bind(login).Bind(int64_t{limit});
  return AllRows(stmt, &ReadInboxMessage);
}

Result<int64_t> QueryUnreadInboxCount(Connection& db, const std::string& tenant,
                                      const std::string& login) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("SELECT count(*) FROM inbox"
                                     " WHERE tenant = ? AND login = ? AND read_at IS NULL",
                                     "count unread inbox"));
  stmt.Bind(tenant).Bind(login);
  SOUHRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.Int(0) : int64_t{0};
}

Result<std::vector<DecisionRecord>> QueryDecisions(Connection& db, CaseId case_id) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("SELECT " SOUHRA_DECISION_COLUMNS " FROM decisions"
                                     " WHERE case_id = ? ORDER BY id",
                                     "list decisions"));
  stmt.Bind(case_id);
  return AllRows(stmt, &ReadDecision);
}

Result<std::vector<IncidentRecord>> QueryIncidents(Connection& db, bool open_only) {
  // Two statements rather than a parameter, so that the open ones come from the partial index.
  Result<Statement> stmt =
      open_only ? db.Prepare("SELECT " SOUHRA_INCIDENT_COLUMNS
                             " FROM incidents"
                             " WHERE status = 0 ORDER BY id",
                             "list open incidents")
                : db.Prepare("SELECT " SOUHRA_INCIDENT_COLUMNS " FROM incidents ORDER BY id",
                             "list incidents");
  if (!stmt.ok()) return stmt.status();
  return AllRows(*stmt, &ReadIncident);
}

Result<std::optional<IncidentRecord>> QueryIncident(Connection& db, int64_t id) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT " SOUHRA_INCIDENT_COLUMNS " FROM incidents WHERE id = ?", "get incident"));
  stmt.Bind(id);
  return FirstRow(stmt, &ReadIncident);
}

Result<std::optional<DefinitionSource>> QueryDefinition(Connection& db,
                                                        const std::string& content_hash) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("SELECT " SOUHRA_DEFINITION_COLUMNS " FROM definitions"
                                     " WHERE content_hash = ? ORDER BY active DESC, id LIMIT 1",
                                     "get definition"));
  stmt.Bind(content_hash);
  return FirstRow(stmt, &ReadDefinition);
}

Result<std::optional<DefinitionSource>> QueryActiveDefinition(Connection& db,
                                                              const std::string& tenant,
                                                              const std::string& name) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("SELECT " SOUHRA_DEFINITION_COLUMNS " FROM definitions"
                                     " WHERE tenant = ? AND name = ? AND active = 1",
                                     "get active definition"));
  stmt.Bind(tenant).Bind(name);
  return FirstRow(stmt, &ReadDefinition);
}

Result<std::vector<DefinitionSource>> QueryDefinitionVersions(Connection& db,
                                                              const std::string& tenant,
                                                              const std::string& name) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("SELECT " SOUHRA_DEFINITION_COLUMNS ", ROW_NUMBER() OVER"
                                     " (PARTITION BY name ORDER BY id) FROM definitions"
                                     " WHERE tenant = ? AND (name = ? OR ? = '') ORDER BY name, id",
                                     "list definition versions"));
  stmt.Bind(tenant).Bind(name).Bind(name);
  std::vector<DefinitionSource> versions;
  while (true) {
    SOUHRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    DefinitionSource version = ReadDefinition(stmt);
    version.number = static_cast<int>(stmt.Int(9));
    versions.push_back(std::move(version));
  }
  return versions;
}

Result<std::vector<VersionStateCount>> QueryActiveInstanceCounts(Connection& db,
                                                                 const std::string& tenant,
                                                                 const std::string& name) {
  // instances_active_by_workflow finds the workflow's active instances; the tenant is their case's.
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT i.definition_hash, i.state, COUNT(*) FROM instances i"
                 " JOIN cases c ON c.id = i.case_id"
                 " WHERE i.workflow = ? AND i.active = 1 AND c.tenant = ?"
                 " GROUP BY i.definition_hash, i.state ORDER BY i.definition_hash, i.state",
                 "count active instances"));
  stmt.Bind(name).Bind(tenant);
  std::vector<VersionStateCount> counts;
  while (true) {
    SOUHRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    VersionStateCount count;
    count.content_hash = stmt.Text(0);
    count.state = stmt.Text(1);
    count.count = stmt.Int(2);
    counts.push_back(std::move(count));
  }
  return counts;
}

Result<std::optional<TaskRecord>> QueryTaskById(Connection& db, int64_t task_id) {
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT " SOUHRA_TASK_COLUMNS " FROM tasks WHERE id = ?", "load task"));
  stmt.Bind(task_id);
  return FirstRow(stmt, &ReadTask);
}

Result<std::vector<CaseRecord>> QueryCases(Connection& db, const CaseQuery& query) {
  // Two statements rather than one with an OR, so that each uses its own index.
  static const char* kAll = "SELECT " SOUHRA_CASE_COLUMNS
                            " FROM cases WHERE tenant = ?1 AND id < ?2"
                            " AND (?3 = 0 OR closed = 0) ORDER BY id DESC LIMIT ?4";
  static const char* kPerson =
      "SELECT c.id, c.tenant, c.code, c.data, c.created, c.closed, c.closed_at FROM cases c"
      " WHERE c.id IN (SELECT case_id FROM case_people WHERE tenant = ?1 AND login = ?5"
      " AND (?6 = '' OR role = ?6)) AND c.id < ?2 AND (?3 = 0 OR c.closed = 0)"
      " ORDER BY c.id DESC LIMIT ?4";
  const bool by_person = !query.login.empty();
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(by_person ? kPerson : kAll, "list cases"));
  stmt.Bind(query.tenant)
      .Bind(query.before > 0 ? query.before : std::numeric_limits<int64_t>::max())
      .Bind(int64_t{query.open_only ? 1 : 0})
      .Bind(int64_t{query.limit});
  if (by_person) stmt.Bind(query.login).Bind(query.role);
  return AllRows(stmt, &ReadCase);
}

Result<std::vector<CaseInstance>> QueryInstancesInStates(Connection& db,
                                                         const InstanceStateQuery& query) {
  // The states travel as one JSON array so that the statement text (the cache key) is fixed.
  SOUHRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT c.id, c.tenant, c.code, c.data, c.created, c.closed, c.closed_at,"
                 " i.id, i.case_id, i.workflow, i.definition_hash, i.state, i.active, i.steps"
                 " FROM instances i JOIN cases c ON c.id = i.case_id"
                 " WHERE i.workflow = ?1 AND i.active = 1"
                 " AND i.state IN (SELECT value FROM json_each(?2)) AND c.tenant = ?3"
                 " ORDER BY i.id LIMIT ?4",
                 "list instances in states"));
  stmt.Bind(query.workflow)
      .BindJson(Json(query.states))
      .Bind(query.tenant)
      .Bind(int64_t{query.limit});
  std::vector<CaseInstance> rows;
  while (true) {
    SOUHRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    CaseInstance item;
    item.case_record = ReadCase(stmt);
    item.instance.id = stmt.Int(7);
    item.instance.case_id = stmt.Int(8);
    item.instance.workflow = stmt.Text(9);
    item.instance.definition_hash = stmt.Text(10);
    item.instance.state = stmt.Text(11);
    item.instance.active = stmt.Bool(12);
    item.instance.steps = stmt.Int(13);
    SOUHRA_RETURN_IF_ERROR(stmt.status());
    rows.push_back(std::move(item));
  }
  return rows;
}

Result<std::vector<DefinitionSource>> QueryActiveDefinitions(Connection& db,
                                                             const std::string& tenant) {
  SOUHRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("SELECT " SOUHRA_DEFINITION_COLUMNS " FROM definitions"
                                     " WHERE tenant = ? AND active = 1 ORDER BY name",
                                     "list active definitions"));
  stmt.Bind(tenant);
  return AllRows(stmt, &ReadDefinition);
}

}  // namespace souhra::sqlite
