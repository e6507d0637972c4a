// Conference invitations as iCalendar (RFC 5545): the text/calendar part of an e-mail that puts
// a case conference in the recipient's calendar, and moves or removes it there later.
//
// The meeting object is what the conference workflow keeps in case data and the notify effect
// copies into the outbox payload ("calendar"): {uid, at (ISO-8601), minutes (default 90), place,
// online_link, sequence, cancelled, title}. The UID stays the same for one conference and
// SEQUENCE grows with each change, so a calendar replaces the earlier invitation; a cancelled
// meeting is sent with METHOD:CANCEL. Pure formatting, no I/O.
#pragma once

#include <string>

#include "engine/clock.h"
#include "engine/definitions/definition.h"
#include "engine/status.h"

namespace souhra {

struct InvitationParties {
  std::string organizer;      // e-mail address of the office (the tenant's from-address)
  std::string attendee;       // e-mail address of the recipient
  std::string attendee_name;  // shown by calendars; may be ""
};

// "REQUEST" or "CANCEL" for `meeting`.
std::string InvitationMethod(const Json& meeting);

// The VCALENDAR text, CRLF line ends, lines folded at 75 octets. `stamp` is DTSTAMP.
// kInvalidArgument when the meeting has no uid or no parseable `at`.
Result<std::string> FormatInvitation(const Json& meeting, const InvitationParties& parties,
                                     Instant stamp);

// RFC 5545 TEXT escaping: backslash, semicolon, comma and line breaks.
std::string EscapeIcsText(const std::string& text);
// Folds one content line (without its CRLF) into lines of at most 75 octets, never inside a
// UTF-8 sequence; continuation lines begin with a space.
std::string FoldIcsLine(const std::string& line);

}  // namespace souhra
