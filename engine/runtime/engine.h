// The Engine: the one place where events become durable.
//
// Callers on any thread submit work (new cases, events, definition installs, incident retries);
// a single writer thread applies queued work in group commits: up to `max_batch` requests share
// one transaction and one fsync, each inside its own savepoint. A request is acknowledged only
// after its transaction committed, so an acknowledged event survives kill -9 and power loss.
//
// Failures stay with their request: an event no instance accepts is refused (kConflict) and a
// script failure rolls that one event back and records an incident (listable, retryable), while
// the other events of the batch commit. A storage failure fails the request that met it; the
// rest of the batch is retried in a new transaction, so the engine goes on serving. An exception
// thrown by a request's work is such a failure too (kInternal, and an incident for an event):
// it never leaves the writer thread.
//
// A request made on someone's behalf (an API call) may carry its audit row (RequestAudit): the
// row is written in the request's own savepoint, so a change and its audit row commit together
// or not at all, and a refused request leaves its row without its change, in the same group
// commit: one write per request.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "engine/access.h"
#include "engine/calendar.h"
#include "engine/clock.h"
#include "engine/definitions/definition_catalog.h"
#include "engine/runtime/activation_requests.h"
#include "engine/runtime/case_processor.h"
#include "engine/runtime/task_actions.h"
#include "engine/store.h"

namespace souhra {

// Group-commit counters since the engine started.
struct EngineStats {
  int64_t commits = 0;   // write transactions committed
  int64_t requests = 0;  // requests answered from those transactions
  int64_t applied = 0;   // of those, requests that succeeded (events, cases, writes)
  int64_t refused = 0;   // of those, requests refused as conflicts (no state accepts the event)
};

// The audit row of a request made on someone's behalf. When the request's work succeeds, the row
// is appended inside its savepoint with outcome "ok" (and target `target_of(applied)` when set);
// when the work fails, the row is appended after the work was undone, with the error's code name
// as outcome ("conflict", "script_error"). `committed` is set once the row is durable; it stays
// false when the request failed before its savepoint committed (busy, I/O, shutting down), and
// then no row was written.
struct RequestAudit {
  AuditRecord record;  // all but `at` (the group commit's time) and `outcome`
  std::function<std::string(const Applied&)> target_of;
  bool committed = false;
};

struct EngineOptions {
  size_t max_batch = 512;  // requests per group commit
  SandboxLimits limits;
  // Where the users and actors forms name are looked up (CaseProcessor); null checks only their
  // shape. Read from the writer thread; must outlive the engine.
  Directory* directory = nullptr;
};

class Engine {
 public:
  // `store`, `clock` and `calendar` must outlive the engine.
  Engine(Store& store, const Clock& clock, const Calendar& calendar, EngineOptions options = {});
  // Finishes queued work, then stops the writer thread.
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Each call blocks until its work is durable or refused. Thread-safe. `audit`, when given, is
  // the request's audit row (RequestAudit); it must stay valid until the call returns.
  Result<Applied> CreateCase(const NewCase& request, RequestAudit* audit = nullptr);
  Result<Applied> Submit(const EventRequest& request, RequestAudit* audit = nullptr);
  // Validates and activates a definition for a tenant (name, version, kind).
  Result<DefinitionChange> Install(const std::string& tenant, const std::string& file,
                                   const std::string& source);
  // Validates a definition and saves it as a draft version for the tenant, not active; saving
  // an existing version again changes nothing (name, version, kind, created).
  // `saved_by` is "user:<login>" (DefinitionSource::saved_by).
  // An audit's target_of sees the change as Applied::definition.
  Result<DefinitionChange> SaveDraft(const std::string& tenant, const std::string& file,
                                     const std::string& source, const std::string& saved_by,
                                     RequestAudit* audit = nullptr);
  // Makes a stored version (content hash or a unique prefix) the active one of (tenant, name);
  // see DefinitionCatalog::Activate (name, version, previous, changed).
  Result<DefinitionChange> Activate(const std::string& tenant, const std::string& name,
                                    const std::string& version, RequestAudit* audit = nullptr);
  // Four eyes (activation_requests.h): asks for a version to become active — at once when
  // nobody else need approve it — and a second person's approval or refusal.
  Result<DefinitionChange> AskActivation(const ActivationAsk& ask, RequestAudit* audit = nullptr);
  Result<DefinitionChange> DecideActivation(const ActivationDecision& decision,
                                            RequestAudit* audit = nullptr);
  // Gives an open task another assignee (task_actions.h), logged as "task.<key>.reassigned".
  // Its pending reminders follow: a rung goes to whoever holds the task when it fires.
  Result<Applied> ReassignTask(const TaskReassignment& request, RequestAudit* audit = nullptr);
  // Applies an incident's event again; the incident is resolved when it succeeds.
  Result<Applied> RetryIncident(int64_t incident_id, RequestAudit* audit = nullptr);

