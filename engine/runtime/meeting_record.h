// Where a meeting invitation's place and online link come from (engine/definitions/actor_reach.h):
// only from form fields of type `place` and `link` of a declared step a person took, checked
// against the form. The engine keeps the last such values per instance in case data under
// kMeetingRecordKey, which no workflow may own or set; `notify { calendar = … }` takes the
// meeting's time, length, title and sequence from case data, and its place and link from the
// record alone. So nothing a script copies into the meeting (a referral note, say) reaches an
// external actor's invitation.
#pragma once

#include <string>

#include "engine/definitions/actor_reach.h"
#include "engine/definitions/definition.h"
#include "engine/json.h"
#include "engine/records.h"

namespace souhra {

// Records in `data` the place and link that `payload` of the declared step `type` of `workflow`
// gives for `instance`: a value replaces the recorded one; a field left empty keeps it (a move
// names only what changes). Values that do not pass their field's check are not recorded.
void RecordMeetingValues(const Workflow& workflow, InstanceId instance, const std::string& type,
                         const Json& payload, Json* data);

// `meeting` (an object from case data) as an invitation may carry it: its place and online_link
// are those recorded for `instance` in `data`, or absent when none was recorded.
Json MeetingForInvitation(Json meeting, InstanceId instance, const Json& data);

}  // namespace souhra
