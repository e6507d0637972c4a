#include "engine/definition_loader.h"

#include <sodium.h>

#include <cstdlib>
#include <mutex>

#include "engine/diagnostics.h"
#include "engine/effect_reader.h"
#include "engine/lua_sandbox.h"
#include "engine/lua_script_host.h"
#include "engine/rule_set_reader.h"
#include "engine/source_map.h"
#include "engine/workflow_reader.h"

namespace souhra {
namespace {

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
  return Status::Ok();
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
  static const std::set<std::string> roles = {"social_worker", "case_manager", "coordinator", "head",
                                              "methodologist", "guardian",     "admin"};
  return roles;
}

const std::string& LoadedDefinition::name() const {
  return workflow ? workflow->name : rule_set->name;
}

Result<LoadedDefinition> LoadDefinition(const std::string& file, const std::string& source,
                                        const SandboxLimits& limits,
                                        const ValidationContext& context,
                                        std::vector<Diagnostic>* diagnostics) {
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<LuaSandbox> sandbox,
                          LuaSandbox::Create(limits.memory_bytes, limits.instructions));
  SOUHRA_RETURN_IF_ERROR(Register(*sandbox));
  SourceMap map = SourceMap::Build(source);
  Diagnostics sink(file, &map);
  Result<Json> value = sandbox->RunFile(file, source);
  if (!value.ok()) {
    AddScriptFailure(value.status(), &sink);
    return Failure(sink, diagnostics);
  }
  std::string kind = KindOf(*value);
  LoadedDefinition loaded;
  if (kind == "workflow") {
    auto workflow = std::make_shared<Workflow>();
    ReadWorkflow(*value, context, &sink, workflow.get());
    if (!sink.empty()) return Failure(sink, diagnostics);
    workflow->file = file;
    workflow->content_hash = Sha256Hex(source);
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
  } else {
    sink.AddAt(map.return_line() ? map.return_line() : 1,
               "the file must return workflow { ... } or rules { ... }");
    return Failure(sink, diagnostics);
  }
  return loaded;
}

}  // namespace souhra
