#include "engine/definitions/lua_script_host.h"

#include "engine/definitions/diagnostics.h"
#include "engine/definitions/effect_reader.h"

namespace souhra {
namespace {

bool Truthy(const Json& value) { return !value.is_null() && value != false; }

Status Unexpected(const ScriptFunction& fn, const std::string& what) {
  return InvalidArgument(fn.pos.ToString() + ": " + what);
}

// A check's (passed, explanation).
Result<ScriptHost::CheckResult> CheckResults(const ScriptFunction& fn,
                                             const std::vector<Json>& results) {
  if (!results[0].is_boolean()) {
    return Unexpected(fn, "check must return true or false, not a " + LuaTypeName(results[0]));
  }
  if (!results[1].is_null() && !results[1].is_string()) {
    return Unexpected(fn, "check's explanation must be a string, not a " + LuaTypeName(results[1]));
  }
  return ScriptHost::CheckResult{results[0].get<bool>(),
                                 results[1].is_string() ? results[1].get<std::string>() : ""};
}

}  // namespace

LuaScriptHost::LuaScriptHost(std::unique_ptr<LuaSandbox> sandbox, std::string file, Json params,
                             Json templates, ValidationContext context)
    : sandbox_(std::move(sandbox)),
      file_(std::move(file)),
      params_(std::move(params)),
      templates_(std::move(templates)),
      context_(std::move(context)) {}

Result<bool> LuaScriptHost::Guard(const ScriptFunction& fn, const Json& case_view,
                                  const Json& event) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<Json> results,
                          sandbox_->Call(fn.ref, {&case_view, &event}, 1));
  return Truthy(results.front());
}

Result<std::vector<Effect>> LuaScriptHost::Action(const ScriptFunction& fn, const Json& case_view,
                                                  const Json& event) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<Json> results,
                          sandbox_->Call(fn.ref, {&case_view, &event}, 1));
  std::vector<Effect> effects;
  if (results.front().is_null()) return effects;
  Diagnostics sink(fn.pos.file.empty() ? file_ : fn.pos.file, nullptr);  // a tenant's own file
  EffectScope scope{params_, templates_, context_};
  ReadEffects(results.front(), {}, fn.pos.line, "action", scope, &sink, &effects);
  if (sink.empty()) return effects;
  std::string message;
  for (const Diagnostic& d : sink.Sorted()) message += (message.empty() ? "" : "\n") + d.ToString();
  return InvalidArgument(message);
}

Result<ScriptHost::CheckResult> LuaScriptHost::Check(const ScriptFunction& fn,
                                                     const Json& case_view, const Json& params) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<Json> results,
                          sandbox_->Call(fn.ref, {&case_view, &params}, 2));
  return CheckResults(fn, results);
}

Result<ScriptHost::CheckResult> LuaScriptHost::CheckRequest(const ScriptFunction& fn,
                                                            const Json& case_view,
                                                            const Json& params,
                                                            const Json& request) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<Json> results,
                          sandbox_->Call(fn.ref, {&case_view, &params, &request}, 2));
  return CheckResults(fn, results);
}

}  // namespace souhra
