// `souhra serve [--listen ADDR] [--port N] [--db PATH] [--definitions DIR] [--static DIR]
//  [--demo-password PASS] [--secure-cookies]`
#pragma once

#include "app/commands.h"

namespace souhra {

int ServeCommand(const CommandArgs& args);

}  // namespace souhra
