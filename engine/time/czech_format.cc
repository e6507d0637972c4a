#include "engine/time/czech_format.h"

#include <array>
#include <vector>

namespace souhra {

std::string FormatCzechDate(std::chrono::year_month_day day) {
  static constexpr std::array<std::string_view, 7> kWeekdays = {"ne", "po", "út", "st",
                                                                "čt", "pá", "so"};
  const std::chrono::weekday weekday{std::chrono::sys_days(day)};
  return std::string(kWeekdays[weekday.c_encoding()]) + " " + std::to_string(unsigned(day.day())) +
         ". " + std::to_string(unsigned(day.month())) + ". " + std::to_string(int(day.year()));
}

std::string FormatCzechDateTime(LocalTime t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::hh_mm_ss hms(std::chrono::floor<std::chrono::minutes>(t - day));
  const int64_t minutes = hms.minutes().count();
  return FormatCzechDate(std::chrono::year_month_day(day)) + " " +
         std::to_string(hms.hours().count()) + ":" + (minutes < 10 ? "0" : "") +
         std::to_string(minutes);
}

std::string CzechCount(int64_t n, std::string_view one, std::string_view few,
                       std::string_view many) {
  std::string_view form = n == 1 ? one : (n >= 2 && n <= 4) ? few : many;
  return std::to_string(n) + " " + std::string(form);
}

std::string FormatElapsed(int64_t millis) {
  struct Part {
    int64_t size;
    std::string_view unit;
  };
  static constexpr std::array<Part, 4> kParts = {Part{3'600'000, "h"}, Part{60'000, "min"},
                                                 Part{1'000, "s"}, Part{1, "ms"}};
  std::string text;
  for (const Part& part : kParts) {
    const int64_t count = millis / part.size;
    millis %= part.size;
    if (count == 0) continue;
    if (!text.empty()) text += " ";
    text += std::to_string(count) + " " + std::string(part.unit);
  }
  return text.empty() ? "0 s" : text;
}

std::string FormatCzechDuration(const Duration& d) {
  std::vector<std::string> parts;
  if (d.months > 0) parts.push_back(CzechCount(d.months, "měsíc", "měsíce", "měsíců"));
  if (d.days > 0) {
    parts.push_back(CzechCount(d.days, "kalendářní den", "kalendářní dny", "kalendářních dnů"));
  }
  if (d.working_days > 0) {
    parts.push_back(CzechCount(d.working_days, "pracovní den", "pracovní dny", "pracovních dnů"));
  }
  if (d.millis > 0) parts.push_back(FormatElapsed(d.millis));
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : ", ") + part;
  if (text.empty()) text = "0 s";
  return d.section_40 ? text + " (§ 40)" : text;
}

}  // namespace souhra
