#include "engine/notify/sharing_rules.h"

#include "engine/runtime/decision.h"
#include "engine/runtime/step.h"

namespace souhra {
namespace {

// The id of the first criterion of a decision that passed: the ground sharing rests on.
std::string FirstGround(const Json& result) {
  for (const Json& criterion : result.value("criteria", Json::array())) {
    if (criterion.value("passed", false)) return criterion.value("id", "");
  }
  return "";
}

}  // namespace

Result<SharingVerdict> SharingRules::Check(CaseId case_id, const SharingRequest& request) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> kase, cases_.GetCase(case_id));
  if (!kase) return NotFound("case " + std::to_string(case_id) + " does not exist");
  SOUHRA_ASSIGN_OR_RETURN(std::optional<DefinitionSource> source,
                          versions_.GetActiveDefinition(kase->tenant, kSharingRuleSet));
  SharingVerdict verdict;
  if (!source) {
    verdict.reason = "pravidla sdílení informací nejsou nainstalována";
    verdict.result = {{"eligible", false}, {"explanation", verdict.reason}};
    return verdict;
  }
  SOUHRA_ASSIGN_OR_RETURN(std::shared_ptr<const RuleSet> rules, Compiled(*source));
  const Json ask = {{"recipient", request.recipient},
                    {"kind", request.kind},
                    {"purpose", request.purpose},
                    {"name", request.name}};
  SOUHRA_ASSIGN_OR_RETURN(verdict.result, Decide(*rules, CaseView(*kase, "", kase->data), &ask));
  verdict.allowed = verdict.result.value("eligible", false);
  verdict.reason = verdict.result.value("explanation", "");
  if (verdict.allowed) verdict.ground = FirstGround(verdict.result);
  return verdict;
}

Result<std::shared_ptr<const RuleSet>> SharingRules::Compiled(const DefinitionSource& source) {
  auto cached = by_hash_.find(source.content_hash);
  if (cached != by_hash_.end()) return cached->second;
  SOUHRA_ASSIGN_OR_RETURN(LoadedDefinition loaded,
                          LoadDefinition(source.file, source.source, limits_, ValidationContext{}));
  if (!loaded.rule_set) {
    return InvalidArgument(std::string("'") + kSharingRuleSet + "' is a workflow, not a rule set");
  }
  by_hash_.emplace(source.content_hash, loaded.rule_set);
  return loaded.rule_set;
}

}  // namespace souhra
