#include "app/closures_file.h"

#include <charconv>
#include <sstream>

namespace souhra {
namespace {

// "2026-12-28" exactly: four, two and two digits.
bool ParseDay(const std::string& text, std::chrono::year_month_day* day) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    const char* begin = text.data() + starts[i];
    auto [end, error] = std::from_chars(begin, begin + lengths[i], parts[i]);
    if (error != std::errc() || end != begin + lengths[i]) return false;
  }
  *day = std::chrono::year(parts[0]) / std::chrono::month(static_cast<unsigned>(parts[1])) /
         std::chrono::day(static_cast<unsigned>(parts[2]));
  return day->ok();
}

}  // namespace

Result<std::vector<Closure>> ParseClosures(const std::string& file, const std::string& text) {
  std::vector<Closure> closures;
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    const std::string where = file + ":" + std::to_string(number) + ": ";
    if (line.find_first_not_of(" \t\r") == std::string::npos || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string first, last, reason;
    fields >> first >> last;
    std::getline(fields >> std::ws, reason);
    while (!reason.empty() && (reason.back() == '\r' || reason.back() == ' ')) reason.pop_back();
    Closure closure;
    if (!ParseDay(first, &closure.first) || !ParseDay(last, &closure.last) || reason.empty()) {
      return InvalidArgument(where +
                             "expected 'YYYY-MM-DD YYYY-MM-DD reason', e.g. "
                             "'2026-12-28 2026-12-31 úřad uzavřen mezi svátky'");
    }
    if (closure.last < closure.first) {
      return InvalidArgument(where + "the closure ends " + last + " before it starts " + first);
    }
    closure.reason = std::move(reason);
    closures.push_back(std::move(closure));
  }
  return closures;
}

}  // namespace souhra
