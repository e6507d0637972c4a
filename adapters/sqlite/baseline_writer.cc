#include "adapters/sqlite/baseline_writer.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "adapters/sqlite/checkpointer.h"
#include "adapters/sqlite/connection.h"
#include "adapters/sqlite/pragmas.h"
#include "adapters/sqlite/row_mapping.h"
#include "adapters/sqlite/schema.h"

namespace souhra {
namespace {

using sqlite::Connection;
using sqlite::Statement;

// JSON is bound as text prepared once: the baseline does no JSON work per row.
struct Texts {
  std::string created_data, assessed_data, remind;
  std::array<std::string, 4> payloads, outcomes;
  std::array<std::string, 3> done_by;
  std::array<std::optional<std::string>, 3> forms;  // empty: the task has no form (NULL)
};

// Writes the steps of one case; `shift` moves its instants so that rows stay distinct.
class CaseWriter {
 public:
  CaseWriter(Connection& db, const BaselineCase& rows, const Texts& texts)
      : db_(db), rows_(rows), texts_(texts) {}

  Status Step(int64_t index, int step) {
    shift_ = std::chrono::milliseconds(index);
    index_ = index;
    switch (step) {
      case 0:
        return Create();
      case 1:
        return Assess();
      case 2:
        return Plan();
      default:
        return Agree();
    }
  }

