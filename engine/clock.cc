#include "engine/clock.h"

#include <cstdio>
#include <sstream>

// date::parse trips a false -Wmaybe-uninitialized inside date.h with GCC 12; the warning is
// reported where the template is inlined, so it is silenced for this small file.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <date/date.h>

namespace souhra {

std::string FormatUtc(Instant t) {
  auto days = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd(days);
  std::chrono::hh_mm_ss hms(t - days);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%03ldZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), long(hms.hours().count()),
                long(hms.minutes().count()), long(hms.seconds().count()),
                long(hms.subseconds().count()));
  return buf;
}

bool ParseIsoInstant(const std::string& text, Instant* out) {
  std::string normalized = text;
  if (!normalized.empty() && (normalized.back() == 'Z' || normalized.back() == 'z')) {
    normalized.back() = '+';
    normalized += "00:00";
  }
  std::istringstream in(normalized);
  date::sys_time<std::chrono::milliseconds> parsed;
  in >> date::parse("%FT%T%Ez", parsed);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return false;
  *out = Instant(parsed.time_since_epoch());
  return true;
}
}  // namespace souhra
