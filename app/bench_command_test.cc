// Runs `souhra bench` end to end on a small workload and checks that its report adds up.
// No timing assertions: only counts and sizes.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/fakes/build_paths.h"
#include "tests/fakes/temp_dir.h"

namespace souhra {
namespace {

// Runs `command` and returns what it wrote on stdout; `status` gets its exit status.
std::string Capture(const std::string& command, int* status) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  char buffer[4096];
  size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe.get())) > 0) out.append(buffer, n);
  *status = pclose(pipe.release());
  return out;
}

TEST(BenchCommand, SmallRunAcknowledgesEveryEventAndReportsSaneFigures) {
  testing::TempDir dir;
  const std::string command = testing::SouhraBinary() +
                              " bench --cases 200 --submitters 2 --inflight 32 --json --db " +
                              dir.File("bench.db") + " --workflow " + testing::SourceDir() +
                              "/workflows/examples/bench.lua 2>/dev/null";
  int status = -1;
  const nlohmann::json report = nlohmann::json::parse(Capture(command, &status));
  EXPECT_EQ(status, 0);
  EXPECT_EQ(report["events"], 800);
  EXPECT_EQ(report["acknowledged"], 800);
  EXPECT_EQ(report["failed"], 0);
  EXPECT_GT(report["db_bytes_per_case"].get<double>(), 0);
  EXPECT_GT(report["mean_group_commit"].get<double>(), 0);
  EXPECT_GT(report["peak_rss_kib"].get<int64_t>(), 0);
  EXPECT_LE(report["latency_ms"]["p50"].get<double>(), report["latency_ms"]["p99"].get<double>());
  EXPECT_LE(report["latency_ms"]["p99"].get<double>(), report["latency_ms"]["max"].get<double>());
  EXPECT_EQ(report["baseline"]["events"], 800);
  EXPECT_GT(report["engine_to_baseline"].get<double>(), 0);
}

TEST(BenchCommand, RefusesAnUnknownOption) {
  int status = -1;
  Capture(testing::SouhraBinary() + " bench --casez 5 2>/dev/null", &status);
  EXPECT_EQ(WEXITSTATUS(status), 2);
}

}  // namespace
}  // namespace souhra
