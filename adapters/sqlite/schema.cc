#include "adapters/sqlite/schema.h"

#include <cstdlib>
#include <string>

#include "adapters/sqlite/audit_rows.h"

namespace souhra::sqlite {
namespace {

// Version 1. Layout notes:
// - Instants are INTEGER milliseconds since the epoch, JSON is compact text, enums are small
//   integers (task status: 0 open, 1 done, 2 cancelled; incident status: 0 open, 1 resolved).
// - timers is clustered by due time (WITHOUT ROWID): DueTimers is a range scan of the primary
//   key, and new timers land near the other timers due about as far ahead, so an insert touches
//   few pages. Measured with 1M rows this beat a rowid table with two indexes (see
//   adapters/sqlite/README.md). The unique index on (instance_id, key) makes PutTimer a REPLACE.
// - events is append-only: triggers refuse UPDATE and DELETE.
constexpr char kVersion1[] = R"sql(
CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  tenant TEXT NOT NULL,
  code TEXT NOT NULL,
  data TEXT NOT NULL,
  created INTEGER NOT NULL,
  closed INTEGER NOT NULL
);
CREATE UNIQUE INDEX cases_by_code ON cases (tenant, code);

CREATE TABLE instances (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  workflow TEXT NOT NULL,
  definition_hash TEXT NOT NULL,
  state TEXT NOT NULL,
  active INTEGER NOT NULL,
  steps INTEGER NOT NULL
);
CREATE INDEX instances_by_case ON instances (case_id);

CREATE TABLE timers (
  due INTEGER NOT NULL,
  instance_id INTEGER NOT NULL REFERENCES instances (id),
  key TEXT NOT NULL,
  case_id INTEGER NOT NULL,
  scope_state TEXT NOT NULL,
  keep INTEGER NOT NULL,
  PRIMARY KEY (due, instance_id, key)
) WITHOUT ROWID;
CREATE UNIQUE INDEX timers_by_instance ON timers (instance_id, key);

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  instance_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  title TEXT NOT NULL,
  assignee TEXT NOT NULL,
  due INTEGER,
  remind TEXT NOT NULL,
  scope_state TEXT NOT NULL,
  keep INTEGER NOT NULL,
  status INTEGER NOT NULL,
  result TEXT
);
CREATE INDEX tasks_by_case ON tasks (case_id);
CREATE INDEX tasks_open_by_instance ON tasks (instance_id, key) WHERE status = 0;

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  instance_id INTEGER NOT NULL,
  recipient TEXT NOT NULL,
  template TEXT NOT NULL,
  channel TEXT NOT NULL,
  payload TEXT NOT NULL,
  created INTEGER NOT NULL
);
CREATE INDEX outbox_by_case ON outbox (case_id);

CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  instance_id INTEGER NOT NULL,
  rule_set TEXT NOT NULL,
  rule_set_hash TEXT NOT NULL,
  result TEXT,
  decided INTEGER NOT NULL
);
CREATE INDEX decisions_by_case ON decisions (case_id);

CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  instance_id INTEGER NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL,
  due INTEGER,
  outcome TEXT NOT NULL
);
CREATE INDEX events_by_case ON events (case_id);
CREATE UNIQUE INDEX events_by_key ON events (case_id, idempotency_key)
  WHERE idempotency_key <> '';
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL,
  instance_id INTEGER NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL,
  due INTEGER,
  error TEXT NOT NULL,
  created INTEGER NOT NULL,
  status INTEGER NOT NULL,
  attempts INTEGER NOT NULL
);
CREATE INDEX incidents_open ON incidents (status) WHERE status = 0;

CREATE TABLE definitions (
  id INTEGER PRIMARY KEY,
  tenant TEXT NOT NULL,
  name TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  file TEXT NOT NULL,
  source TEXT NOT NULL,
  active INTEGER NOT NULL,
  UNIQUE (tenant, name, content_hash)
);
CREATE INDEX definitions_by_hash ON definitions (content_hash);
CREATE UNIQUE INDEX definitions_active ON definitions (tenant, name) WHERE active = 1;
)sql";

