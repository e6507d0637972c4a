#include "web/form_values.h"

#include <cstdio>

#include "engine/time/czech_format.h"

namespace souhra {
namespace {

std::string OptionLabel(const FormField& field, const Json& value) {
  const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  for (const FormOption& option : field.options) {
    if (option.value == text) return option.label;
  }
  return text;
}

// "2026-04-30" as "čt 30. 4. 2026"; anything else as written.
std::string DateText(const std::string& text) {
  int y = 0;
  unsigned m = 0, d = 0;
  char rest = 0;
  if (std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &rest) != 3) return text;
  const std::chrono::year_month_day day{std::chrono::year(y), std::chrono::month(m),
                                        std::chrono::day(d)};
  return day.ok() ? FormatCzechDate(day) : text;
}

std::string NumberText(const Json& value) {
  if (value.is_number_integer()) return std::to_string(value.get<int64_t>());
  return value.dump();
}

bool IsEmpty(const Json& value) {
  return value.is_null() || (value.is_string() && value.get<std::string>().empty()) ||
         (value.is_array() && value.empty());
}

std::string ValueText(const FormField& field, const Json& value, const Wording& words);

// One row of a list of rows: "Krok: Zajistit dovoz obědů, Odpovídá: Charita, Termín: …".
std::string RowText(const FormField& rows, const Json& row, const Wording& words) {
  std::string text;
  for (const FormField& field : rows.fields) {
    if (!row.is_object() || !row.contains(field.name) || IsEmpty(row[field.name])) continue;
    text +=
        (text.empty() ? "" : ", ") + field.label + ": " + ValueText(field, row[field.name], words);
  }
  return text;
}

std::string ValueText(const FormField& field, const Json& value, const Wording& words) {
  const std::string text = value.is_string() ? value.get<std::string>() : "";
  switch (field.type) {
    case FieldType::kText:
    case FieldType::kLongText:
      return value.is_string() ? text : value.dump();
    case FieldType::kNumber:
      return NumberText(value);
    case FieldType::kDate:
      return DateText(text);
    case FieldType::kDateTime: {
      Instant t;
      return ParseIsoInstant(text, &t) && words.time ? words.time(t) : text;
    }
    case FieldType::kYesNo:
      return value.is_boolean() && value.get<bool>() ? "ano" : "ne";
    case FieldType::kChoice:
      return OptionLabel(field, value);
    case FieldType::kChoices: {
      std::string labels;
      for (const Json& each : value)
        labels += (labels.empty() ? "" : ", ") + OptionLabel(field, each);
      return labels;
    }
    case FieldType::kUser:
    case FieldType::kActor:
      return words.Name(text);
    case FieldType::kRows: {
      std::string lines;
      for (const Json& row : value)
        lines += (lines.empty() ? "" : "\n") + RowText(field, row, words);
      return lines;
    }
  }
  return value.dump();
}

}  // namespace

std::string Wording::Name(const std::string& ref) const {
  auto known = names.find(ref);
  if (known != names.end()) return known->second;
  const size_t colon = ref.find(':');
  return colon == std::string::npos ? ref : ref.substr(colon + 1);
}

Json FormValues(const Form& form, const Json& payload, const Wording& words) {
  Json values = Json::array();
  if (!payload.is_object()) return values;
  for (const FormField& field : form.fields) {
    auto value = payload.find(field.name);
    if (value == payload.end() || IsEmpty(*value)) continue;
    values.push_back(Json{{"label", field.label}, {"value", ValueText(field, *value, words)}});
  }
  return values;
}

}  // namespace souhra
