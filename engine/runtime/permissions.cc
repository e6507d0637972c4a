#include "engine/runtime/permissions.h"

namespace souhra {
namespace {

std::string RolesInCzech(const std::vector<std::string>& roles) {
  std::string text;
  for (size_t i = 0; i < roles.size(); ++i) {
    if (i > 0) text += i + 1 == roles.size() ? " nebo " : ", ";
    text += CzechRoleName(roles[i]);
  }
  return text;
}

}  // namespace

bool HoldsRole(const Actor& actor, const Json& case_data, const std::string& role) {
  if (!actor.IsPerson()) return false;
  auto people = case_data.find("people");
  if (people != case_data.end() && people->is_object()) {
    auto holder = people->find(role);
    if (holder != people->end() && holder->is_string() &&
        !holder->get_ref<const std::string&>().empty()) {
      return holder->get_ref<const std::string&>() == "user:" + actor.login;
    }
  }
  return actor.HasRole(role);
}

Status CheckPeople(const Json& case_data) {
  auto people = case_data.find("people");
  if (people == case_data.end()) return Status::Ok();
  if (!people->is_object()) {
    return InvalidArgument(
        "Lidé případu se zadávají po rolích, např. "
        "{\"case_manager\": \"user:novakova\"}.");
  }
  for (const auto& [role, holder] : people->items()) {
    if (!holder.is_string()) {
      return InvalidArgument("Roli „" + CzechRoleName(role) +
                             "“ u případu drží člověk zadaný textem, např. „user:novakova“; "
                             "vyberte ho znovu.");
    }
  }
  return Status::Ok();
}

bool HoldsAnyRole(const Actor& actor, const Json& case_data,
                  const std::vector<std::string>& roles) {
  for (const std::string& role : roles) {
    if (HoldsRole(actor, case_data, role)) return true;
  }
  return false;
}

Status MayTakeStep(const Actor& actor, const Json& case_data, const StepDeclaration& step) {
  if (!actor.IsPerson() || HoldsAnyRole(actor, case_data, step.by)) return Status::Ok();
  if (step.by.empty()) return PermissionDenied("Tento krok dělá systém sám, ne člověk.");
  return PermissionDenied("Krok „" + step.title + "“ provádí " + RolesInCzech(step.by) +
                          " případu.");
}

Status MayCompleteTask(const Actor& actor, const Json& case_data, const TaskRecord& task) {
  if (!actor.IsPerson()) return Status::Ok();
  const std::string& assignee = task.assignee;
  if (assignee.starts_with("user:") ? assignee == "user:" + actor.login
                                    : HoldsRole(actor, case_data, assignee)) {
    return Status::Ok();
  }
  if (HoldsAnyRole(actor, case_data, task.done_by)) return Status::Ok();
  const bool personal = assignee.starts_with("user:");
  std::vector<std::string> roles = task.done_by;
  if (!personal) roles.insert(roles.begin(), assignee);
  std::string whose = personal ? "ten, komu byl přidělen" : "";
  if (!roles.empty()) whose += (personal ? ", nebo " : "") + RolesInCzech(roles) + " případu";
  return PermissionDenied("Úkol „" + task.title + "“ dokončuje " + whose + ".");
}

}  // namespace souhra
