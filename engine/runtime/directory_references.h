// The users and actors a form names (engine/definitions/form.h), looked up in one tenant's
// directory: a "user" field must name an active user holding the field's role, an "actor" field
// an active actor of the field's kind.
#pragma once

#include <string>

#include "engine/definitions/form.h"
#include "engine/directory.h"

namespace souhra {

class DirectoryReferences : public FormReferences {
 public:
  // `directory` may be null: then get() is null, and forms are checked for shape only.
  DirectoryReferences(Directory* directory, std::string tenant)
      : directory_(directory), tenant_(std::move(tenant)) {}

  const FormReferences* get() const { return directory_ ? this : nullptr; }

  bool IsActiveUser(const std::string& login, const std::string& role) const override;
  bool IsActor(const std::string& id, const std::string& kind) const override;

 private:
  Directory* directory_;
  std::string tenant_;
};

}  // namespace souhra
