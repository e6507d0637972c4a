// Who a notification's recipient is: a user directly ("user:novak"), the user who holds a role
// in the case's people (case data {"people": {"case_manager": "user:novak", …}}), or an external
// actor of the tenant's directory ("actor:charita").
#pragma once

#include <optional>
#include <string>

#include "engine/definitions/definition.h"
#include "engine/status.h"

namespace souhra {

// The login of `recipient` ("user:<login>" or a role) in a case with `case_data`. kNotFound when
// the case's people name nobody for the role; kInvalidArgument for an external actor
// ("actor:<id>") or a malformed entry, which no user channel can reach.
Result<std::string> ResolveLogin(const std::string& recipient, const Json& case_data);

// The id of the external actor a recipient names ("actor:charita" -> "charita"); none for a user
// or a role.
std::optional<std::string> ActorOf(const std::string& recipient);

}  // namespace souhra
