#include "engine/notify/icalendar.h"

#include <gtest/gtest.h>

#include <map>

namespace souhra {
namespace {

// Unfolds `ics` and returns its content lines; fails the test on a line over 75 octets or a
// line end other than CRLF.
std::vector<std::string> Unfold(const std::string& ics) {
  std::vector<std::string> lines;
  size_t at = 0;
  while (at < ics.size()) {
    const size_t end = ics.find("\r\n", at);
    EXPECT_NE(end, std::string::npos) << "no CRLF after offset " << at;
    if (end == std::string::npos) break;
    const std::string physical = ics.substr(at, end - at);
    EXPECT_LE(physical.size(), 75u) << physical;
    EXPECT_EQ(physical.find('\n'), std::string::npos);
    if (!physical.empty() && physical[0] == ' ') {
      lines.back() += physical.substr(1);
    } else {
      lines.push_back(physical);
    }
    at = end + 2;
  }
  return lines;
}

// Property name (without parameters) -> value.
std::multimap<std::string, std::string> Properties(const std::string& ics) {
  std::multimap<std::string, std::string> props;
  for (const std::string& line : Unfold(ics)) {
    const size_t colon = line.find(':');
    std::string name = line.substr(0, colon);
    name = name.substr(0, name.find(';'));
    props.emplace(name, line.substr(colon + 1));
  }
  return props;
}

std::string One(const std::multimap<std::string, std::string>& props, const std::string& name) {
  EXPECT_EQ(props.count(name), 1u) << name;
  auto it = props.find(name);
  return it == props.end() ? "" : it->second;
}

Json Meeting() {
  return Json{{"uid", "konference-K-2026-0042-1@souhra"},
              {"at", "2026-07-01T08:00:00Z"},
              {"minutes", 60},
              {"place", "Zasedací místnost 2, Radniční 1148; Frýdek-Místek"},
              {"sequence", 2},
              {"title", "Případová konference K-2026-0042"}};
}

InvitationParties Parties() {
  return {"socialni@frydek.example.cz", "mala@charita.example.cz", "Mgr. Petra Malá"};
}

TEST(Icalendar, FormatsARequestThatParsesBack) {
  auto ics = FormatInvitation(Meeting(), Parties(), FromMillis(1782800000000));
  ASSERT_TRUE(ics.ok()) << ics.status().ToString();
  auto props = Properties(*ics);
  EXPECT_EQ(props.count("BEGIN"), 2u);  // VCALENDAR, VEVENT
  EXPECT_EQ(One(props, "METHOD"), "REQUEST");
  EXPECT_EQ(One(props, "UID"), "konference-K-2026-0042-1@souhra");
  EXPECT_EQ(One(props, "SEQUENCE"), "2");
  EXPECT_EQ(One(props, "DTSTART"), "20260701T080000Z");
  EXPECT_EQ(One(props, "DTEND"), "20260701T090000Z");
  EXPECT_EQ(One(props, "LOCATION"), "Zasedací místnost 2\\, Radniční 1148\\; Frýdek-Místek");
  EXPECT_EQ(One(props, "ORGANIZER"), "mailto:socialni@frydek.example.cz");
  EXPECT_EQ(One(props, "ATTENDEE"), "mailto:mala@charita.example.cz");
  EXPECT_EQ(One(props, "STATUS"), "CONFIRMED");
}

TEST(Icalendar, CancelledMeetingIsACancel) {
  Json meeting = Meeting();
  meeting["cancelled"] = true;
  meeting["sequence"] = 3;
  auto ics = FormatInvitation(meeting, Parties(), FromMillis(0));
  ASSERT_TRUE(ics.ok());
  auto props = Properties(*ics);
  EXPECT_EQ(One(props, "METHOD"), "CANCEL");
  EXPECT_EQ(One(props, "STATUS"), "CANCELLED");
  EXPECT_EQ(One(props, "SEQUENCE"), "3");
  EXPECT_EQ(One(props, "UID"), "konference-K-2026-0042-1@souhra");
}

TEST(Icalendar, DefaultsToNinetyMinutesAndTheOnlineLink) {
  Json meeting = {{"uid", "u1"},
                  {"at", "2026-07-01T10:00:00+02:00"},
                  {"online_link", "https://meet.example.cz/abc"}};
  auto ics = FormatInvitation(meeting, Parties(), FromMillis(0));
  ASSERT_TRUE(ics.ok());
  auto props = Properties(*ics);
  EXPECT_EQ(One(props, "DTSTART"), "20260701T080000Z");
  EXPECT_EQ(One(props, "DTEND"), "20260701T093000Z");
  EXPECT_EQ(One(props, "LOCATION"), "https://meet.example.cz/abc");
  EXPECT_EQ(One(props, "SEQUENCE"), "0");
}

TEST(Icalendar, FoldsLongLinesWithoutSplittingCharacters) {
  std::string title;
  for (int i = 0; i < 40; ++i) title += "Žluťoučký kůň ";
  Json meeting = Meeting();
  meeting["title"] = title;
  auto ics = FormatInvitation(meeting, Parties(), FromMillis(0));
  ASSERT_TRUE(ics.ok());
  auto props = Properties(*ics);  // checks every physical line is at most 75 octets
  EXPECT_EQ(One(props, "SUMMARY"), EscapeIcsText(title));
  EXPECT_EQ(EscapeIcsText("a\nb\\c"), "a\\nb\\\\c");
}

TEST(Icalendar, RefusesAMeetingWithoutUidOrTime) {
  EXPECT_FALSE(
      FormatInvitation(Json{{"at", "2026-07-01T08:00:00Z"}}, Parties(), FromMillis(0)).ok());
  EXPECT_FALSE(
      FormatInvitation(Json{{"uid", "u"}, {"at", "zítra"}}, Parties(), FromMillis(0)).ok());
}

}  // namespace
}  // namespace souhra
