#include "app/bench_workload.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <future>
#include <thread>
#include <vector>

namespace souhra {
namespace {

using SteadyClock = std::chrono::steady_clock;

struct InFlight {
  int64_t index = 0;  // the case's number in the run, 0-based
  CaseId case_id = 0;
  int step = 0;  // 0 = creation, then the events in order
  SteadyClock::time_point submitted;
  std::future<Result<Applied>> reply;
};

// The request for step 1..3 of a case. Each carries an idempotency key, as API callers do.
EventRequest EventFor(CaseId case_id, int64_t index, int step) {
  static const char* const kTypes[] = {"", "assess", "plan", "agree"};
  EventRequest request;
  request.case_id = case_id;
  request.type = kTypes[step];
  request.actor = Actor::User("bench", {"case_manager"});
  request.idempotency_key = "b" + std::to_string(index) + "-" + std::to_string(step);
  if (step == 2) request.payload = {{"ready", true}};
  return request;
}

class Submitter {
 public:
  Submitter(Engine& engine, const WorkloadOptions& options, std::atomic<int64_t>& next_case,
            std::atomic<int64_t>& progress)
      : engine_(engine), options_(options), next_case_(next_case), progress_(progress) {}

  // Keeps `window` requests in flight until no case is left; answers arrive in submission
  // order (the engine's queue is FIFO), so waiting on the oldest loses nothing.
  void Run(int window, WorkloadResult& result) {
    result_ = &result;
    std::deque<InFlight> flight;
    while (static_cast<int>(flight.size()) < window && StartCase(flight)) {
    }
    while (!flight.empty()) {
      InFlight f = std::move(flight.front());
      flight.pop_front();
      Result<Applied> answer = f.reply.get();
      const auto waited = SteadyClock::now() - f.submitted;
      progress_.fetch_add(1, std::memory_order_relaxed);
      if (!answer.ok()) {
        result.failed += 1;
        if (result.first_error.empty()) result.first_error = answer.status().ToString();
        StartCase(flight);
        continue;
      }
      result.acknowledged += 1;
      result.latency.Record(std::chrono::duration_cast<std::chrono::microseconds>(waited).count());
      if (f.step == 0) f.case_id = answer->case_id;
      if (f.step + 1 < kEventsPerCase) {
        f.step += 1;
        Submit(f, engine_.SubmitAsync(EventFor(f.case_id, f.index, f.step)));
        flight.push_back(std::move(f));
      } else {
        if (result.first_case == 0) result.first_case = f.case_id;
        StartCase(flight);
      }
    }
  }

 private:
  void Submit(InFlight& f, std::future<Result<Applied>> reply) {
    f.submitted = SteadyClock::now();
    f.reply = std::move(reply);
    result_->submitted += 1;
  }

  bool StartCase(std::deque<InFlight>& flight) {
    const int64_t index = next_case_.fetch_add(1);
    if (index >= options_.cases) return false;
    InFlight f;
    f.index = index;
    NewCase request{options_.tenant, "B-" + std::to_string(index), options_.workflow,
                    CaseDataFor(index), Actor::System()};
    Submit(f, engine_.CreateCaseAsync(request));
    flight.push_back(std::move(f));
    return true;
  }

  Engine& engine_;
  const WorkloadOptions& options_;
  std::atomic<int64_t>& next_case_;
  std::atomic<int64_t>& progress_;
  WorkloadResult* result_ = nullptr;
};

}  // namespace

Json CaseDataFor(int64_t index) { return {{"source", "bench"}, {"priority", index % 3}}; }

WorkloadResult RunWorkload(Engine& engine, const WorkloadOptions& options,
                           std::atomic<int64_t>& progress) {
  const int submitters = std::max(1, options.submitters);
  const int window = std::max(1, options.inflight / submitters);
  std::atomic<int64_t> next_case{0};
  std::vector<WorkloadResult> parts(static_cast<size_t>(submitters));
  std::vector<std::thread> threads;
  const auto start = SteadyClock::now();
  for (int i = 0; i < submitters; ++i) {
    threads.emplace_back([&, i] {
      Submitter(engine, options, next_case, progress).Run(window, parts[static_cast<size_t>(i)]);
    });
  }
  for (std::thread& t : threads) t.join();
  WorkloadResult total;
  total.seconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
  for (const WorkloadResult& part : parts) {
    total.submitted += part.submitted;
    total.acknowledged += part.acknowledged;
    total.failed += part.failed;
    if (total.first_error.empty()) total.first_error = part.first_error;
    if (total.first_case == 0) total.first_case = part.first_case;
    total.latency.Merge(part.latency);
  }
  return total;
}

}  // namespace souhra