// Version 2: who holds which task. case_people mirrors the "people" of each case's data
// ({"case_manager": "user:novak"}: one row per role held by a user), written with the case, so
// that a user's tasks are found through indexes: their own tasks by assignee, their roles' tasks
// through case_people and the open tasks of each case. Existing cases are filled in here.
constexpr char kVersion2[] = R"sql(
CREATE TABLE case_people (
  case_id INTEGER NOT NULL REFERENCES cases (id),
  role TEXT NOT NULL,
  tenant TEXT NOT NULL,
  login TEXT NOT NULL,
  PRIMARY KEY (case_id, role)
) WITHOUT ROWID;
CREATE INDEX case_people_by_login ON case_people (tenant, login);
CREATE INDEX tasks_open_by_assignee ON tasks (assignee, due) WHERE status = 0;
CREATE INDEX tasks_open_by_case ON tasks (case_id, assignee) WHERE status = 0;
INSERT INTO case_people (case_id, role, tenant, login)
  SELECT c.id, p.key, c.tenant, substr(p.value, 6) FROM cases c, json_each(c.data, '$.people') p
  WHERE json_type(c.data, '$.people') = 'object' AND p.type = 'text' AND p.value LIKE 'user:_%';
)sql";

// Version 3: paused deadlines (engine/store.h PausedDeadline). Version 2 belongs to the human
// tasks work; each version only adds. The remaining time is split as in engine/calendar.h
// RemainingTime: working days and the due's time of day, or exact milliseconds.
constexpr char kVersion3[] = R"sql(
CREATE TABLE paused_deadlines (
  instance_id INTEGER NOT NULL REFERENCES instances (id),
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  paused_at INTEGER NOT NULL,
  due INTEGER NOT NULL,
  rule TEXT NOT NULL,
  in_working_days INTEGER NOT NULL,
  working_days INTEGER NOT NULL,
  time_of_day INTEGER NOT NULL,
  millis INTEGER NOT NULL,
  scope_state TEXT NOT NULL,
  keep INTEGER NOT NULL,
  PRIMARY KEY (instance_id, kind, key)
) WITHOUT ROWID;
CREATE INDEX paused_deadlines_by_case ON paused_deadlines (case_id);
)sql";

// Version 4: delivery of the outbox, additive. Outbox status: 0 pending, 1 delivered, 2 failed;
// a pending message is due at next_attempt (existing messages: at once, from their creation).
// outbox_attempts keeps every try. inbox holds the in-app channel's messages, one per delivery
// key and user, so that a repeated delivery inserts nothing.
constexpr char kVersion4[] = R"sql(
ALTER TABLE outbox ADD COLUMN status INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN next_attempt INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN last_error TEXT NOT NULL DEFAULT '';
UPDATE outbox SET next_attempt = created;
CREATE INDEX outbox_pending ON outbox (next_attempt, id) WHERE status = 0;
CREATE INDEX outbox_failed ON outbox (id) WHERE status = 2;

CREATE TABLE outbox_attempts (
  id INTEGER PRIMARY KEY,
  outbox_id INTEGER NOT NULL REFERENCES outbox (id),
  channel TEXT NOT NULL,
  at INTEGER NOT NULL,
  ok INTEGER NOT NULL,
  error TEXT NOT NULL
);
CREATE INDEX outbox_attempts_by_message ON outbox_attempts (outbox_id);

CREATE TABLE inbox (
  id INTEGER PRIMARY KEY,
  delivery_key TEXT NOT NULL,
  tenant TEXT NOT NULL,
  login TEXT NOT NULL,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  task_key TEXT NOT NULL,
  template TEXT NOT NULL,
  payload TEXT NOT NULL,
  created INTEGER NOT NULL,
  read_at INTEGER,
  UNIQUE (delivery_key, login)
);
CREATE INDEX inbox_by_user ON inbox (tenant, login, id);
CREATE INDEX inbox_unread ON inbox (tenant, login) WHERE read_at IS NULL;
)sql";

