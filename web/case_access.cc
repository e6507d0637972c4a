#include "web/case_access.h"

#include <charconv>

namespace souhra {

bool MaySeeCase(const Principal& principal, const CaseRecord& c) {
  if (c.tenant != principal.tenant) return false;
  if (principal.HasAnyRole(kTenantWideRoles)) return true;
  if (!principal.HasAnyRole({"social_worker", "case_manager"})) return false;
  const Json& people = c.data.contains("people") ? c.data["people"] : Json::object();
  if (!people.is_object()) return false;
  const std::string me = principal.Actor();
  for (const auto& [role, who] : people.items()) {
    if (who.is_string() && who.get<std::string>() == me) return true;
  }
  return false;
}

Result<CaseRecord> VisibleCase(WebServices& services, const Principal& principal, CaseId id) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> c, services.cases->GetCase(id));
  if (!c || !MaySeeCase(principal, *c))
    return NotFound("case " + std::to_string(id) + " not found");
  return std::move(*c);
}

Result<int64_t> ParseId(const std::string& text, const std::string& what) {
  int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
    return NotFound(what + " '" + text + "' not found");
  }
  return id;
}

}  // namespace souhra
