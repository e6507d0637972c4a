#include "engine/runtime/engine.h"

#include <exception>
#include <utility>
#include <vector>

#include "engine/definitions/version_diff.h"
#include "engine/runtime/step.h"

namespace souhra {
namespace {

bool IsIncident(StatusCode code) {
  return code == StatusCode::kScriptError || code == StatusCode::kResourceExhausted ||
         code == StatusCode::kInternal;
}

EventRecord IncidentEventOf(const NewCase& r) {
  EventRecord e;
  e.type = "case.created";
  e.payload = {{"tenant", r.tenant}, {"code", r.code}, {"workflow", r.workflow}, {"data", r.data}};
  e.actor = r.actor.ToString();
  return e;
}

// A loaded definition's name, version and kind.
DefinitionChange ChangeOf(const LoadedDefinition& loaded) {
  DefinitionChange change;
  change.name = loaded.name();
  change.version = loaded.workflow ? loaded.workflow->content_hash : loaded.rule_set->content_hash;
  change.kind = loaded.workflow ? "workflow" : "rules";
  return change;
}

Result<DefinitionChange> DefinitionChangeOf(Result<Applied> done) {
  if (!done.ok()) return done.status();
  return std::move(done->definition);
}

std::future<Result<Applied>> Ready(Result<Applied> result) {
  std::promise<Result<Applied>> promise;
  promise.set_value(std::move(result));
  return promise.get_future();
}

}  // namespace

Engine::Engine(Store& store, const Clock& clock, const Calendar& calendar, EngineOptions options)
    : store_(store),
      clock_(clock),
      options_(options),
      catalog_(options.limits),
      processor_(catalog_, calendar, options.directory),
      writer_([this] { WriterLoop(); }) {}

Engine::~Engine() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  writer_.join();
}

std::future<Result<Applied>> Engine::Enqueue(Work work, EventRecord incident_event,
                                             int64_t retry_of, RequestAudit* audit) {
  auto request = std::make_unique<Request>();
  request->work = std::move(work);
  request->incident_event = std::move(incident_event);
  request->retry_of = retry_of;
  request->audit = audit;
  std::future<Result<Applied>> reply = request->reply.get_future();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return Ready(Unavailable("the engine is shutting down"));
    queue_.push_back(std::move(request));
  }
  wake_.notify_one();
  return reply;
}

std::future<Result<Applied>> Engine::SubmitAsync(const EventRequest& request) {
  return Enqueue(
      [this, request](WriteTxn& txn, Instant now) { return processor_.Apply(txn, request, now); },
      LogRecordOf(request));
}

std::future<Result<Applied>> Engine::CreateCaseAsync(const NewCase& request) {
  return Enqueue(
      [this, request](WriteTxn& txn, Instant now) { return processor_.Create(txn, request, now); },
      IncidentEventOf(request));
}

Result<Applied> Engine::Submit(const EventRequest& request, RequestAudit* audit) {
  return Enqueue([this, request](WriteTxn& txn,
                                 Instant now) { return processor_.Apply(txn, request, now); },
                 LogRecordOf(request), 0, audit)
      .get();
}

Result<Applied> Engine::CreateCase(const NewCase& request, RequestAudit* audit) {
  return Enqueue([this, request](WriteTxn& txn,
                                 Instant now) { return processor_.Create(txn, request, now); },
                 IncidentEventOf(request), 0, audit)
      .get();
}

Result<DefinitionChange> Engine::Install(const std::string& tenant, const std::string& file,
                                         const std::string& source) {
  // Installing runs no handler, so a failure is the definition's (invalid), never an incident.
  return DefinitionChangeOf(
      Enqueue(
          [this, tenant, file, source](WriteTxn& txn, Instant now) -> Result<Applied> {
            SOUHRA_ASSIGN_OR_RETURN(LoadedDefinition loaded,
                                    catalog_.Install(txn, tenant, file, source, now));
            Applied applied;
            applied.definition = ChangeOf(loaded);
            return applied;
          },
          EventRecord{})
          .get());
}