// Version 5: the directory (engine/directory.h): tenants with their settings, the office's users
// with roles (a JSON array) and the external actors a coordinator invites.
constexpr char kVersion5[] = R"sql(
CREATE TABLE tenants (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  settings TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE users (
  tenant TEXT NOT NULL REFERENCES tenants (id),
  login TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  roles TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  daily_digest INTEGER NOT NULL,
  active INTEGER NOT NULL,
  PRIMARY KEY (tenant, login)
) WITHOUT ROWID;

CREATE TABLE actors (
  tenant TEXT NOT NULL REFERENCES tenants (id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  organisation TEXT NOT NULL,
  kind TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL,
  webhook_url TEXT NOT NULL,
  webhook_secret TEXT NOT NULL,
  formal_agreement INTEGER NOT NULL,
  active INTEGER NOT NULL,
  PRIMARY KEY (tenant, id)
) WITHOUT ROWID;
)sql";

// Version 6: the web's sign-in and audit (engine/access.h), and the index of its case list.
// Sessions and bearer tokens are kept only as SHA-256 hashes of the secret the client holds; the
// audit log is append-only like the event log. The dashboards' index on active instances by
// workflow and state comes with version 7.
constexpr char kVersion6[] = R"sql(
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  tenant TEXT NOT NULL,
  login TEXT NOT NULL,
  csrf_token TEXT NOT NULL,
  created INTEGER NOT NULL,
  last_seen INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions (tenant, login);

CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  tenant TEXT NOT NULL,
  login TEXT NOT NULL,
  name TEXT NOT NULL,
  created INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  revoked INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  tenant TEXT NOT NULL,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  outcome TEXT NOT NULL,
  client TEXT NOT NULL
);
CREATE INDEX audit_by_tenant ON audit (tenant, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE INDEX cases_by_tenant ON cases (tenant, id);
)sql";

Result<int> UserVersion(Connection& db) {
  SOUHRA_ASSIGN_OR_RETURN(std::string text,
                          db.QueryText("PRAGMA user_version", "read schema version"));
  return static_cast<int>(std::strtol(text.c_str(), nullptr, 10));
}

Status Apply(Connection& db, const Migration& step) {
  SOUHRA_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE", "begin migration"));
  // PRAGMA takes no parameters; the version is our own integer.
  std::string sql =
      std::string(step.sql) + ";PRAGMA user_version = " + std::to_string(step.version);
  Status status = db.Exec(sql.c_str(), "migration");
  if (status.ok() && step.then != nullptr) status = step.then(db);
  if (status.ok()) status = db.Exec("COMMIT", "commit migration");
  if (status.ok()) return status;
  if (db.InTransaction()) (void)db.Exec("ROLLBACK", "roll back migration");
  return Status(status.code(),
                "schema migration " + std::to_string(step.version) + ": " + status.message());
}

}  // namespace

// Version 7: the definitions lifecycle (engine/store.h DefinitionState). A version is a draft
// until first activated (was_active), then active or retired; existing rows were all installed,
// so they count as activated. saved_at/saved_by say when and by whom a version was first saved.
// The index finds a workflow's active instances by state for counting them per version; it
// leaves the 64-character version hash out to keep instances small (write_txn_test's budget).
constexpr char kVersion7[] = R"sql(
ALTER TABLE definitions ADD COLUMN was_active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE definitions ADD COLUMN saved_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE definitions ADD COLUMN saved_by TEXT NOT NULL DEFAULT '';
CREATE INDEX instances_active_by_workflow ON instances (workflow, state) WHERE active = 1;
)sql";

// Version 8: what a task asks of whoever completes it, and when a case closed (engine/records.h).
// done_by is a JSON array of role names ('[]': nobody besides the assignee); form is the form's
// JSON object, NULL for a task without one; closed_at is NULL while a case is open, and also for
// cases closed before this version, whose closing time was never kept. From this version on a
// task without a result keeps NULL rather than the text 'null' (both read as null): the 4 bytes
// pay for the new columns of a task (write_txn_test's budget). No index: the head's "role tasks
// of cases that name nobody in the role" (UserTaskQuery::roles) find the open tasks by assignee
// through tasks_open_by_assignee (version 2) and test case_people by its key.
constexpr char kVersion8[] = R"sql(
ALTER TABLE tasks ADD COLUMN done_by TEXT NOT NULL DEFAULT '[]';
ALTER TABLE tasks ADD COLUMN form TEXT;
ALTER TABLE cases ADD COLUMN closed_at INTEGER;
)sql";

