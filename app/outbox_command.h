// `souhra outbox [--db PATH] [--failed] [--retry ID]`: says how many notifications could not be
// delivered, lists them with --failed (last error and every attempt), and queues one again for
// `souhra serve`'s delivery worker once its cause is fixed.
#pragma once

#include "app/command_spec.h"
#include "app/commands.h"

namespace souhra {

// Its options, summary and example (command_spec.h).
const CommandSpec& OutboxSpec();

int OutboxCommand(const CommandArgs& args);

}  // namespace souhra
