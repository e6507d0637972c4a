#include "engine/definitions/activation_policy.h"

#include "engine/information_sharing.h"

namespace souhra {

const char* ApproverName(Approver approver) {
  switch (approver) {
    case Approver::kNone:
      return "none";
    case Approver::kSecondPerson:
      return "second_person";
    case Approver::kHead:
      return "head";
  }
  return "head";
}

bool FourEyesForAll(const Json& tenant_settings) {
  if (!tenant_settings.is_object() || !tenant_settings.contains("four_eyes")) return false;
  const Json& value = tenant_settings["four_eyes"];
  return !(value.is_string() && value.get_ref<const std::string&>() == "disclosure");
}

bool GovernsDisclosure(const LoadedDefinition& loaded) {
  if (loaded.rule_set)
    return loaded.rule_set->name == kSharingRuleSet || loaded.rule_set->decide_any;
  const Workflow& w = *loaded.workflow;
  return w.notifies_actors || w.owns.count("consent") > 0 || w.owns.count("emergency") > 0;
}

Approver ApproverFor(const LoadedDefinition& loaded, bool four_eyes_for_all) {
  if (GovernsDisclosure(loaded)) return Approver::kHead;
  return four_eyes_for_all ? Approver::kSecondPerson : Approver::kNone;
}

}  // namespace souhra
