#include "engine/time/working_calendar.h"

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <optional>
#include <string_view>
#include <utility>

#include "date/tz.h"
#include "engine/time/czech_holidays.h"

namespace souhra {
namespace {

using std::chrono::days;
using std::chrono::local_days;
using std::chrono::year;
using std::chrono::year_month_day;

constexpr year kFirstYear{1900};
constexpr year kLastYear{9000};

bool IsWeekend(year_month_day day) {
  const std::chrono::weekday weekday{std::chrono::sys_days(day)};
  return weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
}

// Why the office is closed on `day` apart from weekends: the holiday's name or the closure's
// reason. A holiday wins because its name is what people look for in the explanation.
std::optional<std::string_view> HolidayOrClosure(year_month_day day,
                                                 const std::vector<Closure>& closures) {
  if (auto holiday = CzechHolidayName(day)) return holiday;
  for (const Closure& closure : closures) {
    if (closure.first <= day && day <= closure.last) return closure.reason;
  }
  return std::nullopt;
}

// Consecutive days off for one reason, explained on one line.
struct SkippedRun {
  local_days first;
  local_days last;
  std::string_view reason;
};

std::string SkippedLine(const SkippedRun& run) {
  std::string days_text = FormatCzechDate(year_month_day(run.first));
  if (run.last != run.first) days_text += " – " + FormatCzechDate(year_month_day(run.last));
  return "přeskočeno: " + days_text + " (" + std::string(run.reason) + ")";
}

// The `n`-th working day after `day` (before it when `step` is -1), explaining the days skipped
// on the way.
local_days AddWorkingDays(local_days day, int n, int step, const std::vector<Closure>& closures,
                          std::vector<std::string>& explanation) {
  std::vector<SkippedRun> skipped;
  int weekend_days = 0;
  while (n > 0) {
    day += days(step);
    const year_month_day date(day);
    if (auto reason = HolidayOrClosure(date, closures)) {
      // Runs are kept in calendar order whichever way the count goes.
      if (!skipped.empty() && skipped.back().reason == *reason &&
          (skipped.back().last + days(1) == day || skipped.back().first - days(1) == day)) {
        if (step > 0)
          skipped.back().last = day;
        else
          skipped.back().first = day;
      } else {
        skipped.push_back({day, day, *reason});
      }
    } else if (IsWeekend(date)) {
      ++weekend_days;
    } else {
      --n;
    }
  }
  if (step < 0) std::reverse(skipped.begin(), skipped.end());
  for (const SkippedRun& run : skipped) explanation.push_back(SkippedLine(run));
  if (weekend_days > 0) {
    explanation.push_back("přeskočeno víkendových dnů: " + std::to_string(weekend_days));
  }
  return day;
}

// § 40 odst. 1 písm. c) správního řádu: a period whose last day falls on a Saturday, a Sunday or
// a public holiday ends on the next day that is none of these. The law names no office closures,
// so a tenant's closures do not move the end.
local_days NextWorkingDayBySection40(local_days day, std::vector<std::string>& lines) {
  lines.push_back(
      "pravidlo: § 40 správního řádu, připadne-li konec lhůty na sobotu, neděli nebo "
      "svátek, končí lhůta nejbližší příští pracovní den");
  const local_days last = day;
  auto off = [](local_days d) {
    const year_month_day date(d);
    return IsWeekend(date) || CzechHolidayName(date).has_value();
  };
  while (off(day)) day += days(1);
  if (day != last) {
    const year_month_day date(last);
    const std::string why =
        CzechHolidayName(date) ? std::string(*CzechHolidayName(date)) : std::string("víkend");
    lines.push_back("posunuto: " + FormatCzechDate(date) + " (" + why + ") na " +
                    FormatCzechDate(year_month_day(day)));
  }
  return day;
}

// "10:00", "9:05": the Prague wall-clock time of day, as in FormatCzechDateTime.
std::string TimeOfDay(int64_t millis) {
  const int64_t minutes = millis / 60000;
  char text[8];
  std::snprintf(text, sizeof text, "%d:%02d", static_cast<int>(minutes / 60),
                static_cast<int>(minutes % 60));
  return text;
}

// The same day of the month `n` months later, or the last day of a shorter month.
local_days AddMonths(local_days day, int n) {
  const year_month_day date(day);
  const year_month_day moved = date + std::chrono::months(n);
  if (moved.ok()) return local_days(moved);
  return local_days(year_month_day(moved.year() / moved.month() / std::chrono::last));
}

// Applies the calendar parts of `d` (months, days, working days, in that order) to `day`, or
// when `step` is -1 takes them away in the reverse order, explaining each rule and the days
// skipped.
local_days MoveDay(local_days day, const Duration& d, int step,
                   const std::vector<Closure>& closures, std::vector<std::string>& lines) {
  const std::string direction = step > 0 ? "" : " před termínem";
  if (step < 0 && d.working_days > 0) {
    lines.push_back("pravidlo: " +
                    CzechCount(d.working_days, "pracovní den", "pracovní dny", "pracovních dnů") +
                    " před termínem, ve stejný čas; nepočítají se soboty, neděle, svátky ani dny, "
                    "kdy je úřad uzavřen");
    day = AddWorkingDays(day, d.working_days, step, closures, lines);
  }
  if (step < 0 && d.days > 0) day -= days(d.days);
  if (d.months > 0) {
    day = AddMonths(day, step * d.months);
    lines.push_back("pravidlo: " + CzechCount(d.months, "měsíc", "měsíce", "měsíců") + direction +
                    ", stejný den v měsíci ve stejný čas, v kratším měsíci jeho poslední den");
  }
  if (d.days > 0) {
    if (step > 0) day += days(d.days);
    lines.push_back(
        "pravidlo: " + CzechCount(d.days, "kalendářní den", "kalendářní dny", "kalendářních dnů") +
        direction + ", ve stejný čas");
  }
  if (step > 0 && d.section_40) day = NextWorkingDayBySection40(day, lines);
  if (step > 0 && d.working_days > 0) {
    lines.push_back(
        "pravidlo: " +
        CzechCount(d.working_days, "pracovní den", "pracovní dny", "pracovních dnů") +
        " od následujícího dne, ve stejný čas; nepočítají se soboty, neděle, svátky ani dny, "
        "kdy je úřad uzavřen");
    day = AddWorkingDays(day, d.working_days, step, closures, lines);
  }
  return day;
}

Status CheckDuration(const Duration& d) {
  const std::string quoted = "duration '" + d.text + "'";
  if (d.months < 0 || d.days < 0 || d.working_days < 0 || d.millis < 0) {
    return InvalidArgument(quoted + " has a negative part");
  }
  if (d.months > kMaxMonths || d.days > kMaxDays || d.working_days > kMaxWorkingDays ||
      d.millis > kMaxMillis) {
    return InvalidArgument(quoted + " is longer than 100 years");
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<WorkingCalendar>> WorkingCalendar::Create() {
  try {
    const date::time_zone* prague = date::locate_zone("Europe/Prague");
    return std::unique_ptr<WorkingCalendar>(new WorkingCalendar(prague));
  } catch (const std::exception& e) {
    return Unavailable(std::string("time zone Europe/Prague is not available: ") + e.what());
  }
}

Status WorkingCalendar::SetClosures(const std::string& tenant, std::vector<Closure> closures) {
  for (const Closure& closure : closures) {
    const std::string what = "closure '" + closure.reason + "' of tenant '" + tenant + "'";
    if (!closure.first.ok() || !closure.last.ok()) return InvalidArgument(what + ": invalid date");
    if (closure.last < closure.first) {
      return InvalidArgument(what + ": ends " + FormatCzechDate(closure.last) +
                             " before it starts " + FormatCzechDate(closure.first));
    }
    if (closure.reason.empty()) return InvalidArgument(what + ": no reason given");
  }
  auto shared = std::make_shared<const std::vector<Closure>>(std::move(closures));
  std::unique_lock lock(mutex_);
  closures_[tenant] = std::move(shared);
  return Status::Ok();
}

WorkingCalendar::Closures WorkingCalendar::ClosuresOf(const std::string& tenant) const {
  static const Closures kNone = std::make_shared<const std::vector<Closure>>();
  std::shared_lock lock(mutex_);
  auto it = closures_.find(tenant);
  return it == closures_.end() ? kNone : it->second;
}

bool WorkingCalendar::IsWorkingDay(const std::string& tenant, year_month_day day) const {
  return !IsWeekend(day) && !HolidayOrClosure(day, *ClosuresOf(tenant));
}

LocalTime WorkingCalendar::ToPrague(Instant t) const {
  return LocalTime(prague_->to_local(t).time_since_epoch());
}

std::string WorkingCalendar::Describe(Instant t) const { return FormatCzechDateTime(ToPrague(t)); }

std::string WorkingCalendar::FormatPragueIso(Instant t) const {
  const date::sys_info info =
      prague_->get_info(date::sys_time<std::chrono::milliseconds>(t.time_since_epoch()));
  const auto local =
      date::local_time<std::chrono::milliseconds>(t.time_since_epoch() + info.offset);
  const auto offset = std::chrono::duration_cast<std::chrono::minutes>(info.offset);
  const bool whole_seconds = t.time_since_epoch().count() % 1000 == 0;
  std::string text = whole_seconds
                         ? date::format("%FT%T", std::chrono::floor<std::chrono::seconds>(local))
                         : date::format("%FT%T", local);
  const auto minutes = offset.count() < 0 ? -offset.count() : offset.count();
  char zone[8];
  std::snprintf(zone, sizeof zone, "%c%02d:%02d", offset.count() < 0 ? '-' : '+',
                static_cast<int>(minutes / 60), static_cast<int>(minutes % 60));
  return text + zone;
}

Instant WorkingCalendar::FromPrague(LocalTime t, std::vector<std::string>& explanation) const {
  const date::local_info info =
      prague_->get_info(date::local_time<std::chrono::milliseconds>(t.time_since_epoch()));
  // In a gap `first` is the offset before it, which moves the time forward by the gap; in an
  // overlap it is the earlier of the two.
  const Instant utc = Instant(t.time_since_epoch()) - info.first.offset;
  if (info.result == date::local_info::nonexistent) {
    explanation.push_back("posun: " + FormatCzechDateTime(t) +
                          " neexistuje (přechod na letní čas), platí " +
                          FormatCzechDateTime(ToPrague(utc)));
  } else if (info.result == date::local_info::ambiguous) {
    explanation.push_back("posun: " + FormatCzechDateTime(t) +
                          " nastává dvakrát (přechod na zimní čas), platí první, ještě letní čas");
  }
  return utc;
}

Result<DueDate> WorkingCalendar::Add(Instant from, const Duration& d,
                                     const std::string& tenant) const {
  return Move(from, d, +1, tenant);
}

Result<DueDate> WorkingCalendar::Subtract(Instant from, const Duration& d,
                                          const std::string& tenant) const {
  return Move(from, d, -1, tenant);
}

Instant WorkingCalendar::StartOfDay(Instant t, int days_later) const {
  const local_days day = std::chrono::floor<days>(ToPrague(t)) + days(days_later);
  std::vector<std::string> unused;
  return FromPrague(LocalTime(day), unused);
}

Result<DueDate> WorkingCalendar::Move(Instant from, const Duration& d, int step,
                                      const std::string& tenant) const {
  SOUHRA_RETURN_IF_ERROR(CheckDuration(d));
  // Counting back, exact time goes first, so that the parts come off in the reverse order of Add.
  const Instant origin = step > 0 ? from : from - std::chrono::milliseconds(d.millis);
  const LocalTime start = ToPrague(origin);
  const local_days start_day = std::chrono::floor<days>(start);
  const year start_year = year_month_day(start_day).year();
  if (start_year < kFirstYear || start_year > kLastYear) {
    return InvalidArgument("start " + FormatUtc(from) + " is outside the years 1900–9000");
  }
  DueDate result;
  std::vector<std::string>& lines = result.explanation;
  lines.push_back((step > 0 ? "start: " : "termín úkolu: ") + FormatCzechDateTime(ToPrague(from)));
  if (!d.text.empty()) {
    lines.push_back((step > 0 ? "lhůta: " : "předem: ") + FormatCzechDuration(d));
  }
  if (step < 0 && d.millis > 0) {
    lines.push_back("pravidlo: " + FormatElapsed(d.millis) +
                    " skutečně uplynulého času před termínem, i přes změnu času");
  }
  const local_days day = MoveDay(start_day, d, step, *ClosuresOf(tenant), lines);
  // Without calendar parts the time stays exact, even when it lies in the autumn overlap.
  const bool calendar_parts = d.months > 0 || d.days > 0 || d.working_days > 0;
  Instant due = calendar_parts ? FromPrague(start - start_day + day, lines) : origin;
  if (step > 0 && d.millis > 0) {
    due += std::chrono::milliseconds(d.millis);
    lines.push_back("pravidlo: " + FormatElapsed(d.millis) +
                    " skutečně uplynulého času, i přes změnu času");
  }
  lines.push_back((step > 0 ? "termín: " : "připomenutí: ") + FormatCzechDateTime(ToPrague(due)));
  result.due = due;
  return result;
}

RemainingTime WorkingCalendar::Remaining(Instant paused, Instant due, bool in_working_days,
                                         const std::string& tenant) const {
  RemainingTime r;
  r.in_working_days = in_working_days;
  if (due <= paused) return r;
  if (!in_working_days) {
    r.millis = (due - paused).count();
    return r;
  }
  const LocalTime due_local = ToPrague(due);
  const local_days due_day = std::chrono::floor<days>(due_local);
  r.time_of_day_millis = (due_local - due_day).count();
  const Closures closures = ClosuresOf(tenant);
  for (local_days day = std::chrono::floor<days>(ToPrague(paused)) + days(1); day <= due_day;
       day += days(1)) {
    const year_month_day date(day);
    if (!IsWeekend(date) && !HolidayOrClosure(date, *closures)) ++r.working_days;
  }
  return r;
}

Result<DueDate> WorkingCalendar::Resume(Instant resumed, const RemainingTime& r,
                                        const std::string& tenant) const {
  constexpr int64_t kDay = 24 * 60 * 60 * 1000;
  if (r.working_days < 0 || r.working_days > kMaxWorkingDays || r.millis < 0 ||
      r.millis > kMaxMillis || r.time_of_day_millis < 0 || r.time_of_day_millis >= kDay) {
    return InvalidArgument("remaining time of a paused deadline is out of range");
  }
  DueDate result;
  std::vector<std::string>& lines = result.explanation;
  const LocalTime start = ToPrague(resumed);
  lines.push_back("obnovení běhu lhůty: " + FormatCzechDateTime(start));
  if (!r.in_working_days) {
    lines.push_back("zbývalo: " + (r.millis > 0 ? FormatElapsed(r.millis) : std::string("nic")) +
                    " skutečně uplynulého času");
    result.due = resumed + std::chrono::milliseconds(r.millis);
  } else {
    const auto time_of_day = std::chrono::milliseconds(r.time_of_day_millis);
    lines.push_back(
        "zbývalo: " + CzechCount(r.working_days, "pracovní den", "pracovní dny", "pracovních dnů") +
        ", termín v " + TimeOfDay(r.time_of_day_millis));
    const local_days day = AddWorkingDays(std::chrono::floor<days>(start), r.working_days,
                                          /*step=*/1, *ClosuresOf(tenant), lines);
    result.due = std::max(resumed, FromPrague(LocalTime(day) + time_of_day, lines));
  }
  lines.push_back("termín: " + FormatCzechDateTime(ToPrague(result.due)));
  return result;
}

}  // namespace souhra
