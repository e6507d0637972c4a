#include "engine/runtime/directory_references.h"

namespace souhra {

bool DirectoryReferences::IsActiveUser(const std::string& login, const std::string& role) const {
  Result<std::optional<UserRecord>> user = directory_->GetUser(tenant_, login);
  if (!user.ok() || !*user || !(*user)->active) return false;
  return role.empty() || (*user)->HasRole(role);
}

bool DirectoryReferences::IsActor(const std::string& id, const std::string& kind) const {
  Result<std::optional<ActorRecord>> actor = directory_->GetActor(tenant_, id);
  if (!actor.ok() || !*actor || !(*actor)->active) return false;
  return kind.empty() || (*actor)->kind == kind;
}

}  // namespace souhra
