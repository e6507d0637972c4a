// Which workflows reach external actors, and where a meeting invitation's place and link come
// from.
//
// Lua is dynamic: what a function returns cannot be known before it runs. So a workflow that
// sends to actors must show it in its declaration — `notifies_actors = true`, or a notify or
// reminder written in its states addressed to "actor:…" or a notify with `calendar` or `meeting` —
// and the
// engine refuses, at run time, a notification to an actor or with a meeting from any other
// workflow. Activating such a workflow needs the head's approval (activation_policy.h).
//
// The place and online link of an invitation come only from form fields of type `place` and
// `link` of the workflow's declared steps (events): the engine records their checked values
// when such a step is taken (engine/runtime/meeting_record.h), and the invitation carries
// those, never case data a script set.
#pragma once

#include "engine/definitions/definition.h"
#include "engine/definitions/diagnostics.h"

namespace souhra {

// The case data field the engine keeps the recorded place and link in, per instance:
// {"<instance id>": {"place", "online_link"}}. No workflow may own it, so no script sets it.
inline constexpr char kMeetingRecordKey[] = "meeting_record";

// Whether an effect written in the states of `workflow` (not one a function returns) sends to
// external actors; `notifies_actors = true` is read separately.
bool DeclaresActorReach(const Workflow& workflow);

// Reports every `calendar` or `meeting` of a notify written in the declaration when no declared
// step of the workflow asks for a place or a link, and every form with more than one field of
// either type.
void CheckMeetingSources(const Workflow& workflow, Diagnostics* sink);

}  // namespace souhra
