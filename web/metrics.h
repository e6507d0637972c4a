// Request metrics of the web server and the Prometheus text exposition of /metrics.
//
// Requests are counted per route pattern ("/api/v1/cases/{id}", never the concrete path, so the
// number of series stays fixed) and status class, with a latency histogram per route. The
// engine-side figures are read when /metrics is scraped. Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace souhra {

// What the engine and the store report at scrape time.
struct EngineFigures {
  int64_t events_applied = 0;
  int64_t events_refused = 0;
  int64_t commits = 0;
  int64_t incidents_open = 0;
  int64_t timers_due = 0;            // due now and not yet fired (capped by the query's limit)
  double scheduler_lag_seconds = 0;  // how late the most overdue pending timer is
  int64_t outbox_backlog = 0;        // messages due and not yet delivered (capped likewise)
};

class RequestMetrics {
 public:
  // Upper bounds of the latency buckets, in seconds.
  static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,  0.1,    0.25,  0.5,  1.0};

  void Observe(const std::string& route, const std::string& method, int status, double seconds);
  // The whole exposition: request series and `figures`.
  std::string Render(const EngineFigures& figures) const;

 private:
  struct Series {
    std::array<int64_t, kBuckets.size()> buckets{};
    int64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::string, Series> latency_;    // key: method + " " + route
  std::map<std::string, int64_t> requests_;  // key: method, route, status
};

}  // namespace souhra
