#include "tests/fakes/memory_store.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "engine/audit_chain.h"

namespace souhra::testing {

// Each table is keyed the way the SQLite schema orders or constrains it, so that a query is
// a walk in key order. Ids count up from 1 like SQLite's rowids.
struct MemoryStore::Tables {
  std::map<CaseId, CaseRecord> cases;
  std::map<InstanceId, InstanceRecord> instances;
  std::map<std::pair<InstanceId, std::string>, TimerRecord> timers;
  std::map<int64_t, TaskRecord> tasks;
  std::map<std::tuple<InstanceId, std::string, std::string>, PausedDeadline> paused;
  std::map<int64_t, OutboxRecord> outbox;
  std::vector<DeliveryAttempt> attempts;  // in the order recorded
  std::map<int64_t, InboxMessage> inbox;
  std::vector<DecisionRecord> decisions;  // in the order made
  std::map<int64_t, EventRecord> events;  // by seq
  std::map<int64_t, IncidentRecord> incidents;
  std::vector<AuditRecord> audit;
  std::vector<DefinitionSource> definitions;  // in saving order, `number` unset
  std::map<int64_t, ActivationRequest> activation_requests;

  template <typename Map>
  static int64_t NextId(const Map& rows) {
    return rows.empty() ? 1 : rows.rbegin()->first + 1;
  }
};

namespace {

using Tables = MemoryStore::Tables;

bool TimerBefore(const TimerRecord& a, const TimerRecord& b) {
  return std::tie(a.due, a.instance_id, a.key) < std::tie(b.due, b.instance_id, b.key);
}

// "user:<login>" for each role of the case's people, as the SQLite store's case_people rows.
std::map<std::string, std::string> People(const CaseRecord& c) {
  std::map<std::string, std::string> people;
  auto found = c.data.find("people");
  if (found == c.data.end() || !found->is_object()) return people;
  for (const auto& [role, holder] : found->items()) {
    if (!holder.is_string()) continue;
    const std::string& value = holder.get_ref<const std::string&>();
    if (value.size() > 5 && value.starts_with("user:")) people[role] = value.substr(5);
  }
  return people;
}

bool InRange(const TaskRecord& t, const UserTaskQuery& q) {
  if (q.due_from && t.due && *t.due < *q.due_from) return false;
  if (q.due_until && (!t.due || *t.due >= *q.due_until)) return false;
  return true;
}

// The tenant of the case an instance belongs to, "" for none.
std::string TenantOf(const Tables& t, const InstanceRecord& instance) {
  auto c = t.cases.find(instance.case_id);
  return c == t.cases.end() ? "" : c->second.tenant;
}

std::optional<DefinitionSource> ActiveDefinition(const Tables& t, const std::string& tenant,
                                                 const std::string& name) {
  for (const DefinitionSource& d : t.definitions) {
    if (d.tenant == tenant && d.name == name && d.active) return d;
  }
  return std::nullopt;
}

std::vector<DefinitionSource> VersionsOf(const Tables& t, const std::string& tenant,
                                         const std::string& name) {
  std::map<std::string, std::vector<DefinitionSource>> by_name;
  for (const DefinitionSource& d : t.definitions) {
    if (d.tenant == tenant && (name.empty() || d.name == name)) by_name[d.name].push_back(d);
  }
  std::vector<DefinitionSource> versions;
  for (auto& [unused, list] : by_name) {
    for (size_t i = 0; i < list.size(); ++i) {
      list[i].number = static_cast<int>(i + 1);
      versions.push_back(std::move(list[i]));
    }
  }
  return versions;
}

std::vector<EventRecord> EventsOf(const Tables& t, CaseId case_id, int64_t after_seq = 0) {
  std::vector<EventRecord> events;
  for (auto it = t.events.upper_bound(after_seq); it != t.events.end(); ++it) {
    if (it->second.case_id == case_id) events.push_back(it->second);
  }
  return events;
}

std::vector<InstanceRecord> InstancesOf(const Tables& t, CaseId case_id, bool active_only) {
  std::vector<InstanceRecord> instances;
  for (const auto& [id, i] : t.instances) {
    if (i.case_id == case_id && (i.active || !active_only)) instances.push_back(i);
  }
  return instances;
}

template <typename Row>
Result<std::optional<Row>> Found(const std::map<int64_t, Row>& rows, int64_t id) {
  auto found = rows.find(id);
  if (found == rows.end()) return std::optional<Row>();
  return std::optional<Row>(found->second);
}

// Keeps the first `limit` rows; a negative limit keeps all, as SQLite's LIMIT does.
template <typename Row>
std::vector<Row> Limited(std::vector<Row> rows, int limit) {
  if (limit >= 0 && rows.size() > static_cast<size_t>(limit)) rows.resize(limit);
  return rows;
}

Status Missing(const std::string& what, int64_t id) {
  return NotFound(what + " " + std::to_string(id) + " does not exist");
}

}  // namespace

// The writer's copy of the tables. Every method works on `tables_`; Commit hands it to the store.
class MemoryStore::Txn final : public WriteTxn {
 public:
  Txn(MemoryStore& store, Tables tables) : store_(store), tables_(std::move(tables)) {}
  ~Txn() override {
    if (!ended_) End();
  }

