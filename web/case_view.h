// The JSON the API shows of cases and tasks: a case's summary for lists, and its whole file
// (instances with their states, data, plan, consent, people, open tasks and timers with their due
// dates and how each was computed, history).
#pragma once

#include <string>

#include "engine/runtime/user_tasks.h"
#include "web/api.h"

namespace souhra {

Json CaseSummaryJson(const CaseRecord& c);
Json TaskJson(const TaskRecord& task);
Result<Json> CaseFileJson(WebServices& services, const CaseRecord& c);
// The Czech explanation of how the due of open `task` was computed, from the case's `events`
// (an empty array when the log has none, e.g. a due set before explanations were logged).
Json DueExplanation(WebServices& services, const CaseRecord& c, const TaskRecord& task,
                    const std::vector<EventRecord>& events);
// The same for any deadline the events' outcomes logged: kind "task" or "timer", its key and due.
Json DeadlineExplanation(WebServices& services, const CaseRecord& c, const std::string& kind,
                         const std::string& key, Instant due,
                         const std::vector<EventRecord>& events);

}  // namespace souhra
