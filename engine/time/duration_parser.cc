#include "engine/time/duration_parser.h"

#include <array>

namespace souhra {
namespace {

enum class Field { kMonths, kDays, kWorkingDays, kMillis };

struct Unit {
  std::string_view name;
  Field field;
  int64_t scale;  // how many of `field` one unit is
};

constexpr int64_t kSecond = 1000;
constexpr int64_t kMinute = 60 * kSecond;
constexpr int64_t kHour = 60 * kMinute;

// Every form a methodologist writes after a number. Czech has three plural forms (1 den, 2–4 dny,
// 5+ dnů, also the colloquial dní); grammatical agreement with the number is not enforced.
constexpr std::array kUnits = {
    Unit{"working day", Field::kWorkingDays, 1},
    Unit{"working days", Field::kWorkingDays, 1},
    Unit{"pracovní den", Field::kWorkingDays, 1},
    Unit{"pracovní dny", Field::kWorkingDays, 1},
    Unit{"pracovních dnů", Field::kWorkingDays, 1},
    Unit{"pracovních dní", Field::kWorkingDays, 1},
    Unit{"day", Field::kDays, 1},
    Unit{"days", Field::kDays, 1},
    Unit{"den", Field::kDays, 1},
    Unit{"dny", Field::kDays, 1},
    Unit{"dnů", Field::kDays, 1},
    Unit{"dní", Field::kDays, 1},
    Unit{"week", Field::kDays, 7},
    Unit{"weeks", Field::kDays, 7},
    Unit{"týden", Field::kDays, 7},
    Unit{"týdny", Field::kDays, 7},
    Unit{"týdnů", Field::kDays, 7},
    Unit{"month", Field::kMonths, 1},
    Unit{"months", Field::kMonths, 1},
    Unit{"měsíc", Field::kMonths, 1},
    Unit{"měsíce", Field::kMonths, 1},
    Unit{"měsíců", Field::kMonths, 1},
    Unit{"year", Field::kMonths, 12},
    Unit{"years", Field::kMonths, 12},
    Unit{"rok", Field::kMonths, 12},
    Unit{"roky", Field::kMonths, 12},
    Unit{"let", Field::kMonths, 12},
    Unit{"hour", Field::kMillis, kHour},
    Unit{"hours", Field::kMillis, kHour},
    Unit{"hodina", Field::kMillis, kHour},
    Unit{"hodiny", Field::kMillis, kHour},
    Unit{"hodin", Field::kMillis, kHour},
    Unit{"minute", Field::kMillis, kMinute},
    Unit{"minutes", Field::kMillis, kMinute},
    Unit{"minuta", Field::kMillis, kMinute},
    Unit{"minuty", Field::kMillis, kMinute},
    Unit{"minut", Field::kMillis, kMinute},
    Unit{"second", Field::kMillis, kSecond},
    Unit{"seconds", Field::kMillis, kSecond},
    Unit{"sekunda", Field::kMillis, kSecond},
    Unit{"sekundy", Field::kMillis, kSecond},
    Unit{"sekund", Field::kMillis, kSecond},
};

enum class Problem { kNone, kJunk, kNegative, kTooLong };

// Bytes of whitespace at the front of `s`: a space, a tab or a no-break space (U+00A0), which
// Czech typography puts between a number and its unit.
size_t SpaceLength(std::string_view s) {
  if (!s.empty() && (s[0] == ' ' || s[0] == '\t')) return 1;
  if (s.starts_with("\xc2\xa0")) return 2;
  return 0;
}

void SkipSpaces(std::string_view& s) {
  while (size_t n = SpaceLength(s)) s.remove_prefix(n);
}

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

// Whether `s` starts with the word `name`, ASCII letters compared without case.
bool StartsWithWord(std::string_view s, std::string_view name) {
  if (s.size() < name.size()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    if (AsciiLower(s[i]) != name[i]) return false;
  }
  std::string_view rest = s.substr(name.size());
  return rest.empty() || rest[0] == ',' || SpaceLength(rest) > 0;
}

// Reads a whole non-negative number from the front of `s`. Numbers too big for any limit are
// kTooLong rather than wrapped around.
Problem ReadCount(std::string_view& s, int64_t* count) {
  if (s.size() > 1 && s[0] == '-' && s[1] >= '0' && s[1] <= '9') return Problem::kNegative;
  if (s.empty() || s[0] < '0' || s[0] > '9') return Problem::kJunk;
  int64_t n = 0;
  bool too_long = false;
  while (!s.empty() && s[0] >= '0' && s[0] <= '9') {
    n = n * 10 + (s[0] - '0');
    if (n > kMaxMillis) {
      too_long = true;
      n = kMaxMillis;
    }
    s.remove_prefix(1);
  }
  *count = n;
  return too_long ? Problem::kTooLong : Problem::kNone;
}

// Adds `count` units to `d`, refusing to go past the limits in duration.h.
Problem AddUnits(Duration& d, Field field, int64_t count, int64_t scale) {
  auto add = [&](auto& value, int64_t max) {
    if (count > (max - value) / scale) return Problem::kTooLong;
    value += count * scale;
    return Problem::kNone;
  };
  switch (field) {
    case Field::kMonths:
      return add(d.months, kMaxMonths);
    case Field::kDays:
      return add(d.days, kMaxDays);
    case Field::kWorkingDays:
      return add(d.working_days, kMaxWorkingDays);
    case Field::kMillis:
      return add(d.millis, kMaxMillis);
  }
  return Problem::kJunk;
}

const Unit* MatchUnit(std::string_view s) {
  for (const Unit& unit : kUnits) {
    if (StartsWithWord(s, unit.name)) return &unit;
  }
  return nullptr;
}

// "3 working days", "1 month, 2 days", "2 týdny 3 dny".
Problem ParseWords(std::string_view s, Duration& d) {
  while (true) {
    int64_t count = 0;
    if (Problem p = ReadCount(s, &count); p != Problem::kNone) return p;
    if (SpaceLength(s) == 0) return Problem::kJunk;
    SkipSpaces(s);
    const Unit* unit = MatchUnit(s);
    if (unit == nullptr) return Problem::kJunk;
    s.remove_prefix(unit->name.size());
    if (Problem p = AddUnits(d, unit->field, count, unit->scale); p != Problem::kNone) return p;
    SkipSpaces(s);
    if (s.empty()) return Problem::kNone;
    if (s[0] == ',') s.remove_prefix(1);
    SkipSpaces(s);
  }
}

// The ISO-8601 designators in the order they must appear, before and after 'T'.
constexpr std::array kIsoDate = {Unit{"Y", Field::kMonths, 12}, Unit{"M", Field::kMonths, 1},
                                 Unit{"W", Field::kDays, 7}, Unit{"D", Field::kDays, 1}};
constexpr std::array kIsoTime = {Unit{"H", Field::kMillis, kHour},
                                 Unit{"M", Field::kMillis, kMinute},
                                 Unit{"S", Field::kMillis, kSecond}};

// The components after "P" or "T": each designator at most once, in order, at least one.
template <size_t N>
Problem ParseIsoPart(std::string_view& s, const std::array<Unit, N>& units, Duration& d) {
  size_t next = 0;
  bool any = false;
  while (!s.empty() && s[0] != 'T') {
    int64_t count = 0;
    if (Problem p = ReadCount(s, &count); p != Problem::kNone) return p;
    while (next < N && !s.starts_with(units[next].name)) ++next;
    if (next == N) return Problem::kJunk;
    s.remove_prefix(1);
    if (Problem p = AddUnits(d, units[next].field, count, units[next].scale); p != Problem::kNone) {
      return p;
    }
    ++next;
    any = true;
  }
  return any ? Problem::kNone : Problem::kJunk;
}

// "P3D", "PT4H", "P1M2DT3H".
Problem ParseIso(std::string_view s, Duration& d) {
  if (s.starts_with("-P")) return Problem::kNegative;
  if (!s.starts_with("P")) return Problem::kJunk;
  s.remove_prefix(1);
  if (!s.starts_with("T")) {
    if (Problem p = ParseIsoPart(s, kIsoDate, d); p != Problem::kNone) return p;
  }
  if (s.empty()) return Problem::kNone;
  s.remove_prefix(1);  // the 'T' that stopped the date part
  if (Problem p = ParseIsoPart(s, kIsoTime, d); p != Problem::kNone) return p;
  return s.empty() ? Problem::kNone : Problem::kJunk;
}

std::string_view Trim(std::string_view s) {
  SkipSpaces(s);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  while (s.ends_with("\xc2\xa0")) s.remove_suffix(2);
  return s;
}

// The ways of writing the § 40 rule after a period, all ending the text.
constexpr std::array<std::string_view, 4> kSection40 = {"(§ 40)", "(§40)", "podle § 40",
                                                        "podle §40"};

// Removes a § 40 suffix from `s`, returning whether there was one.
bool TakeSection40(std::string_view& s) {
  for (std::string_view suffix : kSection40) {
    if (s.ends_with(suffix)) {
      s = Trim(s.substr(0, s.size() - suffix.size()));
      return true;
    }
  }
  return false;
}

}  // namespace

Result<Duration> ParseDuration(std::string_view text) {
  std::string_view s = Trim(text);
  Duration d;
  d.text = std::string(text);
  d.section_40 = TakeSection40(s);
  bool iso = s.starts_with("P") || s.starts_with("-P");
  Problem problem = s.empty() ? Problem::kJunk : iso ? ParseIso(s, d) : ParseWords(s, d);
  std::string quoted = "bad duration '" + d.text + "'";
  switch (problem) {
    case Problem::kNone:
      break;
    case Problem::kJunk:
      return InvalidArgument(quoted +
                             " (expected e.g. \"3 working days\", \"24 hours\" or \"P3D\")");
    case Problem::kNegative:
      return InvalidArgument(quoted + ": negative durations are not allowed");
    case Problem::kTooLong:
      return InvalidArgument(quoted + ": longer than 100 years");
  }
  if (d.IsZero()) return InvalidArgument(quoted + ": must be longer than zero");
  if (d.section_40 && (d.working_days > 0 || d.millis > 0)) {
    return InvalidArgument(quoted +
                           ": § 40 applies only to calendar days, weeks, months "
                           "or years, without hours");
  }
  return d;
}

}  // namespace souhra
