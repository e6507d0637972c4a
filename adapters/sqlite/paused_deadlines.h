// The rows of paused deadlines (schema version 3), read and written on a given connection:
// the writer's inside its open transaction, or a reader's for queries.
//
// Errors: kUnavailable (I/O, busy), kInternal (a row the schema refuses, e.g. a missing
// instance).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "adapters/sqlite/connection.h"
#include "engine/records.h"

namespace souhra::sqlite {

Status WritePausedDeadline(Connection& db, const PausedDeadline& record);
Status ErasePausedDeadline(Connection& db, InstanceId instance_id, const std::string& kind,
                           const std::string& key);
// The scoped part of WriteTxn::CancelScoped: an empty `state` means every state.
Status CancelScopedPaused(Connection& db, InstanceId instance_id, const std::string& state);
Result<std::optional<PausedDeadline>> QueryPausedDeadline(Connection& db, InstanceId instance_id,
                                                          const std::string& kind,
                                                          const std::string& key);

}  // namespace souhra::sqlite
