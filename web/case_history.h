// A case's history as people read it: each event under the title of the step it was (as the
// workflow declares it, or in Czech words for the engine's own events: a timer, a task done,
// overdue or reminded, the case closed), who took it by name, and what was entered in the step's
// form (web/form_values.h). Event types, option values and references stay in the API's other
// members for programs; people read only these.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/definitions/definition.h"
#include "engine/records.h"
#include "web/form_values.h"

namespace souhra {

// What the wording of one case's history reads from.
struct CaseHistoryContext {
  std::map<InstanceId, std::shared_ptr<const Workflow>> workflows;  // each instance's version
  std::vector<TaskRecord> tasks;                                    // open and closed
  Json referral = Json();  // the case's referral data, the form of its creation
  Wording words;
};

// {"title", "by", "details": [{"label", "value"}]} of `event`.
Json HistoryWords(const CaseHistoryContext& context, const EventRecord& event);

// What a pending timer is for: a task's reminder or due, or a deadline of a workflow.
std::string TimerTitle(const CaseHistoryContext& context, const TimerRecord& timer);

}  // namespace souhra
