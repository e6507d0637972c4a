#include "web/case_access.h"

#include <charconv>

namespace souhra {
namespace {

// What a person reads when the number in an address names nothing.
std::string NotFoundText(const std::string& what) {
  if (what == "case") return "Takový případ neexistuje; otevřete ho ze seznamu případů.";
  if (what == "task") return "Takový úkol neexistuje; otevřete ho ze seznamu úkolů.";
  if (what == "message") return "Taková zpráva neexistuje; otevřete ji ze schránky.";
  if (what == "incident") return "Taková chyba zpracování neexistuje; načtěte seznam znovu.";
  return "Takový záznam neexistuje; otevřete ho ze seznamu.";
}

}  // namespace

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
    return NotFound(
        "Tento případ neexistuje nebo k němu nemáte přístup; otevřete ho ze seznamu případů.");
  return std::move(*c);
}

Result<int64_t> ParseId(const std::string& text, const std::string& what) {
  int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
    return NotFound(NotFoundText(what));
  }
  return id;
}

}  // namespace souhra
