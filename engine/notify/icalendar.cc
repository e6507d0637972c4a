#include "engine/notify/icalendar.h"

#include <ctime>

namespace souhra {
namespace {

// 20260701T080000Z
std::string IcsUtc(Instant t) {
  const std::time_t seconds = ToMillis(t) / 1000 - (ToMillis(t) % 1000 < 0 ? 1 : 0);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &tm);
  return text;
}

std::string StringField(const Json& meeting, const char* key) {
  auto it = meeting.find(key);
  return it != meeting.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

std::string InvitationMethod(const Json& meeting) {
  return meeting.is_object() && meeting.value("cancelled", false) ? "CANCEL" : "REQUEST";
}

std::string EscapeIcsText(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\\n";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string FoldIcsLine(const std::string& line) {
  std::string out;
  size_t start = 0;
  size_t limit = 75;  // octets of the first line; continuation lines spend one on the space
  while (line.size() - start > limit) {
    size_t cut = start + limit;
    // Back off to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
    while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out += line.substr(start, cut - start);
    out += "\r\n ";
    start = cut;
    limit = 74;
  }
  out += line.substr(start);
  return out;
}

Result<std::string> FormatInvitation(const Json& meeting, const InvitationParties& parties,
                                     Instant stamp) {
  if (!meeting.is_object()) return InvalidArgument("the meeting is not an object");
  const std::string uid = StringField(meeting, "uid");
  if (uid.empty()) return InvalidArgument("the meeting has no uid");
  Instant start;
  if (!ParseIsoInstant(StringField(meeting, "at"), &start)) {
    return InvalidArgument("the meeting has no valid 'at' time");
  }
  const int minutes = meeting.value("minutes", 90);
  const Instant end = start + std::chrono::minutes(minutes);
  const std::string method = InvitationMethod(meeting);
  const bool cancelled = method == "CANCEL";
  std::string location = StringField(meeting, "place");
  if (location.empty()) location = StringField(meeting, "online_link");
  std::string title = StringField(meeting, "title");
  if (title.empty()) title = "Případová konference";

  std::vector<std::string> lines = {
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Souhra//Souhra//CS",
      "CALSCALE:GREGORIAN",
      "METHOD:" + method,
      "BEGIN:VEVENT",
      "UID:" + uid,
      "SEQUENCE:" + std::to_string(meeting.value("sequence", 0)),
      "DTSTAMP:" + IcsUtc(stamp),
      "DTSTART:" + IcsUtc(start),
      "DTEND:" + IcsUtc(end),
      "SUMMARY:" + EscapeIcsText(title),
      "STATUS:" + std::string(cancelled ? "CANCELLED" : "CONFIRMED"),
  };
  if (!location.empty()) lines.push_back("LOCATION:" + EscapeIcsText(location));
  const std::string link = StringField(meeting, "online_link");
  if (!link.empty()) lines.push_back("URL:" + link);
  if (!parties.organizer.empty()) lines.push_back("ORGANIZER:mailto:" + parties.organizer);
  if (!parties.attendee.empty()) {
    std::string attendee = "ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE";
    if (!parties.attendee_name.empty()) {
      // A quoted parameter value may not contain DQUOTE; drop any.
      std::string name;
      for (char c : parties.attendee_name) {
        if (c != '"') name += c;
      }
      attendee += ";CN=\"" + name + "\"";
    }
    lines.push_back(attendee + ":mailto:" + parties.attendee);
  }
  lines.push_back("END:VEVENT");
  lines.push_back("END:VCALENDAR");
  std::string out;
  for (const std::string& line : lines) out += FoldIcsLine(line) + "\r\n";
  return out;
}

}  // namespace souhra