  Status Savepoint() override {
    SOUHRA_RETURN_IF_ERROR(Open("savepoint"));
    savepoint_ = tables_;
    return Status::Ok();
  }
  Status ReleaseSavepoint() override {
    SOUHRA_RETURN_IF_ERROR(Open("release savepoint"));
    savepoint_.reset();
    return Status::Ok();
  }
  Status RollbackToSavepoint() override {
    SOUHRA_RETURN_IF_ERROR(Open("roll back to savepoint"));
    if (!savepoint_) return Internal("roll back to savepoint failed: no savepoint");
    tables_ = std::move(*savepoint_);
    savepoint_.reset();
    return Status::Ok();
  }
  Status Commit() override {
    SOUHRA_RETURN_IF_ERROR(Open("commit"));
    std::lock_guard<std::mutex> lock(store_.mu_);
    store_.committed_ = std::make_shared<const Tables>(std::move(tables_));
    store_.writing_ = false;
    ended_ = true;
    return Status::Ok();
  }

  Result<std::optional<EventRecord>> FindEventByKey(CaseId case_id,
                                                    const std::string& key) override {
    SOUHRA_RETURN_IF_ERROR(Open("find event by key"));
    if (key.empty()) return std::optional<EventRecord>();
    for (const auto& [seq, e] : tables_.events) {
      if (e.case_id == case_id && e.idempotency_key == key) return std::optional<EventRecord>(e);
    }
    return std::optional<EventRecord>();
  }
  Result<std::optional<CaseRecord>> LoadCase(CaseId id) override {
    SOUHRA_RETURN_IF_ERROR(Open("load case"));
    return Found(tables_.cases, id);
  }
  Result<std::optional<CaseRecord>> FindCaseByCode(const std::string& tenant,
                                                   const std::string& code) override {
    SOUHRA_RETURN_IF_ERROR(Open("find case by code"));
    for (const auto& [id, c] : tables_.cases) {
      if (c.tenant == tenant && c.code == code) return std::optional<CaseRecord>(c);
    }
    return std::optional<CaseRecord>();
  }
  Result<std::vector<InstanceRecord>> LoadActiveInstances(CaseId case_id) override {
    SOUHRA_RETURN_IF_ERROR(Open("load instances"));
    return InstancesOf(tables_, case_id, /*active_only=*/true);
  }
  Result<std::optional<TaskRecord>> FindOpenTask(CaseId case_id, const std::string& key) override {
    SOUHRA_RETURN_IF_ERROR(Open("find open task"));
    for (auto it = tables_.tasks.rbegin(); it != tables_.tasks.rend(); ++it) {
      const TaskRecord& t = it->second;
      if (t.case_id == case_id && t.key == key && t.status == TaskStatus::kOpen) {
        return std::optional<TaskRecord>(t);
      }
    }
    return std::optional<TaskRecord>();
  }
  Result<std::optional<TimerRecord>> FindTimer(InstanceId instance_id,
                                               const std::string& key) override {
    SOUHRA_RETURN_IF_ERROR(Open("find timer"));
    auto found = tables_.timers.find({instance_id, key});
    if (found == tables_.timers.end()) return std::optional<TimerRecord>();
    return std::optional<TimerRecord>(found->second);
  }
  Result<std::vector<EventRecord>> LoadEvents(CaseId case_id) override {
    SOUHRA_RETURN_IF_ERROR(Open("load events"));
    return EventsOf(tables_, case_id);
  }
  Result<std::optional<PausedDeadline>> FindPausedDeadline(InstanceId instance_id,
                                                           const std::string& kind,
                                                           const std::string& key) override {
    SOUHRA_RETURN_IF_ERROR(Open("find paused deadline"));
    auto found = tables_.paused.find({instance_id, kind, key});
    if (found == tables_.paused.end()) return std::optional<PausedDeadline>();
    return std::optional<PausedDeadline>(found->second);
  }
  Result<std::optional<DefinitionSource>> FindDefinition(const std::string& hash) override {
    SOUHRA_RETURN_IF_ERROR(Open("find definition"));
    std::optional<DefinitionSource> first;
    for (const DefinitionSource& d : tables_.definitions) {
      if (d.content_hash != hash) continue;
      if (d.active) return std::optional<DefinitionSource>(d);
      if (!first) first = d;
    }
    return first;
  }
  Result<std::optional<DefinitionSource>> FindActiveDefinition(const std::string& tenant,
                                                               const std::string& name) override {
    SOUHRA_RETURN_IF_ERROR(Open("find active definition"));
    return ActiveDefinition(tables_, tenant, name);
  }
  Result<std::vector<DefinitionSource>> FindDefinitionVersions(const std::string& tenant,
                                                               const std::string& name) override {
    SOUHRA_RETURN_IF_ERROR(Open("find definition versions"));
    return VersionsOf(tables_, tenant, name);
  }

