#include "engine/actor.h"

#include <algorithm>

namespace souhra {
namespace {

const char* KindName(Actor::Kind kind) {
  switch (kind) {
    case Actor::Kind::kUser:
      return "user";
    case Actor::Kind::kToken:
      return "token";
    case Actor::Kind::kTimer:
      return "timer";
    case Actor::Kind::kWorkflow:
      return "workflow";
    case Actor::Kind::kSystem:
      break;
  }
  return "system";
}

}  // namespace

bool Actor::HasRole(const std::string& role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

std::string Actor::ToString() const {
  switch (kind) {
    case Kind::kUser:
    case Kind::kToken:
      return std::string(KindName(kind)) + ":" + login;
    case Kind::kWorkflow:
      return "workflow:" + workflow;
    case Kind::kTimer:
    case Kind::kSystem:
      break;
  }
  return KindName(kind);
}

Actor Actor::FromString(const std::string& text) {
  const size_t colon = text.find(':');
  const std::string head = text.substr(0, colon);
  const std::string rest = colon == std::string::npos ? "" : text.substr(colon + 1);
  if (head == "user") return User(rest, {});
  if (head == "token") return Token(rest, {});
  if (head == "workflow") return Workflow(rest);
  if (head == "timer") return Timer();
  return System();
}

Json Actor::View(const Json& case_data) const {
  Json view = Json::object();
  view["kind"] = KindName(kind);
  view["actor"] = ToString();
  if (!IsPerson()) return view;
  view["login"] = login;
  view["roles"] = roles;
  Json case_roles = Json::array();
  const std::string me = "user:" + login;
  auto people = case_data.find("people");
  if (people != case_data.end() && people->is_object()) {
    for (const auto& [role, who] : people->items()) {
      if (who.is_string() && who.get_ref<const std::string&>() == me) case_roles.push_back(role);
    }
  }
  view["case_roles"] = std::move(case_roles);
  return view;
}

}  // namespace souhra