Result<DefinitionChange> Engine::SaveDraft(const std::string& tenant, const std::string& file,
                                           const std::string& source, const std::string& saved_by,
                                           RequestAudit* audit) {
  // Like Install, runs no handler: a failure is the definition's, never an incident.
  return DefinitionChangeOf(
      Enqueue(
          [this, tenant, file, source, saved_by](WriteTxn& txn, Instant now) -> Result<Applied> {
            bool created = false;
            SOUHRA_ASSIGN_OR_RETURN(
                LoadedDefinition loaded,
                catalog_.SaveDraft(txn, tenant, file, source, saved_by, now, &created));
            Applied applied;
            applied.definition = ChangeOf(loaded);
            applied.definition.created = created;
            return applied;
          },
          EventRecord{}, 0, audit)
          .get());
}

Result<DefinitionChange> Engine::Activate(const std::string& tenant, const std::string& name,
                                          const std::string& version, RequestAudit* audit) {
  return DefinitionChangeOf(
      Enqueue(
          [this, tenant, name, version](WriteTxn& txn, Instant) -> Result<Applied> {
            SOUHRA_ASSIGN_OR_RETURN(std::optional<DefinitionSource> previous,
                                    txn.FindActiveDefinition(tenant, name));
            bool changed = false;
            SOUHRA_ASSIGN_OR_RETURN(DefinitionSource active,
                                    catalog_.Activate(txn, tenant, name, version, &changed));
            Applied applied;
            applied.definition.name = name;
            applied.definition.version = active.content_hash;
            applied.definition.previous = previous ? previous->content_hash : "";
            applied.definition.changed = changed;
            applied.definition.diff_sha256 =
                DiffVersions(name, previous ? &*previous : nullptr, active).sha256;
            return applied;
          },
          EventRecord{}, 0, audit)
          .get());
}

Result<DefinitionChange> Engine::AskActivation(const ActivationAsk& ask, RequestAudit* audit) {
  return DefinitionChangeOf(Enqueue(
                                [this, ask](WriteTxn& txn, Instant now) -> Result<Applied> {
                                  Applied applied;
                                  SOUHRA_ASSIGN_OR_RETURN(
                                      applied.definition,
                                      souhra::AskActivation(txn, catalog_, ask, now));
                                  return applied;
                                },
                                EventRecord{}, 0, audit)
                                .get());
}

Result<DefinitionChange> Engine::DecideActivation(const ActivationDecision& decision,
                                                  RequestAudit* audit) {
  return DefinitionChangeOf(Enqueue(
                                [this, decision](WriteTxn& txn, Instant now) -> Result<Applied> {
                                  Applied applied;
                                  SOUHRA_ASSIGN_OR_RETURN(
                                      applied.definition,
                                      souhra::DecideActivation(txn, catalog_, decision, now));
                                  return applied;
                                },
                                EventRecord{}, 0, audit)
                                .get());
}

Result<Applied> Engine::ReassignTask(const TaskReassignment& request, RequestAudit* audit) {
  // Reassigning runs no script, so it never becomes an incident.
  return Enqueue([request](WriteTxn& txn,
                           Instant now) { return souhra::ReassignTask(txn, request, now); },
                 EventRecord{}, 0, audit)
      .get();
}

Result<Applied> Engine::RetryIncident(int64_t incident_id, RequestAudit* audit) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<IncidentRecord> incident, store_.GetIncident(incident_id));
  if (!incident) return NotFound("incident " + std::to_string(incident_id) + " does not exist");
  if (incident->status == IncidentStatus::kResolved) {
    return Conflict("Tato chyba zpracování už je vyřešená; načtěte seznam znovu.");
  }
  const EventRecord& e = incident->event;
  if (e.type == "case.created") {
    NewCase request{e.payload.value("tenant", ""), e.payload.value("code", ""),
                    e.payload.value("workflow", ""), e.payload.value("data", Json::object()),
                    Actor::FromString(e.actor)};
    return Enqueue([this, request](WriteTxn& txn,
                                   Instant now) { return processor_.Create(txn, request, now); },
                   e, incident_id, audit)
        .get();
  }
  // The timer was consumed when the incident was recorded, so the retry needs no pending timer;
  // the step was checked when it was first sent.
  EventRequest request;
  request.case_id = e.case_id;
  request.type = e.type;
  request.payload = e.payload;
  request.idempotency_key = e.idempotency_key;
  request.actor = Actor::FromString(e.actor);
  request.instance_id = e.instance_id;
  request.internal = e.instance_id != 0;
  request.step_checked = true;
  return Enqueue([this, request](WriteTxn& txn,
                                 Instant now) { return processor_.Apply(txn, request, now); },
                 e, incident_id, audit)
      .get();
}

