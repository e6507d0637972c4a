#include "app/flags.h"

#include <charconv>

namespace souhra {

Flags::Flags(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0) {
      positional_.push_back(arg);
      continue;
    }
    const size_t eq = arg.find('=');
    if (eq != std::string::npos) {
      values_[arg.substr(0, eq)] = arg.substr(eq + 1);
    } else if (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) {
      values_[arg] = args[++i];
    } else {
      values_[arg] = "";
    }
  }
}

std::string Flags::Get(const std::string& name, const std::string& fallback) {
  used_.insert(name);
  auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

int Flags::GetInt(const std::string& name, int fallback) {
  const std::string text = Get(name, "");
  if (text.empty()) return fallback;
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    errors_.push_back(name + " expects a whole number, not '" + text + "'");
    return fallback;
  }
  return value;
}

bool Flags::Has(const std::string& name) {
  used_.insert(name);
  return values_.count(name) != 0;
}

bool Flags::Finish(std::ostream& err) {
  for (const auto& [name, value] : values_) {
    if (used_.count(name) == 0) errors_.push_back("unknown option " + name);
  }
  for (const std::string& e : errors_) err << "souhra: " << e << "\n";
  return errors_.empty();
}

}  // namespace souhra