// Version 9: failed sign-ins (engine/access.h AddSignInFailures), one row per key and failure,
// so that the sign-in limit survives a restart. The limiter counts a key's rows in its window
// (by key, then time) and prunes rows older than the window (by time).
constexpr char kVersion9[] = R"sql(
CREATE TABLE sign_in_failures (
  key TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_by_key ON sign_in_failures (key, at);
CREATE INDEX sign_in_failures_by_time ON sign_in_failures (at);
)sql";

// Version 10: the audit log's hash chain (engine/audit_chain.h, adapters/sqlite/audit_rows.h).
// Rows kept before it are hashed by the migration itself, in id order from the genesis
// (HashUnchainedAudit); from then on a row is immutable once hashed, so the update trigger now
// lets only that first hashing through. audit_by_target finds who read a case
// (AccessStore::ListAuditOf).
constexpr char kVersion10[] = R"sql(
ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
DROP TRIGGER audit_no_update;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN OLD.hash <> ''
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE INDEX audit_by_target ON audit (tenant, target, id);
)sql";

// Version 11: integration accounts and the lifetime of bearer tokens (engine/access.h,
// engine/directory.h). A token gets a public id (random, unrelated to its hash) to be listed and
// revoked by, an expiry and when it was last used. Tokens from before this version expire 90
// days after their creation; their users are not integration accounts, so they sign nobody in
// until an administrator flags the account (users.integration).
constexpr char kVersion11[] = R"sql(
ALTER TABLE users ADD COLUMN integration INTEGER NOT NULL DEFAULT 0;
ALTER TABLE api_tokens ADD COLUMN id TEXT NOT NULL DEFAULT '';
ALTER TABLE api_tokens ADD COLUMN expires INTEGER NOT NULL DEFAULT 0;
ALTER TABLE api_tokens ADD COLUMN last_used INTEGER;
UPDATE api_tokens SET id = lower(hex(randomblob(8))), expires = created + 7776000000;
CREATE UNIQUE INDEX api_tokens_by_id ON api_tokens (tenant, id);
)sql";

// Version 12: requests to activate a definition version that wait for a second person
// (engine/records.h ActivationRequest). Status: 0 pending, 1 approved, 2 refused. The index
// serves both the tenant's list (newest first) and the lookup of a version's pending request.
constexpr char kVersion12[] = R"sql(
CREATE TABLE activation_requests (
  id INTEGER PRIMARY KEY,
  tenant TEXT NOT NULL,
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  active_version TEXT NOT NULL,
  approver TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at INTEGER NOT NULL,
  diff_sha256 TEXT NOT NULL,
  status INTEGER NOT NULL DEFAULT 0,
  decided_by TEXT NOT NULL DEFAULT '',
  decided_at INTEGER NOT NULL DEFAULT 0,
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX activation_requests_by_tenant ON activation_requests (tenant, status, id);
)sql";

// Version 13: administered accounts (web/user_admin.h). A user given a temporary password (a new
// account, a reset by the admin) must choose their own at the next sign-in.
constexpr char kVersion13[] = R"sql(
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
)sql";

const std::vector<Migration>& SchemaMigrations() {
  static const std::vector<Migration> migrations = {
      {1, kVersion1},   {2, kVersion2},
      {3, kVersion3},   {4, kVersion4},
      {5, kVersion5},   {6, kVersion6},
      {7, kVersion7},   {8, kVersion8},
      {9, kVersion9},   {10, kVersion10, &HashUnchainedAudit},
      {11, kVersion11}, {12, kVersion12},
      {13, kVersion13}};
  return migrations;
}

Status Migrate(Connection& db, const std::vector<Migration>& migrations) {
  SOUHRA_ASSIGN_OR_RETURN(int version, UserVersion(db));
  int latest = migrations.empty() ? 0 : migrations.back().version;
  if (version > latest) {
    return InvalidArgument("database schema version " + std::to_string(version) +
                           " is newer than this Souhra knows (" + std::to_string(latest) +
                           "); upgrade Souhra");
  }
  for (const Migration& step : migrations) {
    if (step.version <= version) continue;
    SOUHRA_RETURN_IF_ERROR(Apply(db, step));
  }
  return Status::Ok();
}

}  // namespace souhra::sqlite
