// Builds a RuleSet from the value of `rules { … }` and checks it: keys, types, criteria with an id
// and a check function, no duplicate ids. Problems go to the Diagnostics.
#pragma once

#include "engine/definitions/definition.h"
#include "engine/definitions/diagnostics.h"

namespace souhra {

void ReadRuleSet(const Json& value, Diagnostics* sink, RuleSet* out);

}  // namespace souhra
