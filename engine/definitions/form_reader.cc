// Reading a form declaration (ReadForm) and describing a form to the web UI (FormJson).
#include <algorithm>
#include <cmath>
#include <set>

#include "engine/definitions/diagnostics.h"
#include "engine/definitions/form.h"
#include "engine/directory.h"

namespace souhra {
namespace {

struct TypeInfo {
  FieldType type;
  const char* name;
  std::vector<std::string> keys;  // the keys only this type (and its kin) take
};

const std::vector<TypeInfo>& Types() {
  static const std::vector<TypeInfo> types = {
      {FieldType::kText, "text", {"max_length"}},
      {FieldType::kLongText, "long_text", {"max_length"}},
      {FieldType::kNumber, "number", {"min", "max", "integer"}},
      {FieldType::kDate, "date", {}},
      {FieldType::kDateTime, "datetime", {}},
      {FieldType::kYesNo, "yes_no", {}},
      {FieldType::kChoice, "choice", {"options"}},
      {FieldType::kChoices, "choices", {"options"}},
      {FieldType::kUser, "user", {"role"}},
      {FieldType::kActor, "actor", {"kind"}},
      {FieldType::kRows, "rows", {"fields", "min_rows", "max_rows"}},
      {FieldType::kPlace, "place", {"max_length"}},
      {FieldType::kLink, "link", {"max_length"}},
  };
  return types;
}

const std::vector<std::string>& CommonKeys() {
  static const std::vector<std::string> keys = {"name", "type", "label", "help", "required"};
  return keys;
}

// Row counts and lengths beyond this are mistakes, and would not fit an int.
constexpr double kMaxCount = 1'000'000;

const TypeInfo& InfoOf(FieldType type) {
  return *std::find_if(Types().begin(), Types().end(),
                       [type](const TypeInfo& t) { return t.type == type; });
}

std::vector<std::string> AllKeys() {
  std::vector<std::string> keys = CommonKeys();
  for (const TypeInfo& t : Types()) {
    for (const std::string& key : t.keys) {
      if (!std::count(keys.begin(), keys.end(), key)) keys.push_back(key);
    }
  }
  return keys;
}

KeyPath Child(KeyPath path, const std::string& key) {
  path.push_back(key);
  return path;
}

bool IsFieldName(const std::string& s) {
  return !s.empty() && s[0] >= 'a' && s[0] <= 'z' && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// " (did you mean 'x'?)", else " (expected one of a, b, c)".
std::string Hint(const std::string& word, const std::vector<std::string>& candidates) {
  std::string hint = Suggestion(word, candidates);
  if (!hint.empty()) return hint;
  hint = " (expected one of ";
  for (size_t i = 0; i < candidates.size(); ++i) hint += (i ? ", " : "") + candidates[i];
  return hint + ")";
}

bool IsBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// A table the author wrote as a plain table: not a function, not a constructor call.
bool IsPlainTable(const Json& value) {
  return value.is_object() && !IsFunction(value) && KindOf(value).empty();
}

// The whole number at `key`, within [least, kMaxCount]; `fallback` when absent or wrong.
int WholeNumber(const Checker& f, const std::string& key, int least, int fallback) {
  auto it = f.obj.find(key);
  if (it == f.obj.end()) return fallback;
  if (!it->is_number()) {
    f.Number(key, 0);  // reports the type
    return fallback;
  }
  const double value = it->get<double>();
  if (value != std::floor(value) || value < least || value > kMaxCount) {
    f.Report(key, "'" + key + "' must be a whole number from " + std::to_string(least) +
                      " to 1000000, not " + it->dump());
    return fallback;
  }
  return static_cast<int>(value);
}

std::optional<double> OptionalNumber(const Checker& f, const std::string& key) {
  auto it = f.obj.find(key);
  if (it == f.obj.end()) return std::nullopt;
  if (!it->is_number()) {
    f.Number(key, 0);  // reports the type
    return std::nullopt;
  }
  return it->get<double>();
}

void ReadNumberLimits(const Checker& f, FormField* out) {
  out->min = OptionalNumber(f, "min");
  out->max = OptionalNumber(f, "max");
  out->integer = f.Boolean("integer", false);
  if (out->min && out->max && *out->min > *out->max) {
    f.Report("min", "'min' (" + f.obj["min"].dump() + ") is greater than 'max' (" +
                        f.obj["max"].dump() + ")");
  }
}

void ReadOption(const Checker& o, std::set<std::string>* seen, FormField* out) {
  if (!IsPlainTable(o.obj)) {
    o.Report("", "expected an option { value = ..., label = ... }");
    return;
  }
  o.Keys({"value", "label"});
  const std::string* value = o.String("value", true);
  const std::string* label = o.String("label", true);
  if (value && value->empty()) o.Report("value", "'value' must not be empty");
  if (value && !value->empty() && !seen->insert(*value).second) {
    o.Report("value", "duplicate option value '" + *value + "'");
  }
  if (label && IsBlank(*label)) o.Report("label", "'label' must not be empty");
  if (value && label) out->options.push_back({*value, *label});
}

void ReadOptions(const Checker& f, FormField* out) {
  auto it = f.obj.find("options");
  if (it == f.obj.end()) {
    f.Report("", "missing 'options' (a list of { value = ..., label = ... })");
    return;
  }
  if (!it->is_array() || it->empty()) {
    f.Report("options", "'options' must be a non-empty list of { value = ..., label = ... }");
    return;
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < it->size(); ++i) {
    const std::string position = std::to_string(i + 1);
    ReadOption(Checker{f.sink, (*it)[i], Child(f.At("options"), position), f.line,
                       f.context + ": option " + position},
               &seen, out);
  }
}

void ReadRole(const Checker& f, FormField* out) {
  const std::string* role = f.String("role", false);
  if (!role) return;
  std::vector<std::string> roles(std::begin(kUserRoles), std::end(kUserRoles));
  if (!std::count(roles.begin(), roles.end(), *role)) {
    f.Report("role", "unknown role '" + *role + "'" + Hint(*role, roles));
    return;
  }
  out->role = *role;
}

void ReadFieldList(const Checker& at, bool in_rows, std::vector<FormField>* out);

void ReadRowsField(const Checker& f, bool in_rows, FormField* out) {
  if (in_rows) {
    f.Report("type", "a row cannot hold another 'rows' field");
    return;
  }
  out->min_rows = WholeNumber(f, "min_rows", 0, 0);
  out->max_rows = WholeNumber(f, "max_rows", 1, 50);
  if (out->min_rows > out->max_rows) {
    f.Report("min_rows", "'min_rows' (" + std::to_string(out->min_rows) +
                             ") is greater than 'max_rows' (" + std::to_string(out->max_rows) +
                             ")");
  }
  auto it = f.obj.find("fields");
  if (it == f.obj.end()) {
    f.Report("", "missing 'fields' (the fields of one row)");
    return;
  }
  if (!it->is_array() || it->empty()) {
    f.Report("fields", "'fields' must be a non-empty list of fields");
    return;
  }
  ReadFieldList(Checker{f.sink, *it, f.At("fields"), f.line, f.context}, true, &out->fields);
}

// Reports keys that exist but belong to other types: "'options' does not apply to a text field".
void CheckApplicable(const Checker& f, const TypeInfo& type) {
  for (const auto& [key, value] : f.obj.items()) {
    if (std::count(CommonKeys().begin(), CommonKeys().end(), key) ||
        std::count(type.keys.begin(), type.keys.end(), key)) {
      continue;
    }
    std::string owners;
    for (const TypeInfo& t : Types()) {
      if (!std::count(t.keys.begin(), t.keys.end(), key)) continue;
      owners += (owners.empty() ? "" : ", ") + std::string(t.name);
    }
    if (owners.empty()) continue;  // unknown keys are reported by Keys
    f.Report(key,
             "'" + key + "' does not apply to a " + type.name + " field (only to " + owners + ")");
  }
}

void ReadTyped(const Checker& f, bool in_rows, FormField* out) {
  switch (out->type) {
    case FieldType::kText:
    case FieldType::kLongText:
      out->max_length = WholeNumber(f, "max_length", 1, out->type == FieldType::kText ? 200 : 5000);
      break;
    case FieldType::kPlace:
      out->max_length = WholeNumber(f, "max_length", 1, 200);
      break;
    case FieldType::kLink:
      out->max_length = WholeNumber(f, "max_length", 1, 500);
      break;
    case FieldType::kNumber:
      ReadNumberLimits(f, out);
      break;
    case FieldType::kChoice:
    case FieldType::kChoices:
      ReadOptions(f, out);
      break;
    case FieldType::kUser:
      ReadRole(f, out);
      break;
    case FieldType::kActor:
      if (const std::string* kind = f.String("kind", false)) out->kind = *kind;
      break;
    case FieldType::kRows:
      ReadRowsField(f, in_rows, out);
      break;
    case FieldType::kDate:
    case FieldType::kDateTime:
    case FieldType::kYesNo:
      break;
  }
}

// Reads the type; false when it is missing or unknown (reported).
bool ReadType(const Checker& f, FormField* out) {
  const std::string* name = f.String("type", true);
  if (!name) return false;
  for (const TypeInfo& t : Types()) {
    if (*name == t.name) {
      out->type = t.type;
      return true;
    }
  }
  std::vector<std::string> names;
  for (const TypeInfo& t : Types()) names.push_back(t.name);
  f.Report("type", "unknown type '" + *name + "'" + Hint(*name, names));
  return false;
}

void ReadField(const Checker& f, bool in_rows, FormField* out) {
  f.Keys(AllKeys());
  if (const std::string* name = f.String("name", true)) {
    out->name = *name;
    if (!IsFieldName(*name)) {
      f.Report("name", "bad name '" + *name +
                           "' (expected lower_snake_case: a-z, 0-9 and _, starting with a letter)");
    }
  }
  if (const std::string* label = f.String("label", true)) {
    out->label = *label;
    if (IsBlank(*label)) f.Report("label", "'label' must not be empty");
  }
  if (const std::string* help = f.String("help", false)) out->help = *help;
  out->required = f.Boolean("required", false);
  if (!ReadType(f, out)) return;
  CheckApplicable(f, InfoOf(out->type));
  ReadTyped(f, in_rows, out);
}

// "field 'reason'", or "field 3" for one without a usable name.
std::string FieldContext(const Checker& at, const Json& item, const std::string& position) {
  auto name = item.find("name");
  std::string what = name != item.end() && name->is_string() && !name->get<std::string>().empty()
                         ? "field '" + name->get<std::string>() + "'"
                         : "field " + position;
  return at.context.empty() ? what : at.context + ": " + what;
}

void ReadFieldList(const Checker& at, bool in_rows, std::vector<FormField>* out) {
  std::set<std::string> names;
  for (size_t i = 0; i < at.obj.size(); ++i) {
    const std::string position = std::to_string(i + 1);
    const Json& item = at.obj[i];
    Checker f{at.sink, item, at.At(position), at.line, FieldContext(at, item, position)};
    if (!IsPlainTable(item)) {
      f.Report("", "expected a field { name = ..., type = ..., label = ... }");
      continue;
    }
    FormField field;
    ReadField(f, in_rows, &field);
    if (!field.name.empty() && !names.insert(field.name).second) {
      f.Report("name", "duplicate field name '" + field.name + "'");
    }
    out->push_back(std::move(field));
  }
}

Json FieldJson(const FormField& f) {
  Json j = {{"name", f.name}, {"type", FieldTypeName(f.type)}, {"label", f.label}};
  j["required"] = f.required;
  if (!f.help.empty()) j["help"] = f.help;
  if (f.type == FieldType::kText || f.type == FieldType::kLongText || f.type == FieldType::kPlace ||
      f.type == FieldType::kLink) {
    j["max_length"] = f.max_length;
  }
  if (f.type == FieldType::kNumber) {
    if (f.min) j["min"] = *f.min;
    if (f.max) j["max"] = *f.max;
    j["integer"] = f.integer;
  }
  if (f.type == FieldType::kChoice || f.type == FieldType::kChoices) {
    j["options"] = Json::array();
    for (const FormOption& o : f.options)
      j["options"].push_back(Json{{"value", o.value}, {"label", o.label}});
  }
  if (f.type == FieldType::kUser && !f.role.empty()) j["role"] = f.role;
  if (f.type == FieldType::kActor && !f.kind.empty()) j["kind"] = f.kind;
  if (f.type == FieldType::kRows) {
    j["fields"] = Json::array();
    for (const FormField& field : f.fields) j["fields"].push_back(FieldJson(field));
    j["min_rows"] = f.min_rows;
    j["max_rows"] = f.max_rows;
  }
  return j;
}

}  // namespace

const char* FieldTypeName(FieldType type) { return InfoOf(type).name; }

void ReadForm(const Checker& at, Form* out) {
  out->fields.clear();
  if (IsPlainTable(at.obj) && at.obj.empty()) return;  // {}: confirm without entering data
  if (!at.obj.is_array()) {
    at.Report("", "expected a list of fields { { name = ..., type = ..., label = ... }, ... }");
    return;
  }
  ReadFieldList(at, false, &out->fields);
}

Json FormJson(const Form& form) {
  Json fields = Json::array();
  for (const FormField& f : form.fields) fields.push_back(FieldJson(f));
  return Json{{"fields", std::move(fields)}};
}

}  // namespace souhra
