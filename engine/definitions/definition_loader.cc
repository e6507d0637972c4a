#include "engine/definitions/definition_loader.h"

#include <sodium.h>

#include <cstdlib>
#include <mutex>

#include "engine/definitions/definition_extension.h"
#include "engine/definitions/diagnostics.h"
#include "engine/definitions/effect_reader.h"
#include "engine/definitions/lua_script_host.h"
#include "engine/definitions/rule_set_reader.h"
#include "engine/definitions/source_map.h"
#include "engine/definitions/workflow_reader.h"
#include "engine/lua/lua_sandbox.h"

namespace souhra {

std::string Sha256Hex(const std::string& text) {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // libsodium cannot work at all: nothing to recover
  });
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

namespace {

// Splits a sandbox message "file:line: text" into a diagnostic; other messages go to line 1.
void AddScriptFailure(const Status& status, Diagnostics* sink) {
  const std::string& m = status.message();
  std::string first = m.substr(0, m.find('\n'));
  std::string prefix = sink->file() + ":";
  if (first.starts_with(prefix)) {
    size_t colon = first.find(": ", prefix.size());
    std::string digits = first.substr(prefix.size(), colon - prefix.size());
    if (colon != std::string::npos && !digits.empty() &&
        digits.find_first_not_of("0123456789") == std::string::npos) {
      sink->AddAt(std::stoi(digits), first.substr(colon + 2));
      return;
    }
  }
  sink->AddAt(1, first);
}

Status Register(LuaSandbox& sandbox) {
  for (const char* name : {"workflow", "rules", "criterion"}) {
    SOUHRA_RETURN_IF_ERROR(sandbox.AddConstructor(name));
  }
  for (const std::string& name : EffectConstructors()) {
    SOUHRA_RETURN_IF_ERROR(sandbox.AddConstructor(name));
  }
  static const std::string kExtend = "extend";
  return sandbox.AddNamedConstructor(kExtend);
}

Status Failure(const Diagnostics& sink, std::vector<Diagnostic>* diagnostics) {
  std::string message;
  for (const Diagnostic& d : sink.Sorted()) {
    message += (message.empty() ? "" : "\n") + d.ToString();
    if (diagnostics) diagnostics->push_back(d);
  }
  return InvalidArgument(message);
}

}  // namespace

std::string Diagnostic::ToString() const { return pos.ToString() + ": " + message; }

const std::set<std::string>& KnownRoles() {
  static const std::set<std::string> roles = {
      "social_worker", "case_manager", "coordinator", "head", "methodologist", "guardian", "admin"};
  return roles;
}

const std::string& LoadedDefinition::name() const {
  return workflow ? workflow->name : rule_set->name;
}

DefinitionHead PeekDefinition(const std::string& file, const std::string& source,
                              const SandboxLimits& limits) {
  Result<std::unique_ptr<LuaSandbox>> sandbox =
      LuaSandbox::Create(limits.memory_bytes, limits.instructions);
  if (!sandbox.ok() || !Register(**sandbox).ok()) return {};
  Result<Json> value = (*sandbox)->RunFile(file, source);
  if (!value.ok() || !value->is_object()) return {};
  const std::string kind = KindOf(*value);
  const Json& name = kind == "extend" ? (*value)["$base"] : value->value("name", Json());
  return {kind, name.is_string() ? name.get<std::string>() : ""};
}

