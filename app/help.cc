#include "app/help.h"

#include <algorithm>

namespace souhra {
namespace {

constexpr size_t kOptionColumn = 26;

std::string OptionLabel(const OptionSpec& option, Language language) {
  return option.is_switch() ? option.name : option.name + " " + option.value.In(language);
}

void PrintRow(std::ostream& out, const std::string& label, const std::string& text) {
  out << "  " << label;
  // The column counts characters people see, not UTF-8 bytes.
  size_t width = 0;
  for (unsigned char c : label) width += (c & 0xC0) != 0x80;
  if (width + 2 >= kOptionColumn) {
    out << "\n" << std::string(kOptionColumn, ' ');
  } else {
    out << std::string(kOptionColumn - 2 - width, ' ');
  }
  out << text << "\n";
}

}  // namespace

void PrintCommandHelp(const CommandSpec& spec, Language language, std::ostream& out) {
  const bool en = language == Language::kEnglish;
  out << "souhra " << spec.name << " — " << spec.summary.In(language) << "\n\n"
      << (en ? "Usage: souhra " : "Použití: souhra ") << spec.name << " " << spec.usage.In(language)
      << "\n";
  if (!spec.notes.In(language).empty()) out << "\n" << spec.notes.In(language) << "\n";
  out << (en ? "\nOptions:\n" : "\nVolby:\n");
  for (const OptionSpec& option : spec.options) {
    std::string text = option.help.In(language);
    if (!option.fallback.empty())
      text += (en ? " (default: " : " (výchozí: ") + option.fallback + ")";
    PrintRow(out, OptionLabel(option, language), text);
  }
  PrintRow(out, "-h, --help", en ? "this help" : "vypíše tuto nápovědu");
  for (const CommandSpec* verb : spec.verbs) {
    out << "\n"
        << (en ? "Also: souhra " : "Také: souhra ") << verb->name << " — "
        << verb->summary.In(language) << " (souhra " << verb->name << " --help)\n";
  }
  out << (spec.examples.size() == 1 ? (en ? "\nExample:\n" : "\nPříklad:\n")
                                    : (en ? "\nExamples:\n" : "\nPříklady:\n"));
  for (const std::string& example : spec.examples) out << "  " << example << "\n";
  if (!en) out << "\nIn English: SOUHRA_LANG=en souhra " << spec.name << " --help\n";
}

int UsageError(const CommandSpec& spec, std::ostream& err, Language language) {
  const bool en = language == Language::kEnglish;
  err << (en ? "Usage: souhra " : "Použití: souhra ") << spec.name << " " << spec.usage.In(language)
      << "\n"
      << (en ? "Help: souhra " : "Nápověda: souhra ") << spec.name << " --help\n";
  return 2;
}

void PrintCommandList(const std::vector<const CommandSpec*>& specs, Language language,
                      std::ostream& out) {
  const bool en = language == Language::kEnglish;
  out << (en ? "Usage: souhra <command> [options]\n\nCommands:\n"
             : "Použití: souhra <příkaz> [volby]\n\nPříkazy:\n");
  size_t width = 0;
  for (const CommandSpec* spec : specs) width = std::max(width, spec->name.size());
  for (const CommandSpec* spec : specs) {
    out << "  " << spec->name << std::string(width + 2 - spec->name.size(), ' ')
        << spec->summary.In(language) << "\n";
  }
  out << (en ? "\nEach command explains itself: souhra <command> --help\n"
             : "\nKaždý příkaz vysvětlí své volby: souhra <příkaz> --help\n"
               "In English: SOUHRA_LANG=en souhra help\n");
}

}  // namespace souhra
