#include "engine/notify/recipients.h"

namespace souhra {
namespace {

constexpr char kUserPrefix[] = "user:";
constexpr char kActorPrefix[] = "actor:";

bool IsUser(const std::string& who) {
  return who.rfind(kUserPrefix, 0) == 0 && who.size() > sizeof kUserPrefix - 1;
}

}  // namespace

Result<std::string> ResolveLogin(const std::string& recipient, const Json& case_data) {
  if (IsUser(recipient)) return recipient.substr(sizeof kUserPrefix - 1);
  if (ActorOf(recipient)) {
    return InvalidArgument("recipient '" + recipient + "' is an external actor, not a user");
  }
  const Json* people = case_data.contains("people") ? &case_data["people"] : nullptr;
  if (people == nullptr || !people->is_object() || !people->contains(recipient)) {
    return NotFound("role '" + recipient + "' has nobody in the case's people");
  }
  const Json& holder = (*people)[recipient];
  if (!holder.is_string() || !IsUser(holder.get<std::string>())) {
    return InvalidArgument("role '" + recipient +
                           "' in the case's people must be \"user:<login>\", not " + holder.dump());
  }
  return holder.get<std::string>().substr(sizeof kUserPrefix - 1);
}

std::optional<std::string> ActorOf(const std::string& recipient) {
  if (recipient.rfind(kActorPrefix, 0) != 0) return std::nullopt;
  return recipient.substr(sizeof kActorPrefix - 1);
}

}  // namespace souhra
