// The question the information rules (rules/information_sharing.lua) answer before anything
// about a client leaves the office: may this go to that recipient, for this purpose, and why.
#pragma once

#include <functional>
#include <string>

#include "engine/json.h"
#include "engine/records.h"
#include "engine/status.h"

namespace souhra {

// The rule set a tenant installs under this name decides external sharing.
inline constexpr const char* kSharingRuleSet = "information_sharing";

// The id of the rule set's criterion for the client's consent. A disclosure on any other ground
// (the override for life or health at risk) is written into the case's history.
inline constexpr const char* kConsentGround = "consent";

struct SharingRequest {
  std::string recipient;  // "actor:charita"
  std::string kind;       // the actor's kind, "social_services"
  std::string purpose;    // payload.purpose of the message, e.g. "conference"; may be ""
  std::string name;       // the recipient as people read it, "Charita Frýdek-Místek"; may be ""
};

struct SharingVerdict {
  bool allowed = false;
  std::string reason;            // Czech: why it may or may not go
  std::string ground;            // the first criterion that allows it ("consent"); "" if refused
  Json result = Json::object();  // the rule set's result with each criterion's outcome
};

// Evaluates the tenant's information rules for case `case_id` (SharingRules::Check).
using SharingCheck = std::function<Result<SharingVerdict>(CaseId, const SharingRequest&)>;

}  // namespace souhra
