// Parsing of "--name value" command-line flags for the subcommands.
#pragma once

#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace souhra {

class Flags {
 public:
  // Splits `args` into "--name value" pairs and positional arguments.
  explicit Flags(const std::vector<std::string>& args);

  std::string Get(const std::string& name, const std::string& fallback);
  int GetInt(const std::string& name, int fallback);
  bool Has(const std::string& name);  // a flag without a value, e.g. --json
  const std::vector<std::string>& positional() const { return positional_; }
  // Reports unknown flags and bad values; false when there were any.
  bool Finish(std::ostream& err);

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> used_;
  std::vector<std::string> positional_;
  std::vector<std::string> errors_;
};

}  // namespace souhra