  Result<CaseId> InsertCase(const CaseRecord& record) override {
    SOUHRA_RETURN_IF_ERROR(Open("insert case"));
    for (const auto& [id, c] : tables_.cases) {
      if (c.tenant == record.tenant && c.code == record.code) {
        return Conflict("insert case failed: case " + record.code + " exists");
      }
    }
    CaseRecord row = record;
    row.id = Tables::NextId(tables_.cases);
    tables_.cases[row.id] = row;
    return row.id;
  }
  Status UpdateCase(const CaseRecord& record) override {
    SOUHRA_RETURN_IF_ERROR(Open("update case"));
    auto found = tables_.cases.find(record.id);
    if (found == tables_.cases.end()) return Missing("case", record.id);
    found->second.data = record.data;
    found->second.closed = record.closed;
    found->second.closed_at = record.closed_at;
    return Status::Ok();
  }
  Result<InstanceId> InsertInstance(const InstanceRecord& record) override {
    SOUHRA_RETURN_IF_ERROR(Open("insert instance"));
    InstanceRecord row = record;
    row.id = Tables::NextId(tables_.instances);
    tables_.instances[row.id] = row;
    return row.id;
  }
  Status UpdateInstance(const InstanceRecord& record) override {
    SOUHRA_RETURN_IF_ERROR(Open("update instance"));
    auto found = tables_.instances.find(record.id);
    if (found == tables_.instances.end()) return Missing("instance", record.id);
    found->second.state = record.state;
    found->second.active = record.active;
    found->second.steps = record.steps;
    return Status::Ok();
  }
  Result<int64_t> AppendEvent(const EventRecord& record) override {
    SOUHRA_RETURN_IF_ERROR(Open("append event"));
    if (!record.idempotency_key.empty()) {
      for (const auto& [seq, e] : tables_.events) {
        if (e.case_id == record.case_id && e.idempotency_key == record.idempotency_key) {
          return Conflict("append event failed: key " + record.idempotency_key + " is logged");
        }
      }
    }
    EventRecord row = record;
    row.seq = Tables::NextId(tables_.events);
    tables_.events[row.seq] = row;
    return row.seq;
  }
  Status InsertDecision(const DecisionRecord& record) override {
    SOUHRA_RETURN_IF_ERROR(Open("insert decision"));
    tables_.decisions.push_back(record);
    return Status::Ok();
  }

