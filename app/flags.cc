#include "app/flags.h"

#include <charconv>
#include <cstdlib>
#include <iostream>

#include "engine/definitions/diagnostics.h"

namespace souhra {

Language UserLanguage() {
  const char* lang = std::getenv("SOUHRA_LANG");
  return lang != nullptr && std::string(lang).starts_with("en") ? Language::kEnglish
                                                                : Language::kCzech;
}

Flags::Flags(const CommandSpec& spec, const std::vector<std::string>& args, Language language)
    : spec_(spec), language_(language) {
  const bool en = language_ == Language::kEnglish;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!arg.starts_with("--")) {
      positional_.push_back(arg);
      continue;
    }
    const size_t eq = arg.find('=');
    const std::string name = arg.substr(0, eq);
    const OptionSpec* option = Find(name);
    if (option == nullptr) {
      Unknown(name);
    } else if (option->is_switch()) {
      if (eq != std::string::npos) {
        errors_.push_back(en ? "option " + name + " takes no value"
                             : "volba " + name + " nemá hodnotu");
      }
      values_[name] = "";
    } else if (eq != std::string::npos) {
      values_[name] = arg.substr(eq + 1);
    } else if (i + 1 < args.size() && !args[i + 1].starts_with("--")) {
      values_[name] = args[++i];
    } else {
      errors_.push_back(en ? "option " + name + " needs a value (" + option->value.en + ")"
                           : "volba " + name + " potřebuje hodnotu (" + option->value.cs + ")");
    }
  }
}

const OptionSpec* Flags::Find(const std::string& name) const {
  for (const OptionSpec& option : spec_.options) {
    if (option.name == name) return &option;
  }
  return nullptr;
}

const OptionSpec& Flags::Declared(const std::string& name) const {
  const OptionSpec* option = Find(name);
  if (option == nullptr) {
    std::cerr << "souhra " << spec_.name << ": internal error: option " << name
              << " is not declared\n";
    std::abort();
  }
  return *option;
}

void Flags::Unknown(const std::string& name) {
  std::vector<std::string> names;
  std::string known;
  for (const OptionSpec& option : spec_.options) {
    names.push_back(option.name);
    known += option.name + ", ";
  }
  known += "--help";
  const std::string closest = Closest(name, names);
  if (language_ == Language::kEnglish) {
    errors_.push_back("unknown option " + name +
                      (closest.empty() ? "" : " (did you mean " + closest + "?)") + "; " +
                      spec_.name + " knows: " + known);
  } else {
    errors_.push_back("neznámá volba " + name +
                      (closest.empty() ? "" : " (myslíte " + closest + "?)") + "; příkaz " +
                      spec_.name + " zná: " + known);
  }
}

std::string Flags::Get(const std::string& name) {
  const OptionSpec& option = Declared(name);
  auto it = values_.find(name);
  return it == values_.end() ? option.fallback : it->second;
}

int Flags::GetInt(const std::string& name) {
  const std::string text = Get(name);
  const int fallback = std::atoi(Declared(name).fallback.c_str());
  if (text.empty()) return fallback;
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    errors_.push_back(language_ == Language::kEnglish
                          ? "option " + name + " expects a whole number, not '" + text + "'"
                          : "volba " + name + " čeká celé číslo, ne „" + text + "“");
    return fallback;
  }
  return value;
}

bool Flags::Has(const std::string& name) {
  Declared(name);
  return values_.count(name) != 0;
}

bool Flags::Finish(std::ostream& err) {
  for (const std::string& e : errors_) err << "souhra " << spec_.name << ": " << e << "\n";
  if (!errors_.empty()) {
    err << (language_ == Language::kEnglish ? "Help: souhra " : "Nápověda: souhra ") << spec_.name
        << " --help\n";
  }
  return errors_.empty();
}

bool AsksForHelp(const std::vector<std::string>& args) {
  for (const std::string& arg : args) {
    if (arg == "--help" || arg == "-h") return true;
  }
  return false;
}

}  // namespace souhra
