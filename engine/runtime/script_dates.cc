#include "engine/runtime/script_dates.h"

#include <chrono>

#include "engine/time/calendar_date.h"
#include "engine/time/czech_format.h"
#include "engine/time/duration_parser.h"

namespace souhra {

std::string PragueDate(const Calendar& calendar, Instant t) {
  // Prague's midnight is 22:00 or 23:00 UTC of the day before; half a day later it is the same
  // day in UTC and in Prague.
  const Instant noon = calendar.StartOfDay(t, 0) + std::chrono::hours(12);
  return FormatCalendarDate(
      std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(noon)));
}

bool IsCalendarDate(const std::string& text) { return ParseCalendarDate(text).has_value(); }

Json ScriptDates(const Calendar& calendar, Instant now, const Json& params,
                 const std::string& tenant) {
  Json dates = Json::object();
  for (const auto& [name, value] : params.items()) {
    if (!value.is_string()) continue;
    Result<Duration> duration = ParseDuration(value.get<std::string>());
    if (!duration.ok()) continue;
    Result<DueDate> due = calendar.Add(now, *duration, tenant);
    if (due.ok()) dates[name] = PragueDate(calendar, due->due);
  }
  return {{"today", PragueDate(calendar, now)}, {"dates", std::move(dates)}};
}

Result<DueDate> DueOnDate(const Calendar& calendar, Instant now, const std::string& date,
                          const std::string& tenant) {
  const std::optional<std::chrono::year_month_day> day = ParseCalendarDate(date);
  if (!day) return InvalidArgument("'" + date + "' is not a day \"YYYY-MM-DD\"");
  const std::chrono::year_month_day today = *ParseCalendarDate(PragueDate(calendar, now));
  const int days =
      static_cast<int>((std::chrono::sys_days(*day) - std::chrono::sys_days(today)).count());
  if (days < 1) return InvalidArgument("the day " + date + " is not after today");
  Duration duration;
  duration.days = days;
  duration.text = std::to_string(days) + " days";
  SOUHRA_ASSIGN_OR_RETURN(DueDate due, calendar.Add(now, duration, tenant));
  // People read the day that was agreed, not how many days it is from today.
  due.explanation = {"termín stanovený na den " + FormatCzechDate(*day),
                     "termín: " + calendar.Describe(due.due)};
  return due;
}

}  // namespace souhra
