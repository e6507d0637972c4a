#include "engine/runtime/directory_references.h"

namespace souhra {

bool DirectoryReferences::IsActiveUser(const std::string& login, const std::string& role) const {
  Result<std::optional<UserRecord>> user = directory_->GetUser(tenant_, login);
  // An integration account is no person a case can be given to.
  if (!user.ok() || !*user || !(*user)->active || (*user)->integration) return false;
  return role.empty() || (*user)->HasRole(role);
}

bool DirectoryReferences::IsActor(const std::string& id, const std::string& kind) const {
  Result<std::optional<ActorRecord>> actor = directory_->GetActor(tenant_, id);
  if (!actor.ok() || !*actor || !(*actor)->active) return false;
  return kind.empty() || (*actor)->kind == kind;
}

}  // namespace souhra