  Status PutTimer(const TimerRecord& record) override {
    SOUHRA_RETURN_IF_ERROR(Open("put timer"));
    tables_.timers[{record.instance_id, record.key}] = record;
    return Status::Ok();
  }
  Status DeleteTimer(InstanceId instance_id, const std::string& key) override {
    SOUHRA_RETURN_IF_ERROR(Open("delete timer"));
    tables_.timers.erase({instance_id, key});
    return Status::Ok();
  }
  Status PutPausedDeadline(const PausedDeadline& record) override {
    SOUHRA_RETURN_IF_ERROR(Open("pause deadline"));
    tables_.paused[{record.instance_id, record.kind, record.key}] = record;
    return Status::Ok();
  }
  Status DeletePausedDeadline(InstanceId instance_id, const std::string& kind,
                              const std::string& key) override {
    SOUHRA_RETURN_IF_ERROR(Open("delete paused deadline"));
    tables_.paused.erase({instance_id, kind, key});
    return Status::Ok();
  }
  Status CancelScoped(InstanceId instance_id, const std::string& state) override {
    SOUHRA_RETURN_IF_ERROR(Open("cancel scoped"));
    // As the SQLite store: timers and tasks of every state when `state` is empty, kept ones
    // too; paused deadlines only when not kept.
    auto scoped = [&](const std::string& scope, bool keep) {
      return state.empty() || (!keep && scope == state);
    };
    std::erase_if(tables_.timers, [&](const auto& row) {
      return row.second.instance_id == instance_id &&
             scoped(row.second.scope_state, row.second.keep);
    });
    for (auto& [id, t] : tables_.tasks) {
      if (t.instance_id == instance_id && t.status == TaskStatus::kOpen &&
          scoped(t.scope_state, t.keep)) {
        t.status = TaskStatus::kCancelled;
      }
    }
    std::erase_if(tables_.paused, [&](const auto& row) {
      const PausedDeadline& p = row.second;
      return p.instance_id == instance_id && !p.keep && (state.empty() || p.scope_state == state);
    });
    return Status::Ok();
  }

  Result<int64_t> InsertTask(const TaskRecord& record) override {
    SOUHRA_RETURN_IF_ERROR(Open("insert task"));
    TaskRecord row = record;
    row.id = Tables::NextId(tables_.tasks);
    tables_.tasks[row.id] = row;
    return row.id;
  }
  Status CloseTask(int64_t task_id, TaskStatus status, const Json& result) override {
    SOUHRA_RETURN_IF_ERROR(Open("close task"));
    SOUHRA_ASSIGN_OR_RETURN(TaskRecord * task, Task(task_id));
    task->status = status;
    task->result = result;
    return Status::Ok();
  }
  Status ReassignTask(int64_t task_id, const std::string& assignee) override {
    SOUHRA_RETURN_IF_ERROR(Open("reassign task"));
    SOUHRA_ASSIGN_OR_RETURN(TaskRecord * task, Task(task_id));
    task->assignee = assignee;
    return Status::Ok();
  }
  Status SetTaskDue(int64_t task_id, std::optional<Instant> due) override {
    SOUHRA_RETURN_IF_ERROR(Open("set task due"));
    SOUHRA_ASSIGN_OR_RETURN(TaskRecord * task, Task(task_id));
    task->due = due;
    return Status::Ok();
  }

  Status InsertOutbox(const OutboxRecord& record) override {
    SOUHRA_RETURN_IF_ERROR(Open("insert outbox"));
    OutboxRecord row = record;
    row.id = Tables::NextId(tables_.outbox);
    row.status = OutboxStatus::kPending;
    row.attempts = 0;
    row.next_attempt = row.created;
    row.last_error.clear();
    tables_.outbox[row.id] = row;
    return Status::Ok();
  }
  Status RecordDeliveryAttempt(const DeliveryAttempt& attempt, const OutboxRecord& after) override {
    SOUHRA_RETURN_IF_ERROR(Open("record delivery attempt"));
    auto found = tables_.outbox.find(after.id);
    if (found == tables_.outbox.end()) return Missing("outbox message", after.id);
    found->second.status = after.status;
    found->second.attempts = after.attempts;
    found->second.next_attempt = after.next_attempt;
    found->second.last_error = after.last_error;
    tables_.attempts.push_back(attempt);
    return Status::Ok();
  }
  Status RequeueFailedOutbox(int64_t outbox_id, Instant now) override {
    SOUHRA_RETURN_IF_ERROR(Open("requeue outbox message"));
    auto found = tables_.outbox.find(outbox_id);
    if (found == tables_.outbox.end() || found->second.status != OutboxStatus::kFailed) {
      return Missing("failed outbox message", outbox_id);
    }
    found->second.status = OutboxStatus::kPending;
    found->second.attempts = 0;
    found->second.next_attempt = now;
    return Status::Ok();
  }
  Status InsertInboxMessage(const InboxMessage& message) override {
    SOUHRA_RETURN_IF_ERROR(Open("insert inbox message"));
    for (const auto& [id, m] : tables_.inbox) {
      if (m.delivery_key == message.delivery_key && m.login == message.login) {
        return Status::Ok();
      }
    }
    InboxMessage row = message;
    row.id = Tables::NextId(tables_.inbox);
    tables_.inbox[row.id] = row;
    return Status::Ok();
  }
  Status MarkInboxRead(const std::string& tenant, const std::string& login, int64_t id,
                       Instant at) override {
    SOUHRA_RETURN_IF_ERROR(Open("mark inbox message read"));
    auto found = tables_.inbox.find(id);
    if (found == tables_.inbox.end() || found->second.tenant != tenant ||
        found->second.login != login) {
      return Missing("inbox message of " + login, id);
    }
    if (!found->second.read) found->second.read = at;
    return Status::Ok();
  }

