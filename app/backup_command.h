// `souhra backup --db PATH --to FILE` and `souhra restore --from FILE --db PATH [--force]`: a
// checked copy of the database taken while the server runs, and putting one back
// (adapters/sqlite/backup.h; docs/operations.md "Backups").
#pragma once

#include "app/command_spec.h"
#include "app/commands.h"

namespace souhra {

// Their options, summaries and examples (command_spec.h).
const CommandSpec& BackupSpec();
const CommandSpec& RestoreSpec();

// Prints the copy's size and what it holds. 0 when the copy is written and checked; 1 when the
// database or the copy fails; 2 on a usage error.
int BackupCommand(const CommandArgs& args);
// Prints what the restored database holds. 0 when restored and migrated; 1 when refused (an
// existing database without --force, a backup that fails its checks) or failed; 2 on usage.
int RestoreCommand(const CommandArgs& args);

}  // namespace souhra
