// The ScriptHost of a loaded definition: calls its Lua functions in the definition's own sandbox.
//
// Case views and events are copied into fresh Lua tables for every call, so a script cannot keep
// or change anything between calls. Effects an action returns are read by the same code that reads
// effects at load time, against the definition's params and templates.
#pragma once

#include <memory>
#include <string>

#include "engine/definitions/definition.h"
#include "engine/definitions/definition_loader.h"
#include "engine/lua/lua_sandbox.h"

namespace souhra {

class LuaScriptHost : public ScriptHost {
 public:
  LuaScriptHost(std::unique_ptr<LuaSandbox> sandbox, std::string file, Json params, Json templates,
                ValidationContext context);

  Result<bool> Guard(const ScriptFunction& fn, const Json& case_view, const Json& event) override;
  Result<std::vector<Effect>> Action(const ScriptFunction& fn, const Json& case_view,
                                     const Json& event) override;
  Result<CheckResult> Check(const ScriptFunction& fn, const Json& case_view,
                            const Json& params) override;
  Result<CheckResult> CheckRequest(const ScriptFunction& fn, const Json& case_view,
                                   const Json& params, const Json& request) override;

 private:
  std::unique_ptr<LuaSandbox> sandbox_;
  std::string file_;
  Json params_;
  Json templates_;
  ValidationContext context_;
};

}  // namespace souhra
