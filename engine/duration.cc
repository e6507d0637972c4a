// Interim ParseDuration for branch `lua`, so the loader links before the calendar branch lands;
// at merge the calendar branch's engine/duration.cc replaces this file.
#include "engine/duration.h"

#include <cctype>
#include <map>
#include <sstream>

namespace souhra {
namespace {

Status BadDuration(std::string_view text) {
  return InvalidArgument("bad duration '" + std::string(text) +
                         "' (expected e.g. \"3 working days\", \"24 hours\" or \"P3D\")");
}

// Adds `n` of `unit` to `d`; false when the unit is unknown.
bool AddUnit(const std::string& unit, int n, Duration* d) {
  static const std::map<std::string, int> kind = {
      {"working day", 0}, {"working days", 0}, {"pracovní den", 0}, {"pracovní dny", 0},
      {"pracovních dnů", 0}, {"day", 1}, {"days", 1}, {"den", 1}, {"dny", 1}, {"dnů", 1},
      {"week", 2}, {"weeks", 2}, {"týden", 2}, {"týdny", 2}, {"týdnů", 2}, {"month", 3},
      {"months", 3}, {"měsíc", 3}, {"měsíce", 3}, {"měsíců", 3}, {"hour", 4}, {"hours", 4},
      {"hodina", 4}, {"hodiny", 4}, {"hodin", 4}, {"minute", 5}, {"minutes", 5}, {"minuta", 5},
      {"minuty", 5}, {"minut", 5}};
  auto it = kind.find(unit);
  if (it == kind.end()) return false;
  switch (it->second) {
    case 0: d->working_days += n; break;
    case 1: d->days += n; break;
    case 2: d->days += 7 * n; break;
    case 3: d->months += n; break;
    case 4: d->millis += n * 3'600'000LL; break;
    default: d->millis += n * 60'000LL; break;
  }
  return true;
}

bool ParseIso(std::string_view text, Duration* d) {
  bool time = false, any = false;
  for (size_t i = 1; i < text.size();) {
    if (text[i] == 'T') { time = true; ++i; continue; }
    size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == start || i == text.size() || i - start > 6) return false;
    int n = std::stoi(std::string(text.substr(start, i - start)));
    char unit = text[i++];
    if (!time && unit == 'Y') d->months += 12 * n;
    else if (!time && unit == 'M') d->months += n;
    else if (!time && unit == 'W') d->days += 7 * n;
    else if (!time && unit == 'D') d->days += n;
    else if (time && unit == 'H') d->millis += n * 3'600'000LL;
    else if (time && unit == 'M') d->millis += n * 60'000LL;
    else if (time && unit == 'S') d->millis += n * 1'000LL;
    else return false;
    any = true;
  }
  return any;
}

}  // namespace

Result<Duration> ParseDuration(std::string_view text) {
  Duration d;
  d.text = std::string(text);
  if (!text.empty() && text[0] == 'P') {
    if (!ParseIso(text, &d)) return BadDuration(text);
    return d;
  }
  std::istringstream in{std::string(text)};
  int n = 0;
  std::string unit, word;
  if (!(in >> n) || n < 0 || n > 100000 || !(in >> unit)) return BadDuration(text);
  while (in >> word) unit += " " + word;
  if (!AddUnit(unit, n, &d)) return BadDuration(text);
  return d;
}

}  // namespace souhra
