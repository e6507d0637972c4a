// Checking a scenario's expectations (engine/scenario/scenario.h) against a case file (CaseFiles).
#pragma once

#include <string>

#include "engine/scenario/scenario.h"
#include "engine/scenario/timeline.h"
#include "engine/store.h"

namespace souhra {

// What the event sent just before an expectation came to.
struct LastSend {
  bool sent = false;
  std::string type;
  bool refused = false;
};

struct Verdict {
  bool passed = false;
  // Passed: what held, in Czech ("stav escalated"). Failed: what was expected and what was
  // found, e.g. "expected state 'escalated', found 'waiting'".
  std::string text;
};

// The address links in messages read by a scenario begin with.
inline constexpr char kScenarioBaseUrl[] = "https://souhra.example";

// Checks `expectation` for case `id` as the store shows it now. `format` writes times in
// failure messages. kUnavailable when the store fails; an unmet expectation is a Verdict.
Result<Verdict> Check(CaseFiles& store, CaseId id, const Expectation& expectation,
                      const LastSend& last_send, const TimeFormatter& format);

}  // namespace souhra
