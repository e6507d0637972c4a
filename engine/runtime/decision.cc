#include "engine/runtime/decision.h"

#include <string>

namespace souhra {

namespace {

// The criteria's checks, added up.
struct Tally {
  Json criteria = Json::array();  // each criterion with its result
  bool mandatory_ok = true;
  double score = 0;
  std::string failed_mandatory;  // the titles of the mandatory criteria that failed
  std::string passed_any;  // for decide = "any": the grounds that hold, with their explanation
};

void Count(const Criterion& criterion, const ScriptHost::CheckResult& check, Tally& tally) {
  if (check.passed) {
    tally.score += criterion.weight;
    tally.passed_any += (tally.passed_any.empty() ? "" : "; ") + criterion.title;
    if (!check.explanation.empty()) tally.passed_any += " (" + check.explanation + ")";
  }
  if (criterion.mandatory && !check.passed) {
    tally.mandatory_ok = false;
    if (!tally.failed_mandatory.empty()) tally.failed_mandatory += ", ";
    tally.failed_mandatory += criterion.title;
  }
  tally.criteria.push_back({{"id", criterion.id},
                            {"title", criterion.title},
                            {"mandatory", criterion.mandatory},
                            {"weight", criterion.weight},
                            {"passed", check.passed},
                            {"explanation", check.explanation}});
}

// Why the decision came out as it did, in Czech, for the people it is shown to.
std::string Explanation(const RuleSet& rules, const Tally& t, bool eligible) {
  if (rules.decide_any) {
    std::string refused;
    for (const Json& c : t.criteria) {
      const std::string why = c["explanation"].get<std::string>();
      if (!why.empty()) refused += (refused.empty() ? "" : " ") + why;
    }
    return eligible ? "Povoleno: " + t.passed_any + "." : "Nesplněno žádné z kritérií. " + refused;
  }
  if (eligible) {
    return "Splněna všechna povinná kritéria; skóre " + Json(t.score).dump() + " z potřebných " +
           Json(rules.min_score).dump() + ".";
  }
  if (!t.mandatory_ok) return "Nesplněna povinná kritéria: " + t.failed_mandatory + ".";
  return "Skóre " + Json(t.score).dump() + " nedosahuje potřebných " +
         Json(rules.min_score).dump() + ".";
}

}  // namespace

Result<Json> Decide(const RuleSet& rules, const Json& case_view, const Json* request) {
  Tally tally;
  for (const Criterion& criterion : rules.criteria) {
    SOUHRA_ASSIGN_OR_RETURN(
        ScriptHost::CheckResult check,
        request != nullptr
            ? rules.scripts->CheckRequest(criterion.check, case_view, rules.params, *request)
            : rules.scripts->Check(criterion.check, case_view, rules.params));
    Count(criterion, check, tally);
  }
  const bool eligible = rules.decide_any ? !tally.passed_any.empty()
                                         : tally.mandatory_ok && tally.score >= rules.min_score;
  std::string explanation = Explanation(rules, tally, eligible);
  return Json{{"rule_set", rules.name},
              {"version", rules.content_hash},
              {"eligible", eligible},
              {"score", tally.score},
              {"min_score", rules.min_score},
              {"explanation", explanation},
              {"criteria", std::move(tally.criteria)}};
}

}  // namespace souhra
