// `souhra init`: a municipality for production, without the demo.
//   --db PATH --tenant ID --name "Město …" --admin LOGIN [--admin-name "…"] [--email ADDR]
//   [--password-stdin] [--definitions ROOT]
// creates tenant ID and its first admin, and installs the shipped definitions for it. The admin
// gets a temporary password, printed once, or the first line of stdin with --password-stdin
// (checked against the password policy); either must be changed at the first sign-in. Refuses a
// tenant that exists. Audited as "cli".
#pragma once

#include <istream>

#include "app/command_spec.h"
#include "app/commands.h"

namespace souhra {

// Its options, summary and example (command_spec.h).
const CommandSpec& InitSpec();

int InitCommand(const CommandArgs& args);
// As InitCommand, reading --password-stdin's password from `in`.
int InitCommandWithInput(const CommandArgs& args, std::istream& in);

}  // namespace souhra
