#include "engine/definitions/reminder_ladder.h"

#include <algorithm>
#include <utility>

#include "engine/definitions/diagnostics.h"
#include "engine/time/duration_parser.h"

namespace souhra {
namespace {

constexpr char kOnTheDay[] = "on the day";

// A duration as written, or the name of a param holding one.
Result<Duration> ResolveOffset(const std::string& text, const Json& params) {
  Result<Duration> literal = ParseDuration(text);
  if (literal.ok()) return literal;
  auto param = params.find(text);
  if (param == params.end()) {
    return InvalidArgument("'" + text + "' is neither a duration nor a param");
  }
  if (!param->is_string()) return InvalidArgument("param '" + text + "' is not a duration");
  Result<Duration> value = ParseDuration(param->get<std::string>());
  if (!value.ok()) return InvalidArgument("param '" + text + "' is not a duration");
  return value;
}

Result<Rung> ReadTextRung(const std::string& text, const Json& params) {
  Rung rung;
  rung.template_name = kReminderTemplate;
  if (text == kOnTheDay) {
    rung.when = RungWhen::kOnTheDay;
    return rung;
  }
  std::string offset = text;
  for (auto [suffix, when] :
       {std::pair{" before", RungWhen::kBefore}, std::pair{" after", RungWhen::kAfter}}) {
    const std::string s = suffix;
    if (text.size() > s.size() && text.ends_with(s)) {
      offset = text.substr(0, text.size() - s.size());
      rung.when = when;
    }
  }
  Result<Duration> duration = ResolveOffset(offset, params);
  if (!duration.ok()) {
    return InvalidArgument("expected \"N before\", \"N after\" or \"on the day\": " +
                           duration.status().message());
  }
  rung.offset = *duration;
  return rung;
}

Result<Rung> ReadTableRung(const Json& table, const Json& params) {
  static const std::vector<std::string> kKeys = {"before", "after",    "on_the_day",
                                                 "to",     "template", "purpose"};
  for (const auto& [key, value] : table.items()) {
    if (key.starts_with("$") || std::count(kKeys.begin(), kKeys.end(), key)) continue;
    return InvalidArgument("unknown key '" + key + "'" + Suggestion(key, kKeys));
  }
  const int moments = static_cast<int>(table.contains("before")) +
                      static_cast<int>(table.contains("after")) +
                      static_cast<int>(table.contains("on_the_day"));
  if (moments != 1)
    return InvalidArgument("expected exactly one of 'before', 'after' or 'on_the_day'");
  Rung rung;
  if (table.contains("on_the_day")) {
    if (table["on_the_day"] != true) return InvalidArgument("'on_the_day' must be true");
    rung.when = RungWhen::kOnTheDay;
  } else {
    const char* key = table.contains("before") ? "before" : "after";
    if (!table[key].is_string())
      return InvalidArgument(std::string("'") + key + "' must be a duration");
    rung.when = table.contains("before") ? RungWhen::kBefore : RungWhen::kAfter;
    Result<Duration> duration = ResolveOffset(table[key].get<std::string>(), params);
    if (!duration.ok())
      return InvalidArgument(std::string(key) + ": " + duration.status().message());
    rung.offset = *duration;
  }
  for (const char* key : {"to", "template", "purpose"}) {
    if (table.contains(key) && !table[key].is_string()) {
      return InvalidArgument(std::string("'") + key + "' must be a string");
    }
  }
  rung.to = table.value("to", "");
  rung.template_name = table.value("template", kReminderTemplate);
  rung.purpose = table.value("purpose", "");
  return rung;
}

const char* WhenName(RungWhen when) {
  switch (when) {
    case RungWhen::kBefore:
      return "before";
    case RungWhen::kOnTheDay:
      return "on_the_day";
    case RungWhen::kAfter:
      return "after";
  }
  return "before";
}

}  // namespace

Result<std::vector<Rung>> ReadLadder(const Json& remind, const Json& params) {
  const Json list = remind.is_array() ? remind : Json::array({remind});
  if (list.empty()) return InvalidArgument("the ladder has no rungs");
  if (list.size() > kMaxRungs) {
    return InvalidArgument("more than " + std::to_string(kMaxRungs) + " rungs");
  }
  std::vector<Rung> ladder;
  for (size_t i = 0; i < list.size(); ++i) {
    const Json& value = list[i];
    Result<Rung> rung = value.is_string() ? ReadTextRung(value.get<std::string>(), params)
                        : value.is_object()
                            ? ReadTableRung(value, params)
                            : Result<Rung>(InvalidArgument("expected text or a table, not a " +
                                                           LuaTypeName(value)));
    if (!rung.ok()) {
      return InvalidArgument("rung " + std::to_string(i + 1) + ": " + rung.status().message());
    }
    ladder.push_back(std::move(*rung));
  }
  return ladder;
}

Json RungJson(const Rung& rung) {
  Json json = {{"when", WhenName(rung.when)},
               {"offset", rung.offset.text},
               {"to", rung.to},
               {"template", rung.template_name}};
  if (!rung.purpose.empty()) json["purpose"] = rung.purpose;
  return json;
}

Result<std::vector<Rung>> ReadStoredLadder(const Json& stored) {
  if (!stored.is_array() || stored.empty()) return std::vector<Rung>();
  Json tables = Json::array();
  for (const Json& rung : stored) {
    const std::string when = rung.value("when", "");
    Json table = {{"template", rung.value("template", kReminderTemplate)}};
    if (when == "on_the_day") {
      table["on_the_day"] = true;
    } else {
      table[when] = rung.value("offset", "");
    }
    if (!rung.value("to", "").empty()) table["to"] = rung["to"];
    if (!rung.value("purpose", "").empty()) table["purpose"] = rung["purpose"];
    tables.push_back(std::move(table));
  }
  return ReadLadder(tables, Json::object());
}

Result<DueDate> RungTime(const Calendar& calendar, const Rung& rung, Instant due,
                         const std::string& tenant) {
  switch (rung.when) {
    case RungWhen::kBefore:
      return calendar.Subtract(due, rung.offset, tenant);
    case RungWhen::kAfter:
      return calendar.Add(due, rung.offset, tenant);
    case RungWhen::kOnTheDay:
      break;
  }
  const Instant day = calendar.StartOfDay(due, 0);
  return DueDate{day, {"termín úkolu: " + FormatUtc(due), "připomenutí: začátek dne termínu"}};
}

}  // namespace souhra
