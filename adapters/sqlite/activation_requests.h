// The rows of requests to activate definition versions (schema version 12), read and written on
// a given connection: the writer's inside its open transaction, or a reader's for queries.
//
// Errors: kUnavailable (I/O, busy), kNotFound (updating a request that does not exist),
// kInternal (a row the schema refuses).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "adapters/sqlite/connection.h"
#include "engine/records.h"

namespace souhra::sqlite {

// See WriteTxn::PutActivationRequest.
Result<int64_t> WriteActivationRequest(Connection& db, const ActivationRequest& request);
Result<std::optional<ActivationRequest>> QueryActivationRequest(Connection& db, int64_t id);
Result<std::optional<ActivationRequest>> QueryPendingActivation(Connection& db,
                                                                const std::string& tenant,
                                                                const std::string& name,
                                                                const std::string& version);
// See ActivationRequests::ListActivationRequests.
Result<std::vector<ActivationRequest>> QueryActivationRequests(Connection& db,
                                                               const std::string& tenant,
                                                               bool pending_only);

}  // namespace souhra::sqlite
