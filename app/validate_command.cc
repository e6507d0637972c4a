#include "app/validate_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "engine/definition_loader.h"

namespace souhra {
namespace {

bool ReadFile(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream out;
  out << in.rdbuf();
  *text = out.str();
  return !in.bad();
}

// Names every file defines. A file that does not load contributes its file name, so that a
// reference to it is not reported on top of its own errors.
ValidationContext ContextOf(const std::vector<std::string>& files,
                            const std::vector<std::string>& sources) {
  ValidationContext context;
  for (size_t i = 0; i < files.size(); ++i) {
    auto loaded = LoadDefinition(files[i], sources[i], SandboxLimits{}, ValidationContext{});
    if (loaded.ok() && loaded->workflow) {
      context.workflows.insert(loaded->name());
    } else if (loaded.ok()) {
      context.rule_sets.insert(loaded->name());
    } else {
      std::string stem = std::filesystem::path(files[i]).stem().string();
      context.workflows.insert(stem);
      context.rule_sets.insert(stem);
    }
  }
  return context;
}

}  // namespace

int ValidateCommand(const std::vector<std::string>& files) {
  if (files.empty()) {
    std::cerr << "usage: souhra validate FILE.lua...\n";
    return 2;
  }
  std::vector<std::string> sources(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    if (!ReadFile(files[i], &sources[i])) {
      std::cerr << "souhra validate: cannot read '" << files[i] << "'\n";
      return 2;
    }
  }
  ValidationContext context = ContextOf(files, sources);
  int invalid = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    std::vector<Diagnostic> diagnostics;
    auto loaded = LoadDefinition(files[i], sources[i], SandboxLimits{}, context, &diagnostics);
    if (loaded.ok()) continue;
    ++invalid;
    if (diagnostics.empty()) std::cerr << files[i] << ": " << loaded.status().message() << "\n";
    for (const Diagnostic& d : diagnostics) std::cerr << d.ToString() << "\n";
  }
  if (invalid > 0) {
    std::cerr << invalid << " of " << files.size() << " files invalid\n";
    return 1;
  }
  std::cout << "ok: " << files.size() << (files.size() == 1 ? " file\n" : " files\n");
  return 0;
}

}  // namespace souhra
