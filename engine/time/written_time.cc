#include "engine/time/written_time.h"

#include <date/date.h>
#include <date/tz.h>

#include <sstream>

namespace souhra {
namespace {

using Millis = std::chrono::milliseconds;

// Parses all of `text` with `format`; false when anything is left over or missing.
template <typename Time>
bool ParseWhole(const std::string& text, const char* format, Time* out) {
  std::istringstream in(text);
  in >> date::parse(format, *out);
  return !in.fail() && in.peek() == std::char_traits<char>::eof();
}

// "Z" as the offset "+00:00", and a space between date and time as "T".
std::string Normalized(std::string text) {
  if (text.size() > 10 && text[10] == ' ') text[10] = 'T';
  if (!text.empty() && (text.back() == 'Z' || text.back() == 'z')) {
    text.back() = '+';
    text += "00:00";
  }
  return text;
}

bool ParseWithOffset(const std::string& text, Instant* out) {
  date::sys_time<Millis> parsed;
  for (const char* format : {"%FT%T%Ez", "%FT%H:%M%Ez"}) {
    if (ParseWhole(text, format, &parsed)) {
      *out = Instant(parsed.time_since_epoch());
      return true;
    }
  }
  return false;
}

bool ParsePragueTime(const std::string& text, Instant* out) {
  date::local_time<Millis> local;
  if (!ParseWhole(text, "%FT%T", &local) && !ParseWhole(text, "%FT%H:%M", &local)) return false;
  try {
    static const date::time_zone* prague = date::locate_zone("Europe/Prague");
    const date::local_info info = prague->get_info(local);
    if (info.result == date::local_info::nonexistent) return false;
    *out = Instant((local.time_since_epoch() - info.first.offset));
    return true;
  } catch (const std::exception&) {
    return false;  // no time zone database: a Prague time cannot be read
  }
}

}  // namespace

bool ParseWrittenTime(const std::string& text, Instant* out) {
  if (text.size() < 16) return false;
  const std::string normalized = Normalized(text);
  return ParseWithOffset(normalized, out) || ParsePragueTime(normalized, out);
}

}  // namespace souhra
