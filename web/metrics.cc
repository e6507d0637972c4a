#include "web/metrics.h"

#include <sstream>

namespace souhra {
namespace {

std::string Escape(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string Labels(const std::string& method, const std::string& route) {
  return "method=\"" + Escape(method) + "\",route=\"" + Escape(route) + "\"";
}

void Gauge(std::ostringstream& out, const char* name, const char* help, double value,
           const char* type = "gauge") {
  out << "# HELP " << name << " " << help << "\n# TYPE " << name << " " << type << "\n"
      << name << " " << value << "\n";
}

}  // namespace

void RequestMetrics::Observe(const std::string& route, const std::string& method, int status,
                             double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  Series& series = latency_[method + "\n" + route];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++series.buckets[i];
  }
  ++series.count;
  series.sum += seconds;
  ++requests_[Labels(method, route) + ",status=\"" + std::to_string(status) + "\""];
}

std::string RequestMetrics::Render(const EngineFigures& f) const {
  std::ostringstream out;
  Gauge(out, "souhra_events_applied_total", "Requests the engine applied and committed.",
        static_cast<double>(f.events_applied), "counter");
  Gauge(out, "souhra_events_refused_total", "Events refused: no state accepts them.",
        static_cast<double>(f.events_refused), "counter");
  Gauge(out, "souhra_commits_total", "Group-commit transactions.", static_cast<double>(f.commits),
        "counter");
  Gauge(out, "souhra_incidents_open", "Open incidents.", static_cast<double>(f.incidents_open));
  Gauge(out, "souhra_timers_due", "Timers due and not yet fired.",
        static_cast<double>(f.timers_due));
  Gauge(out, "souhra_scheduler_lag_seconds", "How late the most overdue pending timer is.",
        f.scheduler_lag_seconds);
  Gauge(out, "souhra_outbox_backlog", "Outbox messages due and not yet delivered.",
        static_cast<double>(f.outbox_backlog));
  std::lock_guard<std::mutex> lock(mu_);
  out << "# HELP souhra_http_requests_total HTTP requests by route and status.\n"
         "# TYPE souhra_http_requests_total counter\n";
  for (const auto& [labels, count] : requests_) {
    out << "souhra_http_requests_total{" << labels << "} " << count << "\n";
  }
  out << "# HELP souhra_http_request_duration_seconds HTTP request latency by route.\n"
         "# TYPE souhra_http_request_duration_seconds histogram\n";
  for (const auto& [key, series] : latency_) {
    const size_t split = key.find('\n');
    const std::string labels = Labels(key.substr(0, split), key.substr(split + 1));
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      out << "souhra_http_request_duration_seconds_bucket{" << labels << ",le=\"" << kBuckets[i]
          << "\"} " << series.buckets[i] << "\n";
    }
    out << "souhra_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} "
        << series.count << "\n"
        << "souhra_http_request_duration_seconds_sum{" << labels << "} " << series.sum << "\n"
        << "souhra_http_request_duration_seconds_count{" << labels << "} " << series.count << "\n";
  }
  return out.str();
}

}  // namespace souhra
