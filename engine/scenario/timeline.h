// The timeline of a simulation: what happened to the cases, step by step, in Czech.
//
// A TimelineRecorder watches cases through CaseFiles only (the event log, tasks,
// timers, the outbox, decisions) and turns whatever appeared or changed since it last looked into
// entries. It knows no particular workflow feature: whatever the engine writes there — reminders,
// overdue tasks, escalations — shows up the same way.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "engine/store.h"

namespace souhra {

struct TimelineEntry {
  Instant at;
  std::string when;  // `at` in Prague time, in Czech: "čt 2. 4. 2026 10:00"
  int line = 0;      // the scenario step that led to it
  std::string text;  // e.g. "úkol review pro case_manager, termín po 29. 6. 2026 10:00"
  bool failure = false;
};

// Formats an instant in Prague time for people: "čt 2. 4. 2026 10:00".
using TimeFormatter = std::function<std::string(Instant)>;

class TimelineRecorder {
 public:
  TimelineRecorder(CaseFiles& store, TimeFormatter format)
      : store_(store), format_(std::move(format)) {}

  // Starts watching case `id`, shown as `code`. Everything it already has counts as new.
  void Watch(CaseId id, const std::string& code);

  // Appends an entry at `at` for every event, task, timer, notification and decision of the
  // watched cases that appeared or changed since the last call. kUnavailable when the store fails.
  Status Observe(Instant at, int line, std::vector<TimelineEntry>* timeline);

  // Appends one entry, e.g. the result of an expectation.
  void Note(Instant at, int line, std::string text, bool failure,
            std::vector<TimelineEntry>* timeline) const;

 private:
  using TimerKey = std::tuple<InstanceId, std::string>;
  struct Seen {
    std::string code;
    int64_t last_seq = 0;
    int64_t last_outbox = 0;
    size_t decisions = 0;
    std::map<int64_t, TaskStatus> tasks;
    std::map<TimerKey, Instant> timers;
  };

  Status ObserveCase(CaseId id, Seen& seen, std::vector<std::string>* lines);
  // Returns the keys of the timers that fired in the new events.
  Status Events(CaseId id, Seen& seen, std::vector<std::string>* lines, std::set<TimerKey>* fired);
  Status Tasks(CaseId id, Seen& seen, std::vector<std::string>* lines);
  Status Timers(CaseId id, Seen& seen, const std::set<TimerKey>& fired,
                std::vector<std::string>* lines);
  Status Outbox(CaseId id, Seen& seen, std::vector<std::string>* lines);
  Status Decisions(CaseId id, Seen& seen, std::vector<std::string>* lines);

  CaseFiles& store_;
  TimeFormatter format_;
  std::vector<std::pair<CaseId, Seen>> cases_;  // in the order they were created
};

}  // namespace souhra
