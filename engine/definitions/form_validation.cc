// Checking what a person submitted against a form (ValidateForm, CheckForm). Every message is a
// Czech sentence for the person who filled the form in, naming the field by its label.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>

#include "engine/clock.h"
#include "engine/definitions/form.h"
#include "engine/directory.h"

namespace souhra {
namespace {

std::string Q(const std::string& label) { return "„" + label + "“"; }

// A count with its noun in the Czech plural it takes: 1 znak, 2–4 znaky, 5 znaků.
std::string Count(size_t n, const char* one, const char* few, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : n >= 2 && n <= 4 ? few : many);
}

// 10, 2,5 (Czech decimal comma).
std::string NumberText(double value) {
  char text[32];
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    std::snprintf(text, sizeof text, "%.0f", value);
  } else {
    std::snprintf(text, sizeof text, "%g", value);
  }
  std::string s = text;
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

// The actor kinds of engine/directory.h as a social worker calls them.
std::string KindName(const std::string& kind) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"social_services", "sociální služby"},
      {"health", "zdravotnictví"},
      {"labour_office", "úřad práce"},
      {"school", "školství"},
      {"police", "policie"},
      {"housing", "bydlení"},
      {"debt_advice", "dluhové poradenství"},
      {"municipality", "obec"},
      {"family", "rodina"},
      {"other", "ostatní"}};
  for (const auto& [name, czech] : kNames) {
    if (kind == name) return czech;
  }
  return kind;
}

bool IsEmpty(const Json& value) {
  if (value.is_string()) {
    return value.get_ref<const std::string&>().find_first_not_of(" \t\r\n") == std::string::npos;
  }
  // An empty Lua table arrives as {}: no field takes an object, so it is "nothing given" too.
  return value.is_null() || ((value.is_array() || value.is_object()) && value.empty());
}

