// `souhra token`: bearer tokens of integration accounts, at the server's console.
//   --login L --name TEXT [--days N]  issues a token acting as integration account L (never a
//                                     person's account), valid N days (default: the tenant's
//                                     "token_days", else 90; at most 365), and prints it once
//   --list                            the tenant's tokens: id, state, user, expiry, last use
//   --revoke ID                       revokes token ID; it signs nobody in from the next request
// All take [--tenant T] (default demo) and [--db PATH]. Issuing and revoking write an audit row
// (actor "cli").
#pragma once

#include "app/command_spec.h"
#include "app/commands.h"

namespace souhra {

// Its options, summary and example (command_spec.h).
const CommandSpec& TokenSpec();

int TokenCommand(const CommandArgs& args);

}  // namespace souhra
