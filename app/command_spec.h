// What a subcommand of `souhra` declares about itself, once: a one-line summary, how it is called,
// its options and an example, in Czech and English. Flags (flags.h) parses and validates the
// command line by the declaration and help.h prints it, so the two cannot disagree.
//
// A new command writes `const CommandSpec& XSpec()` beside its `XCommand`, registers both in
// commands.cc, and reads its options with `Flags flags(XSpec(), args)`.
#pragma once

#include <string>
#include <vector>

namespace souhra {

enum class Language { kCzech, kEnglish };

// Czech unless the environment has SOUHRA_LANG starting with "en" (docs/operations.md).
Language UserLanguage();

// A text a person reads, in both languages.
struct Text {
  std::string cs;
  std::string en;
  const std::string& In(Language language) const {
    return language == Language::kEnglish ? en : cs;
  }
};

struct OptionSpec {
  std::string name;  // "--db"
  Text value;        // the placeholder of its value ({"SOUBOR", "FILE"}); empty for a switch
  Text help;         // what it does, one line
  std::string fallback = "";  // the value when not given, shown in help; "" when none
  bool is_switch() const { return value.cs.empty(); }
};

struct CommandSpec {
  std::string name;  // "serve"; a verb with its own options: "bench timers"
  Text summary;      // one line, for `souhra help`
  Text usage;  // what follows "souhra <name> ", e.g. {"[volby] SOUBOR…", "[options] FILE…"}
  std::vector<OptionSpec> options;
  std::vector<std::string> examples;  // whole command lines
  Text notes = {};                    // more, when the usage needs explaining; may be empty
  // Verbs that declare their own options (`souhra bench timers --help`).
  std::vector<const CommandSpec*> verbs = {};
};

}  // namespace souhra
