// The audit row of a change made at the server's console (`souhra token`, `souhra users`,
// `souhra init`), as the router writes one for the API's: actor "cli" (whoever may open the
// database file), the command, what it named, and how it ended.
#pragma once

#include <string>

#include "adapters/sqlite/sqlite_store.h"

namespace souhra {

// Appends the row in its own transaction. A tenant that does not exist gets no row. A lost row
// is reported on stderr but does not undo the change.
void AuditConsoleChange(SqliteDatabase& db, const std::string& tenant, const std::string& action,
                        const std::string& target, const Status& outcome, Instant at);

}  // namespace souhra
