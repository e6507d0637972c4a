#include "app/bench_timers.h"

#include <algorithm>
#include <deque>
#include <future>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>
#include <vector>

#include "adapters/clock/system_clock.h"
#include "app/latency_histogram.h"
#include "engine/workers/scheduler.h"

namespace souhra {
namespace {

using SteadyClock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr char kWorkflow[] = "bench_timers";
constexpr int64_t kTimersPerTxn = 100'000;
constexpr size_t kCreationWindow = 1024;

double SecondsSince(SteadyClock::time_point start) {
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

// Creates `count` cases and returns the instance each one started.
Result<std::vector<TimerRecord>> CreateCases(Engine& engine, const TimerBenchOptions& o,
                                             int64_t count) {
  std::vector<TimerRecord> slots;
  std::deque<std::future<Result<Applied>>> replies;
  auto collect = [&]() -> Status {
    SOUHRA_ASSIGN_OR_RETURN(Applied applied, replies.front().get());
    replies.pop_front();
    TimerRecord slot;
    slot.case_id = applied.case_id;
    if (applied.outcome.transitions.empty()) return Internal("a bench case started no instance");
    slot.instance_id = applied.outcome.transitions[0].instance;
    slot.scope_state = "waiting";
    slots.push_back(slot);
    return Status::Ok();
  };
  for (int64_t i = 0; i < count; ++i) {
    replies.push_back(engine.CreateCaseAsync({o.tenant, "T-" + std::to_string(i), kWorkflow}));
    if (replies.size() >= kCreationWindow) SOUHRA_RETURN_IF_ERROR(collect());
  }
  while (!replies.empty()) SOUHRA_RETURN_IF_ERROR(collect());
  return slots;
}

// Writes timers `key_of(i)` due `due_of(i)` on the slots, round robin, for i in [0, count).
template <typename KeyOf, typename DueOf>
Status PutTimers(Store& store, const std::vector<TimerRecord>& slots, int64_t count, KeyOf key_of,
                 DueOf due_of) {
  for (int64_t first = 0; first < count; first += kTimersPerTxn) {
    SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<WriteTxn> txn, store.BeginWrite());
    for (int64_t i = first; i < std::min(count, first + kTimersPerTxn); ++i) {
      TimerRecord timer = slots[static_cast<size_t>(i) % slots.size()];
      timer.key = key_of(i);
      timer.due = due_of(i);
      SOUHRA_RETURN_IF_ERROR(txn->PutTimer(timer));
    }
    SOUHRA_RETURN_IF_ERROR(txn->Commit());
  }
  return Status::Ok();
}

Status PutPending(Store& store, const std::vector<TimerRecord>& slots, const TimerBenchOptions& o,
                  TimerBenchReport* report) {
  constexpr int64_t kYearMs = 365LL * 24 * 3600 * 1000;
  std::mt19937_64 random(42);
  const Instant now = SystemClock().Now();
  const auto start = SteadyClock::now();
  SOUHRA_RETURN_IF_ERROR(PutTimers(
      store, slots, o.pending, [](int64_t i) { return "idle_" + std::to_string(i); },
      [&](int64_t) {
        return now + milliseconds(kYearMs + static_cast<int64_t>(random() % kYearMs));
      }));
  report->pending = o.pending;
  report->pending_insert_seconds = SecondsSince(start);
  return Status::Ok();
}

Status RunBurst(Store& store, Engine& engine, const std::vector<TimerRecord>& slots,
                const TimerBenchOptions& o, TimerBenchReport* report) {
  const Instant due = SystemClock().Now() - milliseconds(1000);
  SOUHRA_RETURN_IF_ERROR(PutTimers(
      store, slots, o.burst, [](int64_t) { return std::string("burst"); },
      [&](int64_t) { return due; }));
  const auto start = SteadyClock::now();
  while (report->burst_fired < o.burst) {
    SOUHRA_ASSIGN_OR_RETURN(int fired, engine.FireDueTimers(o.batch));
    if (fired == 0) break;
    report->burst_fired += fired;
  }
  report->burst_seconds = SecondsSince(start);
  report->burst = o.burst;
  if (report->burst_fired != o.burst) {
    return Internal("burst: " + std::to_string(report->burst_fired) + " of " +
                    std::to_string(o.burst) + " timers fired");
  }
  return Status::Ok();
}

// Lets a Scheduler fire the steady timers, then waits until none is due any more.
Status FireWithScheduler(Store& store, Engine& engine, const TimerBenchOptions& o,
                         Instant last_due) {
  Status first_error;
  {
    Scheduler scheduler(engine, o.tick, o.batch, [&](const Status& s) {
      if (first_error.ok()) first_error = s;
    });
    std::this_thread::sleep_for(last_due + milliseconds(200) - SystemClock().Now());
    const auto give_up = SteadyClock::now() + std::chrono::seconds(30);
    while (SteadyClock::now() < give_up) {
      SOUHRA_ASSIGN_OR_RETURN(std::vector<TimerRecord> due, store.DueTimers(last_due, 1));
      if (due.empty()) break;
      std::this_thread::sleep_for(milliseconds(50));
    }
  }
  return first_error;
}

Status RunSteady(Store& store, Engine& engine, const std::vector<TimerRecord>& slots,
                 const TimerBenchOptions& o, TimerBenchReport* report) {
  const int64_t count = int64_t{o.rate} * o.seconds;
  const Instant first = SystemClock().Now() + milliseconds(1000);
  auto due_of = [&](int64_t i) { return first + milliseconds(i * 1000 / o.rate); };
  SOUHRA_RETURN_IF_ERROR(PutTimers(
      store, slots, count, [](int64_t) { return std::string("tick"); }, due_of));
  SOUHRA_RETURN_IF_ERROR(FireWithScheduler(store, engine, o, due_of(count - 1)));
  LatencyHistogram lag;
  for (int64_t i = 0; i < count; ++i) {
    SOUHRA_ASSIGN_OR_RETURN(std::vector<EventRecord> events,
                            store.ListEvents(slots[static_cast<size_t>(i)].case_id));
    for (const EventRecord& e : events) {
      if (e.type == "timer.tick" && e.due)
        lag.Record(std::max<int64_t>(0, (e.at - *e.due).count()) * 1000);
    }
  }
  report->rate = o.rate;
  report->tick_ms = o.tick.count();
  report->batch = o.batch;
  report->steady_timers = count;
  report->steady_fired = lag.count();
  report->lag_p50_ms = static_cast<double>(lag.Percentile(0.50)) / 1000;
  report->lag_p99_ms = static_cast<double>(lag.Percentile(0.99)) / 1000;
  report->lag_max_ms = static_cast<double>(lag.max()) / 1000;
  return Status::Ok();
}

}  // namespace

Result<TimerBenchReport> RunTimerBench(Store& store, Engine& engine, const TimerBenchOptions& o) {
  TimerBenchReport report;
  const int64_t cases = std::max<int64_t>(o.burst, int64_t{o.rate} * o.seconds);
  SOUHRA_ASSIGN_OR_RETURN(std::vector<TimerRecord> slots, CreateCases(engine, o, cases));
  SOUHRA_RETURN_IF_ERROR(PutPending(store, slots, o, &report));
  const EngineStats before = engine.Stats();
  SOUHRA_RETURN_IF_ERROR(RunBurst(store, engine, slots, o, &report));
  SOUHRA_RETURN_IF_ERROR(RunSteady(store, engine, slots, o, &report));
  const EngineStats after = engine.Stats();
  report.mean_group_commit =
      static_cast<double>(after.requests - before.requests) /
      static_cast<double>(std::max<int64_t>(1, after.commits - before.commits));
  return report;
}

void PrintTimerTable(const TimerBenchReport& r, std::ostream& out) {
  out << "pending timers        " << r.pending << " (written in " << r.pending_insert_seconds
      << " s)\n"
      << "burst                 " << r.burst_fired << "/" << r.burst << " fired in "
      << r.burst_seconds << " s ("
      << static_cast<int64_t>(r.burst_fired / std::max(r.burst_seconds, 1e-9)) << " timers/s)\n"
      << "steady                " << r.steady_fired << "/" << r.steady_timers << " fired at "
      << r.rate << " timers/s (tick " << r.tick_ms << " ms, batch " << r.batch << ")\n"
      << "lag p50 / p99 / max   " << r.lag_p50_ms << " / " << r.lag_p99_ms << " / " << r.lag_max_ms
      << " ms\n"
      << "mean group commit     " << r.mean_group_commit << " requests\n";
}

void PrintTimerJson(const TimerBenchReport& r, std::ostream& out) {
  const nlohmann::json json = {
      {"pending", r.pending},
      {"pending_insert_seconds", r.pending_insert_seconds},
      {"burst", {{"timers", r.burst}, {"fired", r.burst_fired}, {"seconds", r.burst_seconds}}},
      {"steady",
       {{"rate", r.rate},
        {"tick_ms", r.tick_ms},
        {"batch", r.batch},
        {"timers", r.steady_timers},
        {"fired", r.steady_fired},
        {"lag_ms", {{"p50", r.lag_p50_ms}, {"p99", r.lag_p99_ms}, {"max", r.lag_max_ms}}}}},
      {"mean_group_commit", r.mean_group_commit}};
  out << json.dump(2) << "\n";
}

}  // namespace souhra
