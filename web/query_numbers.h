// Numbers in query strings (?before=120&limit=50): every numeric parameter of the API is read
// here, so that a malformed one is always a 400 naming it, never a 404 or a silent default.
#pragma once

#include <cstdint>
#include <limits>
#include <string>

#include "web/api.h"

namespace souhra {

// The query parameter `name` as a whole number from 1 to `max`; `absent` when it is missing or
// empty. kInvalidArgument, in Czech and naming the parameter and its range, otherwise.
Result<int64_t> QueryNumber(const ApiCall& call, const std::string& name, int64_t absent,
                            int64_t max = std::numeric_limits<int64_t>::max());

}  // namespace souhra