 private:
  Status Create() {
    SOUHRA_ASSIGN_OR_RETURN(Statement c,
                            db_.Prepare("INSERT INTO cases (tenant, code, data, created, closed,"
                                        " closed_at) VALUES (?, ?, ?, ?, ?, ?)",
                                        "insert case"));
    c.Bind(rows_.created.tenant).Bind("B-" + std::to_string(index_)).Bind(texts_.created_data);
    c.Bind(rows_.created.created + shift_).Bind(int64_t{0}).BindNull();
    SOUHRA_RETURN_IF_ERROR(c.Run());
    case_id_ = sqlite3_last_insert_rowid(db_.handle());
    SOUHRA_ASSIGN_OR_RETURN(Statement d,
                            db_.Prepare("SELECT " SOUHRA_DEFINITION_COLUMNS " FROM definitions"
                                        " WHERE tenant = ? AND name = ? AND active = 1",
                                        "get active definition"));
    d.Bind(rows_.definition.tenant).Bind(rows_.definition.name);
    SOUHRA_RETURN_IF_ERROR(Drain(d));
    SOUHRA_ASSIGN_OR_RETURN(
        Statement i,
        db_.Prepare(
            "INSERT INTO instances (case_id, workflow, definition_hash, state, active, steps)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            "insert instance"));
    i.Bind(case_id_).Bind(rows_.instance.workflow).Bind(rows_.instance.definition_hash);
    i.Bind(rows_.instance.state).Bind(int64_t{1}).Bind(int64_t{0});
    SOUHRA_RETURN_IF_ERROR(i.Run());
    instance_id_ = sqlite3_last_insert_rowid(db_.handle());
    SOUHRA_RETURN_IF_ERROR(OpenTask(0));
    SOUHRA_RETURN_IF_ERROR(PutTimer(0));
    SOUHRA_RETURN_IF_ERROR(UpdateInstance(0));
    SOUHRA_RETURN_IF_ERROR(UpdateCase(texts_.created_data));
    return AppendEvent(0);
  }

  Status Assess() {
    SOUHRA_RETURN_IF_ERROR(LoadForEvent(1));
    SOUHRA_RETURN_IF_ERROR(CancelScoped(0));
    SOUHRA_RETURN_IF_ERROR(PutTimer(1));
    SOUHRA_RETURN_IF_ERROR(UpdateInstance(1));
    SOUHRA_RETURN_IF_ERROR(UpdateCase(texts_.assessed_data));
    return AppendEvent(1);
  }

  Status Plan() {
    SOUHRA_RETURN_IF_ERROR(LoadForEvent(2));
    SOUHRA_RETURN_IF_ERROR(CancelScoped(1));
    SOUHRA_RETURN_IF_ERROR(OpenTask(1));
    SOUHRA_RETURN_IF_ERROR(UpdateInstance(2));
    return AppendEvent(2);
  }

  Status Agree() {
    SOUHRA_RETURN_IF_ERROR(LoadForEvent(3));
    SOUHRA_RETURN_IF_ERROR(CancelScoped(2));
    SOUHRA_RETURN_IF_ERROR(PutTimer(2));
    SOUHRA_RETURN_IF_ERROR(OpenTask(2));
    SOUHRA_RETURN_IF_ERROR(UpdateInstance(3));
    return AppendEvent(3);
  }

  static Status Drain(Statement& stmt) {
    while (true) {
      SOUHRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) return Status::Ok();
    }
  }

  // The idempotency lookup, the case and its active instances.
  Status LoadForEvent(int step) {
    SOUHRA_ASSIGN_OR_RETURN(Statement k, db_.Prepare("SELECT " SOUHRA_EVENT_COLUMNS " FROM events"
                                                     " WHERE case_id = ? AND idempotency_key = ?"
                                                     " AND idempotency_key <> ''",
                                                     "find event by idempotency key"));
    k.Bind(case_id_).Bind(IdempotencyKey(step));
    SOUHRA_RETURN_IF_ERROR(Drain(k));
    SOUHRA_ASSIGN_OR_RETURN(
        Statement c,
        db_.Prepare("SELECT " SOUHRA_CASE_COLUMNS " FROM cases WHERE id = ?", "load case"));
    c.Bind(case_id_);
    SOUHRA_RETURN_IF_ERROR(Drain(c));
    SOUHRA_ASSIGN_OR_RETURN(Statement i,
                            db_.Prepare("SELECT " SOUHRA_INSTANCE_COLUMNS " FROM instances"
                                        " WHERE case_id = ? AND active >= ? ORDER BY id",
                                        "list instances"));
    i.Bind(case_id_).Bind(int64_t{1});
    return Drain(i);
  }

  std::string IdempotencyKey(int step) const {
    return "b" + std::to_string(index_) + "-" + std::to_string(step);
  }

  Status OpenTask(int n) {
    const TaskRecord& t = rows_.tasks[static_cast<size_t>(n)];
    SOUHRA_ASSIGN_OR_RETURN(Statement f, db_.Prepare("SELECT " SOUHRA_TASK_COLUMNS " FROM tasks"
                                                     " WHERE case_id = ? AND key = ? AND status = 0"
                                                     " ORDER BY id DESC LIMIT 1",
                                                     "find open task"));
    f.Bind(case_id_).Bind(t.key);
    SOUHRA_RETURN_IF_ERROR(Drain(f));
    SOUHRA_ASSIGN_OR_RETURN(
        Statement s,
        db_.Prepare("INSERT INTO tasks (case_id, instance_id, key, title, assignee, due, remind,"
                    " scope_state, keep, status, result, done_by, form)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    "insert task"));
    std::optional<Instant> due = t.due ? std::optional<Instant>(*t.due + shift_) : std::nullopt;
    s.Bind(case_id_).Bind(instance_id_).Bind(t.key).Bind(t.title).Bind(t.assignee).Bind(due);
    s.Bind(texts_.remind).Bind(t.scope_state).Bind(int64_t{t.keep}).Bind(int64_t{0}).BindNull();
    const std::optional<std::string>& form = texts_.forms[static_cast<size_t>(n)];
    s.Bind(texts_.done_by[static_cast<size_t>(n)]);
    if (form) {
      s.Bind(*form);
    } else {
      s.BindNull();
    }
    return s.Run();
  }

  Status PutTimer(int n) {
    const TimerRecord& t = rows_.timers[static_cast<size_t>(n)];
    SOUHRA_ASSIGN_OR_RETURN(
        Statement s,
        db_.Prepare(
            "INSERT OR REPLACE INTO timers (due, instance_id, key, case_id, scope_state, keep)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            "put timer"));
    s.Bind(t.due + shift_).Bind(instance_id_).Bind(t.key).Bind(case_id_).Bind(t.scope_state);
    s.Bind(int64_t{t.keep});
    return s.Run();
  }

  Status CancelScoped(int step) {
    const std::string& state = rows_.states[static_cast<size_t>(step)];
    SOUHRA_ASSIGN_OR_RETURN(Statement timers,
                            db_.Prepare("DELETE FROM timers WHERE instance_id = ?1 AND keep = 0"
                                        " AND (?2 = '' OR scope_state = ?2)",
                                        "cancel scoped timers"));
    timers.Bind(instance_id_).Bind(state);
    SOUHRA_RETURN_IF_ERROR(timers.Run());
    SOUHRA_ASSIGN_OR_RETURN(Statement tasks,
                            db_.Prepare("UPDATE tasks SET status = 2 WHERE instance_id = ?1"
                                        " AND status = 0 AND keep = 0"
                                        " AND (?2 = '' OR scope_state = ?2)",
                                        "cancel scoped tasks"));
    tasks.Bind(instance_id_).Bind(state);
    return tasks.Run();
  }

  Status UpdateInstance(int step) {
    SOUHRA_ASSIGN_OR_RETURN(Statement s,
                            db_.Prepare("UPDATE instances SET state = ?, active = ?, steps = ?"
                                        " WHERE id = ?",
                                        "update instance"));
    s.Bind(rows_.states[static_cast<size_t>(step)]).Bind(int64_t{1}).Bind(int64_t{step + 1});
    s.Bind(instance_id_);
    return s.Run();
  }

  Status UpdateCase(const std::string& data) {
    SOUHRA_ASSIGN_OR_RETURN(
        Statement s,
        db_.Prepare("UPDATE cases SET data = ?, closed = ?, closed_at = ? WHERE id = ?",
                    "update case"));
    s.Bind(data).Bind(int64_t{0}).BindNull().Bind(case_id_);
    return s.Run();
  }

  Status AppendEvent(int step) {
    const EventRecord& e = rows_.events[static_cast<size_t>(step)];
    SOUHRA_ASSIGN_OR_RETURN(
        Statement s,
        db_.Prepare(
            "INSERT INTO events (case_id, instance_id, type, payload, idempotency_key, actor,"
            " at, due, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            "append event"));
    s.Bind(case_id_)
        .Bind(e.instance_id)
        .Bind(e.type)
        .Bind(texts_.payloads[static_cast<size_t>(step)]);
    s.Bind(step == 0 ? std::string() : IdempotencyKey(step)).Bind(e.actor).Bind(e.at + shift_);
    s.BindNull().Bind(texts_.outcomes[static_cast<size_t>(step)]);
    return s.Run();
  }

  Connection& db_;
  const BaselineCase& rows_;
  const Texts& texts_;
  std::chrono::milliseconds shift_{0};
  int64_t index_ = 0;
  CaseId case_id_ = 0;
  InstanceId instance_id_ = 0;
};

Result<std::unique_ptr<Connection>> CreateDatabase(const BaselineOptions& options,
                                                   const BaselineCase& rows) {
  if (std::filesystem::exists(options.path)) {
    return InvalidArgument("baseline database " + options.path + " already exists");
  }
  SqliteOptions settings;
  settings.path = options.path;
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<Connection> db, Connection::Open(options.path, "", true));
  SOUHRA_RETURN_IF_ERROR(sqlite::ConfigureWriter(*db, settings));
  SOUHRA_RETURN_IF_ERROR(sqlite::Migrate(*db, sqlite::SchemaMigrations()));
  SOUHRA_ASSIGN_OR_RETURN(Statement d,
                          db->Prepare("INSERT INTO definitions (tenant, name, content_hash,"
                                      " file, source, active) VALUES (?, ?, ?, ?, ?, 1)",
                                      "put definition"));
  const DefinitionSource& s = rows.definition;
  d.Bind(s.tenant).Bind(s.name).Bind(s.content_hash).Bind(s.file).Bind(s.source);
  SOUHRA_RETURN_IF_ERROR(d.Run());
  return db;
}

Texts TextsOf(const BaselineCase& rows) {
  Texts texts;
  texts.created_data = rows.created.data.dump();
  texts.assessed_data = rows.data_after_assess.dump();
  texts.remind = rows.tasks[0].remind.dump();
  for (size_t i = 0; i < rows.events.size(); ++i) {
    texts.payloads[i] = rows.events[i].payload.dump();
    texts.outcomes[i] = rows.events[i].outcome.dump();
  }
  for (size_t i = 0; i < rows.tasks.size(); ++i) {
    texts.done_by[i] = Json(rows.tasks[i].done_by).dump();
    if (!rows.tasks[i].form.is_null()) texts.forms[i] = rows.tasks[i].form.dump();
  }
  return texts;
}

}  // namespace

Result<BaselineResult> RunStoreBaseline(const BaselineOptions& options, const BaselineCase& rows,
                                        std::atomic<int64_t>& progress) {
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<Connection> db, CreateDatabase(options, rows));
  SqliteOptions settings;
  settings.path = options.path;
  // Checkpoints as the store does them, in the background.
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Checkpointer> checkpointer,
                          sqlite::StartCheckpointer(*db, settings));
  const Texts texts = TextsOf(rows);
  CaseWriter writer(*db, rows, texts);
  BaselineResult result;
  const auto start = std::chrono::steady_clock::now();
  const int64_t total = options.cases * 4;
  const int64_t per_commit = std::max<int64_t>(1, options.events_per_commit);
  for (int64_t done = 0; done < total;) {
    SOUHRA_RETURN_IF_ERROR(db->Run("BEGIN IMMEDIATE", "begin write"));
    int64_t n = 0;
    for (; n < per_commit && done < total; ++n, ++done) {
      SOUHRA_RETURN_IF_ERROR(db->Run("SAVEPOINT ev", "savepoint"));
      SOUHRA_RETURN_IF_ERROR(writer.Step(done / 4, static_cast<int>(done % 4)));
      SOUHRA_RETURN_IF_ERROR(db->Run("RELEASE ev", "release savepoint"));
    }
    SOUHRA_RETURN_IF_ERROR(db->Run("COMMIT", "commit"));
    result.commits += 1;
    progress.fetch_add(n, std::memory_order_relaxed);
  }
  result.events = total;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace souhra
