#include "engine/runtime/decision.h"

#include <string>

namespace souhra {

Result<Json> Decide(const RuleSet& rules, const Json& case_view, const Json* request) {
  Json criteria = Json::array();
  bool mandatory_ok = true;
  double score = 0;
  std::string failed_mandatory;
  std::string passed_any;  // for decide = "any": the grounds that hold, with their explanation
  for (const Criterion& criterion : rules.criteria) {
    SOUHRA_ASSIGN_OR_RETURN(
        ScriptHost::CheckResult check,
        request != nullptr
            ? rules.scripts->CheckRequest(criterion.check, case_view, rules.params, *request)
            : rules.scripts->Check(criterion.check, case_view, rules.params));
    if (check.passed) score += criterion.weight;
    if (check.passed) {
      passed_any += (passed_any.empty() ? "" : "; ") + criterion.title;
      if (!check.explanation.empty()) passed_any += " (" + check.explanation + ")";
    }
    if (criterion.mandatory && !check.passed) {
      mandatory_ok = false;
      if (!failed_mandatory.empty()) failed_mandatory += ", ";
      failed_mandatory += criterion.title;
    }
    criteria.push_back({{"id", criterion.id},
                        {"title", criterion.title},
                        {"mandatory", criterion.mandatory},
                        {"weight", criterion.weight},
                        {"passed", check.passed},
                        {"explanation", check.explanation}});
  }
  const bool eligible =
      rules.decide_any ? !passed_any.empty() : mandatory_ok && score >= rules.min_score;
  std::string explanation;
  if (rules.decide_any) {
    std::string refused;
    for (const Json& c : criteria) {
      const std::string why = c["explanation"].get<std::string>();
      if (!why.empty()) refused += (refused.empty() ? "" : " ") + why;
    }
    explanation = eligible ? "Povoleno: " + passed_any + "."
                           : "Nesplněno žádné z kritérií. " + refused;
  } else if (eligible) {
    explanation = "Splněna všechna povinná kritéria; skóre " + Json(score).dump() + " z potřebných " +
                  Json(rules.min_score).dump() + ".";
  } else if (!mandatory_ok) {
    explanation = "Nesplněna povinná kritéria: " + failed_mandatory + ".";
  } else {
    explanation = "Skóre " + Json(score).dump() + " nedosahuje potřebných " +
                  Json(rules.min_score).dump() + ".";
  }
  return Json{{"rule_set", rules.name},     {"version", rules.content_hash},
              {"eligible", eligible},       {"score", score},
              {"min_score", rules.min_score}, {"explanation", explanation},
              {"criteria", std::move(criteria)}};
}

}  // namespace souhra