namespace {

// Runs the base and the extension of a composed source in one sandbox and merges them. Problems
// of the base are reported in the base's file, those of the extension in the extension's.
Result<Json> RunComposite(LuaSandbox& sandbox, const std::string& file, const CompositeParts& parts,
                          const SourceMap& extension_map, Diagnostics* base_sink, Diagnostics* sink,
                          std::vector<ExtensionOrigin>* origins) {
  Result<Json> base = sandbox.RunFile(parts.base_file, parts.base_source);
  if (!base.ok()) {
    AddScriptFailure(base.status(), base_sink);
    return InvalidArgument("base failed");
  }
  Result<Json> extension = sandbox.RunFile(file, parts.extension_source);
  if (!extension.ok()) {
    AddScriptFailure(extension.status(), sink);
    return InvalidArgument("extension failed");
  }
  const int line = extension_map.return_line() ? extension_map.return_line() : 1;
  if (KindOf(*extension) != "extend") {
    sink->AddAt(line, "a tenant's file over a shipped one must return extend \"name\" { ... }");
    return InvalidArgument("not an extension");
  }
  const std::string kind = KindOf(*base);
  const std::string name = base->value("name", "");
  if (extension->value("$base", "") != name || (kind != "workflow" && kind != "rules")) {
    sink->AddAt(line, "extend \"" + extension->value("$base", "") + "\": the base " +
                          parts.base_file + " defines '" + name + "'");
    return InvalidArgument("wrong base");
  }
  std::vector<std::pair<KeyPath, std::string>> problems;
  Json merged = MergeExtension(*base, *extension, origins, &problems);
  for (const auto& [path, message] : problems) {
    sink->AddAt(extension_map.Line(path) ? extension_map.Line(path) : line, message);
  }
  if (!sink->empty()) return InvalidArgument("extension invalid");
  return merged;
}

}  // namespace

Result<LoadedDefinition> LoadDefinition(const std::string& file, const std::string& source,
                                        const SandboxLimits& limits,
                                        const ValidationContext& context,
                                        std::vector<Diagnostic>* diagnostics) {
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<LuaSandbox> sandbox,
                          LuaSandbox::Create(limits.memory_bytes, limits.instructions));
  SOUHRA_RETURN_IF_ERROR(Register(*sandbox));
  CompositeParts parts;
  const bool composite = SplitComposite(source, &parts);
  SourceMap map = SourceMap::Build(composite ? parts.extension_source : source);
  SourceMap base_map = SourceMap::Build(parts.base_source);
  // A merged value's paths are the base's, except what the extension brought (overlays).
  Diagnostics base_sink(parts.base_file, &base_map);
  Diagnostics extension_sink(file, &map);
  Diagnostics& sink = composite ? base_sink : extension_sink;
  std::vector<ExtensionOrigin> origins;
  Result<Json> value =
      composite ? RunComposite(*sandbox, file, parts, map, &base_sink, &extension_sink, &origins)
                : sandbox->RunFile(file, source);
  if (!value.ok()) {
    if (composite) return Failure(base_sink.empty() ? extension_sink : base_sink, diagnostics);
    AddScriptFailure(value.status(), &sink);
    return Failure(sink, diagnostics);
  }
  for (ExtensionOrigin& o : origins) base_sink.Overlay(std::move(o.merged), o.source, file, &map);
  std::string kind = KindOf(*value);
  LoadedDefinition loaded;
  if (kind == "workflow") {
    auto workflow = std::make_shared<Workflow>();
    ReadWorkflow(*value, context, &sink, workflow.get());
    if (!sink.empty()) return Failure(sink, diagnostics);
    workflow->file = file;
    workflow->content_hash = Sha256Hex(source);
    workflow->script_dates =
        source.find("today") != std::string::npos || source.find("dates") != std::string::npos;
    workflow->scripts = std::make_shared<LuaScriptHost>(std::move(sandbox), file, workflow->params,
                                                        workflow->templates, context);
    loaded.workflow = std::move(workflow);
  } else if (kind == "rules") {
    auto rule_set = std::make_shared<RuleSet>();
    ReadRuleSet(*value, &sink, rule_set.get());
    if (!sink.empty()) return Failure(sink, diagnostics);
    rule_set->file = file;
    rule_set->content_hash = Sha256Hex(source);
    rule_set->scripts = std::make_shared<LuaScriptHost>(std::move(sandbox), file, rule_set->params,
                                                        Json::object(), context);
    loaded.rule_set = std::move(rule_set);
  } else if (kind == "extend") {
    sink.AddAt(map.return_line() ? map.return_line() : 1,
               "extend \"" + value->value("$base", "") +
                   "\": no shipped definition of that name to extend among the files given");
    return Failure(sink, diagnostics);
  } else {
    sink.AddAt(map.return_line() ? map.return_line() : 1,
               "the file must return workflow { ... } or rules { ... }");
    return Failure(sink, diagnostics);
  }
  return loaded;
}

}  // namespace souhra