Status Engine::Write(std::function<Status(WriteTxn&, Instant)> write, RequestAudit* audit) {
  Result<Applied> done =
      Enqueue(
          [write = std::move(write)](WriteTxn& txn, Instant now) -> Result<Applied> {
            SOUHRA_RETURN_IF_ERROR(write(txn, now));
            return Applied{};
          },
          EventRecord{}, 0, audit)
          .get();
  return done.ok() ? Status::Ok() : done.status();
}

Result<int> Engine::FireDueTimers(int limit) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<TimerRecord> due, store_.DueTimers(clock_.Now(), limit));
  std::vector<std::future<Result<Applied>>> replies;
  replies.reserve(due.size());
  for (const TimerRecord& timer : due) {
    EventRequest request;
    request.case_id = timer.case_id;
    request.instance_id = timer.instance_id;
    request.type = "timer." + timer.key;
    request.actor = Actor::Timer();
    request.due = timer.due;
    request.internal = true;
    replies.push_back(SubmitAsync(request));
  }
  int fired = 0;
  Status first_error;
  for (auto& reply : replies) {
    Result<Applied> result = reply.get();
    if (result.ok()) {
      ++fired;
    } else if (result.status().code() != StatusCode::kNotFound && first_error.ok()) {
      first_error = result.status();
    }
  }
  if (fired == 0 && !first_error.ok() && !IsIncident(first_error.code())) return first_error;
  return fired;
}

EngineStats Engine::Stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