// Decodes UTF-8 into code points; false for anything that is not (overlong forms, surrogates and
// values above U+10FFFF included).
bool DecodeUtf8(const std::string& s, std::u32string* out) {
  static const char32_t kLeast[] = {0, 0x80, 0x800, 0x10000};
  for (size_t i = 0; i < s.size();) {
    const unsigned char lead = s[i];
    const int extra = lead < 0x80             ? 0
                      : (lead & 0xE0) == 0xC0 ? 1
                      : (lead & 0xF0) == 0xE0 ? 2
                      : (lead & 0xF8) == 0xF0 ? 3
                                              : -1;
    if (extra < 0 || s.size() - i <= static_cast<size_t>(extra)) return false;
    char32_t cp = extra == 0 ? lead : lead & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
      const unsigned char next = s[i + k];
      if ((next & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (next & 0x3F);
    }
    if (cp < kLeast[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    out->push_back(cp);
    i += extra + 1;
  }
  return true;
}

std::string TextProblem(const FormField& f, const Json& value) {
  if (!value.is_string()) return "Do pole " + Q(f.label) + " zadejte text.";
  std::u32string text;
  if (!DecodeUtf8(value.get_ref<const std::string&>(), &text)) {
    return "Pole " + Q(f.label) + " obsahuje znaky, které nelze uložit. Napište text znovu.";
  }
  const bool multiline = f.type == FieldType::kLongText;
  for (char32_t c : text) {
    const bool line_break = c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
    if (line_break && !multiline) return "Pole " + Q(f.label) + " musí být na jednom řádku.";
    const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
    if (control && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
      return "Pole " + Q(f.label) + " obsahuje řídicí znaky, které nelze uložit. Odstraňte je.";
    }
  }
  if (text.size() <= static_cast<size_t>(f.max_length)) return "";
  return "Zkraťte pole " + Q(f.label) + " na nejvýše " +
         Count(f.max_length, "znak", "znaky", "znaků") + " (teď jich má " +
         std::to_string(text.size()) + ").";
}

// A link reaches external actors in an invitation: a web address they can open, nothing else
// (no javascript:, no file:, no spaces that would let text pass as an address).
std::string LinkProblem(const FormField& f, const Json& value) {
  std::string problem = TextProblem(f, value);
  if (!problem.empty()) return problem;
  const std::string& text = value.get_ref<const std::string&>();
  const size_t scheme = text.starts_with("https://") ? 8 : text.starts_with("http://") ? 7 : 0;
  const bool spaced = text.find_first_of(" \t") != std::string::npos;
  if (scheme == 0 || text.size() == scheme || text[scheme] == '/' || spaced) {
    return "Do pole " + Q(f.label) +
           " zadejte webovou adresu začínající https:// nebo http://, bez mezer.";
  }
  return "";
}

std::string NumberProblem(const FormField& f, const Json& value) {
  const std::string what = f.integer ? "celé číslo" : "číslo";
  if (!value.is_number()) return "Do pole " + Q(f.label) + " zadejte " + what + ".";
  const double n = value.get<double>();
  if (f.integer && n != std::floor(n)) return "Do pole " + Q(f.label) + " zadejte celé číslo.";
  const bool low = f.min && n < *f.min;
  const bool high = f.max && n > *f.max;
  if (!low && !high) return "";
  const std::string start = "Do pole " + Q(f.label) + " zadejte " + what;
  if (f.min && f.max) {
    return start + " od " + NumberText(*f.min) + " do " + NumberText(*f.max) + ".";
  }
  return start + (low ? " alespoň " + NumberText(*f.min) : " nejvýše " + NumberText(*f.max)) + ".";
}

std::string DateProblem(const FormField& f, const Json& value) {
  const std::string format =
      "Do pole " + Q(f.label) + " zadejte datum ve tvaru RRRR-MM-DD, například 2026-04-30.";
  if (!value.is_string()) return format;
  const std::string& s = value.get_ref<const std::string&>();
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return format;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return format;
  }
  const std::chrono::year_month_day date{std::chrono::year(std::stoi(s.substr(0, 4))),
                                         std::chrono::month(std::stoi(s.substr(5, 2))),
                                         std::chrono::day(std::stoi(s.substr(8, 2)))};
  if (date.ok()) return "";
  return "Datum " + s + " v poli " + Q(f.label) + " neexistuje. Zadejte skutečné datum.";
}

std::string DateTimeProblem(const FormField& f, const Json& value) {
  Instant instant;
  if (value.is_string() && ParseIsoInstant(value.get<std::string>(), &instant)) return "";
  return "Do pole " + Q(f.label) +
         " zadejte datum a čas s časovým pásmem, například 2026-04-30T09:00:00+02:00.";
}

const FormOption* FindOption(const FormField& f, const Json& value) {
  if (!value.is_string()) return nullptr;
  for (const FormOption& option : f.options) {
    if (option.value == value.get_ref<const std::string&>()) return &option;
  }
  return nullptr;
}

std::string ChoicesProblem(const FormField& f, const Json& value) {
  if (!value.is_array()) return "V poli " + Q(f.label) + " vyberte možnosti z nabídky.";
  std::set<std::string> seen;
  for (const Json& item : value) {
    const FormOption* option = FindOption(f, item);
    if (!option) return "V poli " + Q(f.label) + " vyberte jen z nabízených možností.";
    if (!seen.insert(option->value).second) {
      return "V poli " + Q(f.label) + " je možnost " + Q(option->label) + " vybraná dvakrát.";
    }
  }
  return "";
}

// user: "user:<login>", actor: "actor:<id>"; with `refs`, someone who may be chosen.
std::string ReferenceProblem(const FormField& f, const Json& value, const FormReferences* refs) {
  const bool user = f.type == FieldType::kUser;
  const std::string prefix = user ? "user:" : "actor:";
  const std::string text = value.is_string() ? value.get<std::string>() : "";
  if (text.starts_with(prefix) && text.size() > prefix.size()) {
    const std::string id = text.substr(prefix.size());
    if (!refs || (user ? refs->IsActiveUser(id, f.role) : refs->IsActor(id, f.kind))) return "";
  }
  if (user) {
    return "V poli " + Q(f.label) + " vyberte aktivního uživatele" +
           (f.role.empty() ? "" : " s rolí " + CzechRoleName(f.role)) + ".";
  }
  return "V poli " + Q(f.label) + " vyberte aktéra z adresáře" +
         (f.kind.empty() ? "" : " (typ: " + KindName(f.kind) + ")") + ".";
}

// What is wrong with the non-empty `value` of a field other than rows; "" when nothing.
std::string ValueProblem(const FormField& f, const Json& value, const FormReferences* refs) {
  switch (f.type) {
    case FieldType::kText:
    case FieldType::kLongText:
    case FieldType::kPlace:
      return TextProblem(f, value);
    case FieldType::kLink:
      return LinkProblem(f, value);
    case FieldType::kNumber:
      return NumberProblem(f, value);
    case FieldType::kDate:
      return DateProblem(f, value);
    case FieldType::kDateTime:
      return DateTimeProblem(f, value);
    case FieldType::kYesNo:
      return value.is_boolean() ? "" : "V poli " + Q(f.label) + " zvolte ano, nebo ne.";
    case FieldType::kChoice:
      return FindOption(f, value)
                 ? ""
                 : "V poli " + Q(f.label) + " vyberte jednu z nabízených možností.";
    case FieldType::kChoices:
      return ChoicesProblem(f, value);
    case FieldType::kUser:
    case FieldType::kActor:
      return ReferenceProblem(f, value, refs);
    case FieldType::kRows:
      break;
  }
  return "";
}

void ValidateFields(const std::vector<FormField>& fields, const Json& object,
                    const std::string& prefix, const FormReferences* refs,
                    std::vector<FieldError>* errors);

void ValidateRows(const FormField& f, const Json& value, const std::string& path,
                  const FormReferences* refs, std::vector<FieldError>* errors) {
  if (!value.is_array()) {
    errors->push_back({path, "Pole " + Q(f.label) + " musí být seznam řádků."});
    return;
  }
  if (value.size() > static_cast<size_t>(f.max_rows)) {
    errors->push_back({path, "Pole " + Q(f.label) + " může mít nejvýše " +
                                 Count(f.max_rows, "řádek", "řádky", "řádků") + "."});
    return;  // checking every row of an oversized list would only bury that message
  }
  if (value.size() < static_cast<size_t>(f.min_rows)) {
    errors->push_back({path, "Pole " + Q(f.label) + " musí mít alespoň " +
                                 Count(f.min_rows, "řádek", "řádky", "řádků") + "."});
  }
  for (size_t i = 0; i < value.size(); ++i) {
    const std::string row = path + "." + std::to_string(i + 1);
    if (value[i].is_object()) {
      ValidateFields(f.fields, value[i], row + ".", refs, errors);
    } else {
      errors->push_back(
          {row, "Řádek " + std::to_string(i + 1) + " v poli " + Q(f.label) + " nelze přečíst."});
    }
  }
}

void ValidateFields(const std::vector<FormField>& fields, const Json& object,
                    const std::string& prefix, const FormReferences* refs,
                    std::vector<FieldError>* errors) {
  for (const FormField& f : fields) {
    const std::string path = prefix + f.name;
    auto it = object.find(f.name);
    if (it == object.end() || IsEmpty(*it)) {
      if (f.required) errors->push_back({path, "Vyplňte pole " + Q(f.label) + "."});
    } else if (f.type == FieldType::kRows) {
      ValidateRows(f, *it, path, refs, errors);
    } else if (std::string problem = ValueProblem(f, *it, refs); !problem.empty()) {
      errors->push_back({path, std::move(problem)});
    }
  }
  // Undeclared data never passes: a case holds only what its workflow asks for.
  for (const auto& item : object.items()) {
    const std::string& key = item.key();
    if (std::none_of(fields.begin(), fields.end(),
                     [&key](const FormField& f) { return f.name == key; })) {
      errors->push_back({prefix + key, "Pole " + Q(key) + " formulář nezná."});
    }
  }
}

}  // namespace

std::vector<FieldError> ValidateForm(const Form& form, const Json& payload,
                                     const FormReferences* refs) {
  if (!payload.is_object()) {
    return {{"", "Formulář nemá správný tvar: chybí hodnoty jeho polí."}};
  }
  std::vector<FieldError> errors;
  ValidateFields(form.fields, payload, "", refs, &errors);
  return errors;
}

Status CheckForm(const Form& form, const Json& payload, const FormReferences* refs) {
  std::vector<FieldError> errors = ValidateForm(form, payload, refs);
  if (errors.empty()) return Status::Ok();
  return Status::InvalidForm("Formulář obsahuje chyby, opravte vyznačená pole.", std::move(errors));
}

}  // namespace souhra
