// `souhra serve [--demo] [--listen ADDR] [--port N] [--db PATH] [--definitions DIR]
//  [--static DIR] [--demo-password PASS] [--secure-cookies]`. Without --demo a database without
// any municipality is refused (exit 1) with how to create one (`souhra init`).
#pragma once

#include "app/command_spec.h"
#include "app/commands.h"

namespace souhra {

// Its options, summary and example (command_spec.h).
const CommandSpec& ServeSpec();

int ServeCommand(const CommandArgs& args);

}  // namespace souhra