  Result<int64_t> InsertIncident(const IncidentRecord& record) override {
    SOUHRA_RETURN_IF_ERROR(Open("insert incident"));
    // Kept as the SQLite store keeps it: the event's case is the incident's, no seq or outcome.
    IncidentRecord row = record;
    row.id = Tables::NextId(tables_.incidents);
    row.event.seq = 0;
    row.event.case_id = row.case_id;
    row.event.outcome = Json::object();
    tables_.incidents[row.id] = row;
    return row.id;
  }
  Status UpdateIncident(int64_t id, IncidentStatus status, int attempts,
                        const std::string& error) override {
    SOUHRA_RETURN_IF_ERROR(Open("update incident"));
    auto found = tables_.incidents.find(id);
    if (found == tables_.incidents.end()) return Missing("incident", id);
    found->second.status = status;
    found->second.attempts = attempts;
    found->second.error = error;
    return Status::Ok();
  }
  Result<int64_t> AppendAudit(const AuditRecord& record) override {
    SOUHRA_RETURN_IF_ERROR(Open("append audit"));
    AuditRecord row = record;
    row.id = tables_.audit.empty() ? 1 : tables_.audit.back().id + 1;
    row.hash =
        AuditChainHash(tables_.audit.empty() ? kAuditGenesis : tables_.audit.back().hash, row);
    tables_.audit.push_back(row);
    return row.id;
  }

  Status PutDefinition(const DefinitionSource& source) override {
    SOUHRA_RETURN_IF_ERROR(Open("put definition"));
    DefinitionSource* existing = nullptr;
    for (DefinitionSource& d : tables_.definitions) {
      if (d.tenant != source.tenant || d.name != source.name) continue;
      if (d.content_hash == source.content_hash) {
        existing = &d;
      } else if (source.active) {
        d.active = false;
      }
    }
    if (existing) {
      if (source.active) {
        existing->file = source.file;
        existing->active = true;
        existing->was_active = true;
      }
      return Status::Ok();
    }
    DefinitionSource row = source;
    row.was_active = source.active;
    row.number = 0;
    tables_.definitions.push_back(row);
    return Status::Ok();
  }

  Result<int64_t> PutActivationRequest(const ActivationRequest& request) override {
    SOUHRA_RETURN_IF_ERROR(Open("put activation request"));
    if (request.id == 0) {
      ActivationRequest row = request;
      row.id = Tables::NextId(tables_.activation_requests);
      tables_.activation_requests[row.id] = row;
      return row.id;
    }
    auto found = tables_.activation_requests.find(request.id);
    if (found == tables_.activation_requests.end()) {
      return Missing("activation request", request.id);
    }
    found->second.status = request.status;
    found->second.decided_by = request.decided_by;
    found->second.decided_at = request.decided_at;
    found->second.reason = request.reason;
    return request.id;
  }
  Result<std::optional<ActivationRequest>> FindActivationRequest(int64_t id) override {
    SOUHRA_RETURN_IF_ERROR(Open("find activation request"));
    return Found(tables_.activation_requests, id);
  }
  Result<std::optional<ActivationRequest>> FindPendingActivation(
      const std::string& tenant, const std::string& name, const std::string& version) override {
    SOUHRA_RETURN_IF_ERROR(Open("find pending activation"));
    std::optional<ActivationRequest> newest;
    for (const auto& [id, r] : tables_.activation_requests) {
      if (r.tenant == tenant && r.name == name && r.version == version &&
          r.status == ActivationStatus::kPending) {
        newest = r;
      }
    }
    return newest;
  }