  // Runs `write` on the writer thread in its own savepoint of a group commit and returns once its
  // writes are durable, or undone with its error. For writes that are not events (the outbox
  // dispatcher's delivery records, the in-app inbox): nothing is logged and a failure records no
  // incident. `now` is the engine clock's time for the batch. Thread-safe.
  Status Write(std::function<Status(WriteTxn& txn, Instant now)> write,
               RequestAudit* audit = nullptr);

  // The same, without waiting: the future is ready once the work is durable or refused.
  std::future<Result<Applied>> SubmitAsync(const EventRequest& request);
  std::future<Result<Applied>> CreateCaseAsync(const NewCase& request);

  // Fires up to `limit` timers due by now, in due order, as events to their instances, and
  // waits for them. Returns how many fired; timers already fired or cancelled are skipped.
  Result<int> FireDueTimers(int limit);

  // How many transactions committed and how many requests they carried. Thread-safe.
  EngineStats Stats() const;

 private:
  using Work = std::function<Result<Applied>(WriteTxn&, Instant now)>;
  struct Request {
    Work work;
    EventRecord incident_event;  // what to keep in an incident if a script fails
    int64_t retry_of = 0;        // the incident this request retries, if any
    RequestAudit* audit = nullptr;
    std::promise<Result<Applied>> reply;
  };

  std::future<Result<Applied>> Enqueue(Work work, EventRecord incident_event, int64_t retry_of = 0,
                                       RequestAudit* audit = nullptr);
  void WriterLoop();
  void RunBatch(std::deque<std::unique_ptr<Request>>& batch);
  // Runs one request inside a savepoint. Returns false if the transaction must be abandoned.
  bool RunOne(WriteTxn& txn, Request& request, Instant now, Result<Applied>* result);
  // Keeps a failed request's error: its incident (for an event failing in a script or with an
  // internal error) and its audit row. False if the transaction must be abandoned.
  bool KeepFailure(WriteTxn& txn, Request& request, Instant now, const Status& error,
                   Result<Applied>* result);
  // The request's work; an exception it throws becomes kInternal.
  static Result<Applied> RunWork(Request& request, WriteTxn& txn, Instant now);
  static Status AppendAudit(WriteTxn& txn, const Request& request, Instant now,
                            const Result<Applied>& result);
  Status ConsumeFiredTimer(WriteTxn& txn, const EventRecord& event);
  int NextAttempt(int64_t incident_id);
  Status RecordIncident(WriteTxn& txn, const Request& request, const Status& error, Instant now,
                        int64_t* incident_id);

  Store& store_;
  const Clock& clock_;
  EngineOptions options_;
  DefinitionCatalog catalog_;  // writer thread only
  CaseProcessor processor_;    // writer thread only

  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::deque<std::unique_ptr<Request>> queue_;
  bool stopping_ = false;
  EngineStats stats_;  // guarded by mu_
  std::thread writer_;
};

}  // namespace souhra
