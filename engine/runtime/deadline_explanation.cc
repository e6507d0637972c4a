#include "engine/runtime/deadline_explanation.h"

#include "engine/duration.h"
#include "engine/runtime/deadline_pause.h"
#include "engine/time/czech_format.h"
#include "engine/time/duration_parser.h"

namespace souhra {
namespace {

constexpr char kFixedPrefix[] = "at ";

std::string Text(const Json& entry, const char* field) {
  const Json& value = entry.contains(field) ? entry[field] : Json();
  return value.is_string() ? value.get<std::string>() : std::string();
}

// A rule as people read it: a duration in Czech; anything else as the log keeps it.
std::string RuleText(const std::string& rule) {
  Result<Duration> duration = ParseDuration(rule);
  return duration.ok() ? FormatCzechDuration(*duration) : rule;
}

// A logged time as people read it; as the log keeps it when it is not a time.
std::string TimeText(const Calendar& calendar, const std::string& iso) {
  Instant t;
  return ParseIsoInstant(iso, &t) ? calendar.Describe(t) : iso;
}

// The due as the rule gives it today, explained.
Result<DueDate> Recompute(const Calendar& calendar, const Json& entry, const std::string& rule,
                          Instant event_at, const std::string& tenant) {
  if (entry.contains("resumed") && entry["resumed"].is_object()) {
    const Json& resumed = entry["resumed"];
    SOUHRA_ASSIGN_OR_RETURN(
        DueDate due,
        calendar.Resume(event_at, RemainingFromJson(resumed.value("remaining", Json::object())),
                        tenant));
    due.explanation.insert(due.explanation.begin(),
                           "lhůta " + RuleText(rule) + ", přerušena " +
                               TimeText(calendar, resumed.value("paused_at", std::string("?"))));
    return due;
  }
  if (rule.starts_with(kFixedPrefix)) {
    DueDate due;
    const std::string when = rule.substr(sizeof kFixedPrefix - 1);
    if (!ParseIsoInstant(when, &due.due)) {
      return InvalidArgument("deadline rule '" + rule + "' has no valid time");
    }
    due.explanation.push_back("pevně stanovený termín " + calendar.Describe(due.due));
    return due;
  }
  SOUHRA_ASSIGN_OR_RETURN(Duration duration, ParseDuration(rule));
  return calendar.Add(event_at, duration, tenant);
}

}  // namespace

Result<std::vector<std::string>> ExplainDeadline(const Calendar& calendar, const Json& entry,
                                                 Instant event_at, const std::string& tenant) {
  if (!entry.is_object()) return InvalidArgument("a deadline entry must be an object");
  const std::string kind = Text(entry, "kind");
  const std::string key = Text(entry, "key");
  const std::string rule = Text(entry, "rule");
  Instant logged;
  if (kind.empty() || key.empty() || !ParseIsoInstant(Text(entry, "due"), &logged)) {
    return InvalidArgument("a deadline entry needs kind, key and due");
  }
  if (rule.empty()) return InvalidArgument(kind + " '" + key + "': the log keeps no rule");
  SOUHRA_ASSIGN_OR_RETURN(DueDate due, Recompute(calendar, entry, rule, event_at, tenant));
  if (due.due != logged) {
    due.explanation.push_back("pozor: záznam uvádí termín " + calendar.Describe(logged) +
                              ", dnes by vyšel " + calendar.Describe(due.due) +
                              "; platí termín ze záznamu (kalendář úřadu se mezitím změnil, "
                              "např. jeho uzavírky)");
  }
  return std::move(due.explanation);
}

}  // namespace souhra