 private:
  // kUnavailable once Commit or a failure ended the transaction, as with SQLite.
  Status Open(const char* what) const {
    if (!ended_) return Status::Ok();
    return Unavailable(std::string(what) +
                       " failed: the write transaction was ended by an earlier error");
  }
  Result<TaskRecord*> Task(int64_t task_id) {
    auto found = tables_.tasks.find(task_id);
    if (found == tables_.tasks.end()) return Missing("task", task_id);
    return &found->second;
  }
  void End() {
    std::lock_guard<std::mutex> lock(store_.mu_);
    store_.writing_ = false;
    ended_ = true;
  }

  MemoryStore& store_;
  Tables tables_;
  std::optional<Tables> savepoint_;
  bool ended_ = false;
};

MemoryStore::MemoryStore() : committed_(std::make_shared<const Tables>()) {}
MemoryStore::~MemoryStore() = default;

std::shared_ptr<const MemoryStore::Tables> MemoryStore::Snapshot() {
  std::lock_guard<std::mutex> lock(mu_);
  return committed_;
}

Result<std::unique_ptr<WriteTxn>> MemoryStore::BeginWrite() {
  std::lock_guard<std::mutex> lock(mu_);
  if (writing_) return Internal("begin write failed: a write transaction is already open");
  writing_ = true;
  return std::unique_ptr<WriteTxn>(new Txn(*this, *committed_));
}

Result<std::vector<TimerRecord>> MemoryStore::DueTimers(Instant now, int limit) {
  std::shared_ptr<const Tables> t = Snapshot();
  std::vector<TimerRecord> due;
  for (const auto& [key, timer] : t->timers) {
    if (timer.due <= now) due.push_back(timer);
  }
  std::sort(due.begin(), due.end(), TimerBefore);
  return Limited(std::move(due), limit);
}

Result<std::vector<OutboxRecord>> MemoryStore::DueOutbox(Instant now, int limit) {
  std::shared_ptr<const Tables> t = Snapshot();
  std::vector<OutboxRecord> due;
  for (const auto& [id, m] : t->outbox) {
    if (m.status == OutboxStatus::kPending && m.next_attempt <= now) due.push_back(m);
  }
  std::stable_sort(due.begin(), due.end(), [](const OutboxRecord& a, const OutboxRecord& b) {
    return a.next_attempt < b.next_attempt;
  });
  return Limited(std::move(due), limit);
}

Result<std::optional<CaseRecord>> MemoryStore::GetCase(CaseId id) {
  return Found(Snapshot()->cases, id);
}

Result<std::vector<InstanceRecord>> MemoryStore::ListInstances(CaseId case_id) {
  return InstancesOf(*Snapshot(), case_id, /*active_only=*/false);
}

Result<std::vector<EventRecord>> MemoryStore::ListEventsAfter(CaseId case_id, int64_t after_seq) {
  return EventsOf(*Snapshot(), case_id, after_seq);
}

Result<std::vector<TaskRecord>> MemoryStore::ListTasks(CaseId case_id) {
  std::shared_ptr<const Tables> t = Snapshot();
  std::vector<TaskRecord> tasks;
  for (const auto& [id, task] : t->tasks) {
    if (task.case_id == case_id) tasks.push_back(task);
  }
  return tasks;
}

Result<std::optional<TaskRecord>> MemoryStore::GetTask(int64_t task_id) {
  return Found(Snapshot()->tasks, task_id);
}

Result<std::vector<TimerRecord>> MemoryStore::ListTimers(CaseId case_id) {
  std::shared_ptr<const Tables> t = Snapshot();
  // Through the instances of the case, as the SQLite store does.
  std::vector<TimerRecord> timers;
  for (const auto& [key, timer] : t->timers) {
    auto instance = t->instances.find(timer.instance_id);
    if (instance != t->instances.end() && instance->second.case_id == case_id) {
      timers.push_back(timer);
    }
  }
  std::sort(timers.begin(), timers.end(), TimerBefore);
  return timers;
}

Result<std::vector<OutboxRecord>> MemoryStore::ListOutboxAfter(CaseId case_id, int64_t after_id) {
  std::shared_ptr<const Tables> t = Snapshot();
  std::vector<OutboxRecord> messages;
  for (auto it = t->outbox.upper_bound(after_id); it != t->outbox.end(); ++it) {
    if (it->second.case_id == case_id) messages.push_back(it->second);
  }
  return messages;
}

Result<std::vector<DecisionRecord>> MemoryStore::ListDecisions(CaseId case_id) {
  std::shared_ptr<const Tables> t = Snapshot();
  std::vector<DecisionRecord> decisions;
  for (const DecisionRecord& d : t->decisions) {
    if (d.case_id == case_id) decisions.push_back(d);
  }
  return decisions;
}

Result<std::vector<TaskRecord>> MemoryStore::ListTasksForUser(const UserTaskQuery& query) {
  std::shared_ptr<const Tables> t = Snapshot();
  const std::set<std::string> roles(query.roles.begin(), query.roles.end());
  std::vector<TaskRecord> tasks;
  for (const auto& [id, task] : t->tasks) {
    if (task.status != TaskStatus::kOpen || !InRange(task, query)) continue;
    auto c = t->cases.find(task.case_id);
    if (c == t->cases.end() || c->second.tenant != query.tenant) continue;
    std::map<std::string, std::string> people = People(c->second);
    auto holder = people.find(task.assignee);
    bool mine = task.assignee == "user:" + query.login;
    if (holder != people.end()) {
      mine |= holder->second == query.login;
    } else {
      // A role the case's people give nobody (a "user:" assignee is a person, not a role).
      mine |= roles.contains(task.assignee) && !task.assignee.starts_with("user:");
    }
    if (mine) tasks.push_back(task);
  }
  std::stable_sort(tasks.begin(), tasks.end(), [](const TaskRecord& a, const TaskRecord& b) {
    return std::make_tuple(!a.due.has_value(), a.due.value_or(Instant()), a.id) <
           std::make_tuple(!b.due.has_value(), b.due.value_or(Instant()), b.id);
  });
  return tasks;
}

Result<std::vector<CaseRecord>> MemoryStore::ListCases(const CaseQuery& query) {
  std::shared_ptr<const Tables> t = Snapshot();
  const CaseId before = query.before > 0 ? query.before : std::numeric_limits<CaseId>::max();
  std::vector<CaseRecord> cases;
  for (auto it = t->cases.rbegin(); it != t->cases.rend(); ++it) {
    const CaseRecord& c = it->second;
    if (c.tenant != query.tenant || c.id >= before || (query.open_only && c.closed)) continue;
    if (!query.login.empty()) {
      bool holds = false;
      for (const auto& [role, login] : People(c)) {
        holds |= login == query.login && (query.role.empty() || role == query.role);
      }
      if (!holds) continue;
    }
    cases.push_back(c);
  }
  return Limited(std::move(cases), query.limit);
}

Result<std::vector<CaseInstance>> MemoryStore::ListInstancesInStates(
    const InstanceStateQuery& query) {
  std::shared_ptr<const Tables> t = Snapshot();
  const std::set<std::string> states(query.states.begin(), query.states.end());
  std::vector<CaseInstance> rows;
  for (const auto& [id, i] : t->instances) {
    if (!i.active || i.workflow != query.workflow || !states.contains(i.state)) continue;
    auto c = t->cases.find(i.case_id);
    if (c == t->cases.end() || c->second.tenant != query.tenant) continue;
    rows.push_back(CaseInstance{c->second, i});
  }
  return Limited(std::move(rows), query.limit);
}

Result<std::optional<DefinitionSource>> MemoryStore::GetActiveDefinition(const std::string& tenant,
                                                                         const std::string& name) {
  return ActiveDefinition(*Snapshot(), tenant, name);
}

Result<std::vector<DefinitionSource>> MemoryStore::ListActiveDefinitions(
    const std::string& tenant) {
  std::shared_ptr<const Tables> t = Snapshot();
  std::vector<DefinitionSource> active;
  for (const DefinitionSource& d : t->definitions) {
    if (d.tenant == tenant && d.active) active.push_back(d);
  }
  std::stable_sort(
      active.begin(), active.end(),
      [](const DefinitionSource& a, const DefinitionSource& b) { return a.name < b.name; });
  return active;
}

Result<std::vector<DefinitionSource>> MemoryStore::ListDefinitionVersions(const std::string& tenant,
                                                                          const std::string& name) {
  return VersionsOf(*Snapshot(), tenant, name);
}

Result<std::vector<VersionStateCount>> MemoryStore::CountActiveInstances(const std::string& tenant,
                                                                         const std::string& name) {
  std::shared_ptr<const Tables> t = Snapshot();
  std::map<std::pair<std::string, std::string>, int64_t> counts;
  for (const auto& [id, i] : t->instances) {
    if (i.active && i.workflow == name && TenantOf(*t, i) == tenant) {
      ++counts[{i.definition_hash, i.state}];
    }
  }
  std::vector<VersionStateCount> rows;
  for (const auto& [key, count] : counts) rows.push_back({key.first, key.second, count});
  return rows;
}

Result<std::vector<InboxMessage>> MemoryStore::ListInbox(const std::string& tenant,
                                                         const std::string& login, int limit) {
  std::shared_ptr<const Tables> t = Snapshot();
  std::vector<InboxMessage> unread;
  std::vector<InboxMessage> read;
  for (auto it = t->inbox.rbegin(); it != t->inbox.rend(); ++it) {
    const InboxMessage& m = it->second;
    if (m.tenant == tenant && m.login == login) (m.read ? read : unread).push_back(m);
  }
  unread.insert(unread.end(), read.begin(), read.end());
  return Limited(std::move(unread), limit);
}

Result<int64_t> MemoryStore::CountUnreadInbox(const std::string& tenant, const std::string& login) {
  std::shared_ptr<const Tables> t = Snapshot();
  int64_t unread = 0;
  for (const auto& [id, m] : t->inbox) {
    if (m.tenant == tenant && m.login == login && !m.read) ++unread;
  }
  return unread;
}

Result<std::vector<IncidentRecord>> MemoryStore::ListIncidents(bool open_only) {
  std::shared_ptr<const Tables> t = Snapshot();
  std::vector<IncidentRecord> incidents;
  for (const auto& [id, i] : t->incidents) {
    if (!open_only || i.status == IncidentStatus::kOpen) incidents.push_back(i);
  }
  return incidents;
}

Result<std::optional<IncidentRecord>> MemoryStore::GetIncident(int64_t id) {
  return Found(Snapshot()->incidents, id);
}

Result<std::vector<ActivationRequest>> MemoryStore::ListActivationRequests(
    const std::string& tenant, bool pending_only) {
  std::shared_ptr<const Tables> t = Snapshot();
  std::vector<ActivationRequest> requests;
  for (auto it = t->activation_requests.rbegin(); it != t->activation_requests.rend(); ++it) {
    const ActivationRequest& r = it->second;
    if (r.tenant != tenant) continue;
    if (!pending_only || r.status == ActivationStatus::kPending) requests.push_back(r);
  }
  return requests;
}

Result<std::optional<ActivationRequest>> MemoryStore::GetActivationRequest(int64_t id) {
  return Found(Snapshot()->activation_requests, id);
}

Result<std::vector<OutboxRecord>> MemoryStore::ListFailedOutbox() {
  std::shared_ptr<const Tables> t = Snapshot();
  std::vector<OutboxRecord> failed;
  for (const auto& [id, m] : t->outbox) {
    if (m.status == OutboxStatus::kFailed || m.status == OutboxStatus::kRefused) {
      failed.push_back(m);
    }
  }
  return failed;
}

Result<std::vector<DeliveryAttempt>> MemoryStore::ListDeliveryAttempts(int64_t outbox_id) {
  std::shared_ptr<const Tables> t = Snapshot();
  std::vector<DeliveryAttempt> attempts;
  for (const DeliveryAttempt& a : t->attempts) {
    if (a.outbox_id == outbox_id) attempts.push_back(a);
  }
  return attempts;
}

std::vector<PausedDeadline> MemoryStore::PausedDeadlines(CaseId case_id) {
  std::shared_ptr<const Tables> t = Snapshot();
  std::vector<PausedDeadline> paused;
  for (const auto& [key, p] : t->paused) {
    if (p.case_id == case_id) paused.push_back(p);
  }
  return paused;
}

std::vector<AuditRecord> MemoryStore::AuditLog() { return Snapshot()->audit; }

}  // namespace souhra::testing
