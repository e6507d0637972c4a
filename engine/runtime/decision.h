// Evaluating a rule set for a case: every criterion's outcome is kept, so that a case manager
// and an auditor can read why a decision came out as it did.
#pragma once

#include "engine/definitions/definition.h"
#include "engine/status.h"

namespace souhra {

// Runs every criterion of `rules` against `case_view` and returns
//   {rule_set, version, eligible, score, min_score, explanation,
//    criteria: [{id, title, mandatory, weight, passed, explanation}]}
// Eligible when every mandatory criterion passed and the score of the passed weighted criteria
// reaches min_score. Script failures are returned as errors naming the criterion's file:line.
// With decide = "any", eligible when at least one criterion passed (explanation names them).
// `request`, when given, is passed to each check as its third argument.
Result<Json> Decide(const RuleSet& rules, const Json& case_view, const Json* request = nullptr);

}  // namespace souhra
