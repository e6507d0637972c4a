// `souhra token --tenant T --login L --name TEXT [--db PATH]`: issues a bearer token for an
// integration acting as user L of tenant T, and prints it (it is stored only hashed).
#pragma once

#include "app/commands.h"

namespace souhra {

int TokenCommand(const CommandArgs& args);

}  // namespace souhra