void Engine::WriterLoop() {
  while (true) {
    std::deque<std::unique_ptr<Request>> batch;
    {
      std::unique_lock<std::mutex> lock(mu_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything queued is done
      while (!queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    RunBatch(batch);
  }
}

void Engine::RunBatch(std::deque<std::unique_ptr<Request>>& batch) {
  while (!batch.empty()) {
    Result<std::unique_ptr<WriteTxn>> txn = store_.BeginWrite();
    if (!txn.ok()) {
      for (auto& request : batch) request->reply.set_value(txn.status());
      return;
    }
    const Instant now = clock_.Now();
    std::vector<Result<Applied>> results;
    results.reserve(batch.size());
    bool abandoned = false;
    for (size_t i = 0; i < batch.size(); ++i) {
      Result<Applied> result = Internal("not run");
      if (!RunOne(**txn, *batch[i], now, &result)) {
        // The transaction is unusable: fail the request that met the storage error and run the
        // others again in a new transaction; none of them was acknowledged.
        txn->reset();
        batch[i]->reply.set_value(std::move(result));
        batch.erase(batch.begin() + static_cast<long>(i));
        abandoned = true;
        break;
      }
      results.push_back(std::move(result));
    }
    if (abandoned) continue;
    Status committed = (*txn)->Commit();
    if (committed.ok()) {
      for (auto& request : batch) {
        if (request->audit != nullptr) request->audit->committed = true;
      }
      std::lock_guard<std::mutex> lock(mu_);
      stats_.commits += 1;
      stats_.requests += static_cast<int64_t>(batch.size());
      for (const Result<Applied>& result : results) {
        if (result.ok()) {
          stats_.applied += 1;
        } else if (result.status().code() == StatusCode::kConflict) {
          stats_.refused += 1;
        }
      }
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      if (committed.ok()) {
        batch[i]->reply.set_value(std::move(results[i]));
      } else {
        batch[i]->reply.set_value(Unavailable("not applied: " + committed.message()));
      }
    }
    batch.clear();
  }
}

bool Engine::RunOne(WriteTxn& txn, Request& request, Instant now, Result<Applied>* result) {
  if (Status s = txn.Savepoint(); !s.ok()) {
    *result = s;
    return false;
  }
  Result<Applied> applied = RunWork(request, txn, now);
  if (!applied.ok()) return KeepFailure(txn, request, now, applied.status(), result);
  if (request.retry_of != 0) {
    Status s = txn.UpdateIncident(request.retry_of, IncidentStatus::kResolved,
                                  NextAttempt(request.retry_of), "");
    if (!s.ok()) {
      *result = s;
      return false;
    }
  }
  if (Status s = AppendAudit(txn, request, now, applied); !s.ok()) {
    *result = s;
    return false;
  }
  Status released = txn.ReleaseSavepoint();
  *result = released.ok() ? std::move(applied) : Result<Applied>(released);
  return released.ok();
}

bool Engine::KeepFailure(WriteTxn& txn, Request& request, Instant now, const Status& error,
                         Result<Applied>* result) {
  Status undone = txn.RollbackToSavepoint();
  if (!undone.ok() || error.code() == StatusCode::kUnavailable) {
    *result = undone.ok() ? error : undone;
    return false;
  }
  *result = error;  // refused, or not an event: nothing to keep but the audit row
  if (IsIncident(error.code()) && !request.incident_event.type.empty()) {
    if (Status s = ConsumeFiredTimer(txn, request.incident_event); !s.ok()) {
      *result = s;
      return false;
    }
    int64_t incident_id = 0;
    if (Status s = RecordIncident(txn, request, error, now, &incident_id); !s.ok()) {
      *result = s;
      return false;
    }
    *result =
        Status(error.code(), error.message() + " (incident " + std::to_string(incident_id) + ")");
  }
  if (Status s = AppendAudit(txn, request, now, *result); !s.ok()) {
    *result = s;
    return false;
  }
  return true;
}

Result<Applied> Engine::RunWork(Request& request, WriteTxn& txn, Instant now) {
  // A bug or an exhausted allocator in one request must not take the writer thread, and every
  // request queued behind it, down: it fails that request, which the savepoint then undoes.
  try {
    return request.work(txn, now);
  } catch (const std::exception& e) {
    return Internal(std::string("unexpected failure on the writer thread: ") + e.what());
  } catch (...) {
    return Internal("unexpected failure on the writer thread: an unknown exception");
  }
}

Status Engine::AppendAudit(WriteTxn& txn, const Request& request, Instant now,
                           const Result<Applied>& result) {
  if (request.audit == nullptr) return Status::Ok();
  AuditRecord record = request.audit->record;
  record.at = now;
  record.outcome = result.ok() ? "ok" : StatusCodeName(result.status().code());
  if (result.ok() && request.audit->target_of) record.target = request.audit->target_of(*result);
  return txn.AppendAudit(record).status();
}

Status Engine::ConsumeFiredTimer(WriteTxn& txn, const EventRecord& event) {
  // A failed timer event lives on in its incident; leaving the timer pending would fire it,
  // and fail it, again at every tick.
  if (!event.due || event.instance_id == 0 || event.type.rfind("timer.", 0) != 0) {
    return Status::Ok();
  }
  return txn.DeleteTimer(event.instance_id, event.type.substr(6));
}

int Engine::NextAttempt(int64_t incident_id) {
  // Only the writer thread changes incidents, so the committed count is the current one.
  Result<std::optional<IncidentRecord>> incident = store_.GetIncident(incident_id);
  return incident.ok() && *incident ? (*incident)->attempts + 1 : 2;
}

Status Engine::RecordIncident(WriteTxn& txn, const Request& request, const Status& error,
                              Instant now, int64_t* incident_id) {
  if (request.retry_of != 0) {
    *incident_id = request.retry_of;
    return txn.UpdateIncident(request.retry_of, IncidentStatus::kOpen,
                              NextAttempt(request.retry_of), error.ToString());
  }
  IncidentRecord incident;
  incident.case_id = request.incident_event.case_id;
  incident.event = request.incident_event;
  incident.event.at = now;
  incident.error = error.ToString();
  incident.created = now;
  SOUHRA_ASSIGN_OR_RETURN(*incident_id, txn.InsertIncident(incident));
  return Status::Ok();
}

}  // namespace souhra
