#include "engine/time/czech_format.h"

#include <array>

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
  const std::chrono::hh_mm_ss hms(std::chrono::floor<std::chrono::seconds>(t - day));
  auto two_digits = [](int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  std::string text = FormatCzechDate(std::chrono::year_month_day(day)) + " " +
                     std::to_string(hms.hours().count()) + ":" + two_digits(hms.minutes().count());
  if (hms.seconds().count() != 0) text += ":" + two_digits(hms.seconds().count());
  return text;
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

}  // namespace souhra
