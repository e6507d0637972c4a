// The scenario that tests/crash_child.cc applies and tests/crash_test.cc checks: a small
// workflow whose every event moves the instance and leaves effects in several tables, so that a
// half-applied event shows as a mismatch between the event log and the other tables.
//
// Each case starts in `open` (a task and a timer), then takes kCrashEvents in order:
// advance ×5 (open <-> working, each with a notification), then close (final).
#pragma once

#include <array>
#include <string>

namespace souhra::crash {

inline constexpr char kTenant[] = "crash";
inline constexpr char kWorkflowName[] = "pad";
inline constexpr char kWorkflowFile[] = "pad.lua";

inline constexpr char kWorkflow[] = R"lua(
return workflow {
  name = "pad",
  title = "Zkouška pádu",
  params = { check_within = "2 working days", remind_after = "5 days" },
  templates = { moved = { title = "Posun", body = "Případ {case} se posunul." } },
  initial = "open",
  states = {
    open = {
      enter = {
        task { key = "check", title = "Kontrola", assignee = "social_worker",
               due = "check_within" },
        timer { key = "remind", after = "remind_after" },
      },
      on = { ["advance"] = { go = "working", run = notify { to = "coordinator", template = "moved" } } },
    },
    working = {
      enter = timer { key = "due", after = "3 working days" },
      on = {
        ["advance"] = { go = "open", run = notify { to = "coordinator", template = "moved" } },
        ["close"] = { go = "closed" },
      },
    },
    closed = { final = true },
  },
}
)lua";

inline constexpr std::array<const char*, 6> kCrashEvents = {"advance", "advance", "advance",
                                                            "advance", "advance", "close"};

// Each case prints one "case" line and one "ack" line per event in every complete run.
inline constexpr int kLinesPerCase = 1 + static_cast<int>(kCrashEvents.size());

inline std::string CaseCode(int index) { return "P-" + std::to_string(index); }
// The idempotency key of the nth event of a case: the same in every run.
inline std::string EventKey(int case_index, size_t nth) {
  return CaseCode(case_index) + "/" + std::to_string(nth);
}

}  // namespace souhra::crash
