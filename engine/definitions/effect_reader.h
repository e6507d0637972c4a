// Turns effect values (task { … }, timer { … }, …, or a function) into Effects and checks them.
//
// The same reader serves the loader (effects written in enter/exit/run) and the ScriptHost
// (effects an action function returns at run time), so both are held to the same rules.
#pragma once

#include <string>
#include <vector>

#include "engine/definitions/definition.h"
#include "engine/definitions/definition_loader.h"
#include "engine/definitions/diagnostics.h"

namespace souhra {

// What effects may refer to in their definition.
struct EffectScope {
  const Json& params;     // durations may name a param
  const Json& templates;  // notify { template = … }
  const ValidationContext& context;
};

// The constructor names of effects, in the order the language documents them.
const std::vector<std::string>& EffectConstructors();

// Reads `value` at `path`: one effect, a function (an Effect of kind kRun), or a list of them.
// Problems go to `sink`, prefixed with `context`; effects that could be read are appended to `out`.
void ReadEffects(const Json& value, const KeyPath& path, int line, const std::string& context,
                 const EffectScope& scope, Diagnostics* sink, std::vector<Effect>* out);

// True when `text` names a field of case data by a dotted path ("plan.review_date"): lower-case
// letters, digits and '_', with '.' between the parts. A task's `due` may name one holding a day.
bool IsDataPath(const std::string& text);

// Checks a duration field: a literal duration or the name of a param holding one.
void CheckDuration(const Checker& at, const std::string& key, const Json& params);

}  // namespace souhra
