// The command line of one subcommand, parsed by what the command declares (command_spec.h):
// "--name value", "--name=value", a switch alone ("--json"); every other word is positional.
// An option the command does not declare, a switch given a value, an option without its value
// and a number that is not one are errors that Finish prints, naming the options there are.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "app/command_spec.h"

namespace souhra {

class Flags {
 public:
  // `spec` must outlive the Flags.
  Flags(const CommandSpec& spec, const std::vector<std::string>& args,
        Language language = UserLanguage());

  // The option's value, else its declared fallback. Asking for an undeclared option is a bug in
  // the command and aborts.
  std::string Get(const std::string& name);
  // Get as a whole number; the fallback when the text is not one (and Finish then fails).
  int GetInt(const std::string& name);
  // Whether the switch was given.
  bool Has(const std::string& name);
  const std::vector<std::string>& positional() const { return positional_; }
  // Prints every error as "souhra <command>: …" with a pointer to --help; false when there were
  // any.
  bool Finish(std::ostream& err);

 private:
  const OptionSpec& Declared(const std::string& name) const;
  const OptionSpec* Find(const std::string& name) const;
  void Unknown(const std::string& name);

  const CommandSpec& spec_;
  Language language_;
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
  std::vector<std::string> errors_;
};

// True when `args` ask for help: "--help" or "-h" anywhere.
bool AsksForHelp(const std::vector<std::string>& args);

}  // namespace souhra
