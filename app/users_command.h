// `souhra users`: a tenant's accounts at the server's console, through the same administration as
// the API (web/user_admin.h), so it validates and refuses alike. Czech output.
//   list                                   the accounts: login, name, roles, state
//   add LOGIN --name "…" --roles R1,R2 [--email ADDR] [--integration]
//                                          adds the account; a person gets a temporary password,
//                                          printed once, to change at the first sign-in
//   roles LOGIN --roles R1,R2              sets the account's roles
//   deactivate LOGIN | activate LOGIN      deactivating ends its sessions and revokes its tokens
//   reset-password LOGIN                   prints a new temporary password once
// All take --tenant ID and [--db PATH]. Every change writes an audit row (actor "cli"). The
// console's operator has the database file anyway, so no "acting admin" is checked, but a
// tenant still keeps an active admin.
#pragma once

#include "app/command_spec.h"
#include "app/commands.h"

namespace souhra {

// Its options, summary and example (command_spec.h).
const CommandSpec& UsersSpec();

int UsersCommand(const CommandArgs& args);

}  // namespace souhra
