#include "app/validate_command.h"

#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "app/flags.h"
#include "app/help.h"
#include "app/text_file.h"
#include "engine/definitions/definition_extension.h"
#include "engine/definitions/definition_loader.h"

namespace souhra {
namespace {

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

// Adds the names of every definition in root/workflows and root/rules to `context`.
void AddShippedNames(const std::filesystem::path& root, ValidationContext* context) {
  for (const char* kind : {"workflows", "rules"}) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(root / kind, error)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".lua") continue;
      Result<std::string> source = ReadTextFile(entry.path().string());
      if (!source.ok()) continue;
      DefinitionHead head = PeekDefinition(entry.path().string(), *source, SandboxLimits{});
      if (head.kind == "workflow") context->workflows.insert(head.name);
      if (head.kind == "rules") context->rule_sets.insert(head.name);
    }
  }
}

// The shipped file a tenant's file `file` may extend: X/workflows/tenants/<id>/f.lua looks in
// X/workflows/ and X/rules/ for <name>.lua.
std::string ShippedFileOf(const std::string& file, const std::string& name) {
  std::filesystem::path root = std::filesystem::path(file).parent_path().parent_path();
  if (root.filename() != "tenants") return "";
  root = root.parent_path().parent_path();
  for (const char* kind : {"workflows", "rules"}) {
    std::filesystem::path candidate = root / kind / (name + ".lua");
    if (std::filesystem::is_regular_file(candidate)) return candidate.string();
  }
  return "";
}

// Each extension's source composed over its base: a whole definition of that name among the
// files given, else the shipped file beside the tenant's directory.
Status ResolveExtensions(const std::vector<std::string>& files, std::vector<std::string>* sources,
                         std::set<std::string>* shipped_used) {
  std::map<std::string, size_t> whole;
  std::vector<DefinitionHead> heads;
  for (size_t i = 0; i < files.size(); ++i) {
    heads.push_back(PeekDefinition(files[i], (*sources)[i], SandboxLimits{}));
    if (heads.back().kind != "extend" && !heads.back().name.empty()) {
      whole.emplace(heads.back().name, i);
    }
  }
  for (size_t i = 0; i < files.size(); ++i) {
    if (heads[i].kind != "extend") continue;
    auto base = whole.find(heads[i].name);
    if (base != whole.end()) {
      (*sources)[i] =
          ComposeExtension(files[base->second], (*sources)[base->second], (*sources)[i]);
      continue;
    }
    const std::string shipped = ShippedFileOf(files[i], heads[i].name);
    if (shipped.empty()) continue;  // the loader reports the missing base
    shipped_used->insert(shipped);
    SOUHRA_ASSIGN_OR_RETURN(std::string base_source, ReadTextFile(shipped));
    (*sources)[i] = ComposeExtension(shipped, base_source, (*sources)[i]);
  }
  return Status::Ok();
}

}  // namespace

const CommandSpec& ValidateSpec() {
  static const CommandSpec spec{
      .name = "validate",
      .summary = {"zkontroluje workflow a pravidla, chyby s řádkem a návrhem opravy",
                  "checks workflows and rule sets, errors with a line and a suggestion"},
      .usage = {"SOUBOR.lua…", "FILE.lua…"},
      .options = {},
      .examples = {"souhra validate workflows/*.lua rules/*.lua",
                   "souhra validate workflows/tenants/dolni_brod/*.lua"},
  };
  return spec;
}

int ValidateCommand(const std::vector<std::string>& args) {
  Flags flags(ValidateSpec(), args);
  if (!flags.Finish(std::cerr)) return 2;
  const std::vector<std::string>& files = flags.positional();
  if (files.empty()) return UsageError(ValidateSpec(), std::cerr);
  std::vector<std::string> sources(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    Result<std::string> source = ReadTextFile(files[i]);
    if (!source.ok()) {
      std::cerr << "souhra validate: " << source.status().message() << "\n";
      return 2;
    }
    sources[i] = std::move(*source);
  }
  std::set<std::string> shipped_used;
  if (Status s = ResolveExtensions(files, &sources, &shipped_used); !s.ok()) {
    std::cerr << "souhra validate: " << s.message() << "\n";
    return 2;
  }
  ValidationContext context = ContextOf(files, sources);
  // A tenant's file checked on its own may refer to every shipped definition beside it.
  for (const std::string& shipped : shipped_used) {
    AddShippedNames(std::filesystem::path(shipped).parent_path().parent_path(), &context);
  }
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
