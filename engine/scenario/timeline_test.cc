#include "engine/scenario/timeline.h"

#include <gtest/gtest.h>

#include <functional>

#include "tests/fakes/memory_store.h"
#include "tests/fakes/sample_records.h"

namespace souhra {
namespace {

using testing::At;
using testing::MemoryStore;
using testing::SampleCase;
using testing::SampleEvent;
using testing::SampleInstance;
using testing::SampleMessage;

// CaseFiles that count the event and outbox rows a reader is handed.
class CountingCaseFiles final : public CaseFiles {
 public:
  explicit CountingCaseFiles(CaseFiles& store) : store_(store) {}

  Result<std::optional<CaseRecord>> GetCase(CaseId id) override { return store_.GetCase(id); }
  Result<std::vector<InstanceRecord>> ListInstances(CaseId id) override {
    return store_.ListInstances(id);
  }
  Result<std::vector<EventRecord>> ListEventsAfter(CaseId id, int64_t after) override {
    Result<std::vector<EventRecord>> rows = store_.ListEventsAfter(id, after);
    if (rows.ok()) rows_read += static_cast<int64_t>(rows->size());
    return rows;
  }
  Result<std::vector<TaskRecord>> ListTasks(CaseId id) override { return store_.ListTasks(id); }
  Result<std::optional<TaskRecord>> GetTask(int64_t id) override { return store_.GetTask(id); }
  Result<std::vector<TimerRecord>> ListTimers(CaseId id) override { return store_.ListTimers(id); }
  Result<std::vector<OutboxRecord>> ListOutboxAfter(CaseId id, int64_t after) override {
    Result<std::vector<OutboxRecord>> rows = store_.ListOutboxAfter(id, after);
    if (rows.ok()) rows_read += static_cast<int64_t>(rows->size());
    return rows;
  }
  Result<std::vector<DecisionRecord>> ListDecisions(CaseId id) override {
    return store_.ListDecisions(id);
  }

  int64_t rows_read = 0;

 private:
  CaseFiles& store_;
};

// A run observes its cases after every event; each observation reads only what is new, so a
// scenario of many timer firings costs in proportion to them, not to their square.
TEST(TimelineRecorderTest, EachObservationReadsOnlyTheRowsThatAreNew) {
  MemoryStore store;
  CaseId id = 0;
  InstanceId instance = 0;
  auto write = [&](const std::function<void(WriteTxn&)>& body) {
    Result<std::unique_ptr<WriteTxn>> txn = store.BeginWrite();
    ASSERT_TRUE(txn.ok());
    body(**txn);
    ASSERT_TRUE((*txn)->Commit().ok());
  };
  write([&](WriteTxn& txn) {
    id = txn.InsertCase(SampleCase()).value();
    instance = txn.InsertInstance(SampleInstance(id)).value();
  });
  CountingCaseFiles counting(store);
  TimelineRecorder recorder(counting, [](Instant) { return "čas"; });
  recorder.Watch(id, "K-1");
  std::vector<TimelineEntry> timeline;

  constexpr int kEvents = 200;
  for (int i = 0; i < kEvents; ++i) {
    write([&](WriteTxn& txn) {
      ASSERT_TRUE(txn.AppendEvent(SampleEvent(id, "case.note")).ok());
      ASSERT_TRUE(txn.InsertOutbox(SampleMessage(id, instance, At(i))).ok());
    });
    ASSERT_TRUE(recorder.Observe(At(i), 1, &timeline).ok());
  }

  EXPECT_EQ(counting.rows_read, 2 * kEvents);  // each event and message read once
  int events = 0;
  int messages = 0;
  for (const TimelineEntry& e : timeline) {
    events += e.text.starts_with("událost case.note") ? 1 : 0;
    messages += e.text.starts_with("oznámení coordinator") ? 1 : 0;
  }
  EXPECT_EQ(events, kEvents);
  EXPECT_EQ(messages, kEvents);
}

}  // namespace
}  // namespace souhra
