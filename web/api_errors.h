// How failures become HTTP responses: the one mapping from Status codes to HTTP statuses, and
// the error body every failure carries: {"error": {"code": "…", "message": "…"}}.
#pragma once

#include <string>

#include "engine/json.h"
#include "engine/status.h"

namespace souhra {

struct ApiError {
  int http_status = 500;
  std::string code;  // stable snake_case, e.g. "not_found", "csrf_missing"
  std::string message;
};

// kInvalidArgument 400, kNotFound 404, kConflict 409 (an event no state accepts; the message
// names the states that would), kScriptError and kResourceExhausted 422 (the definition failed
// on this event: an incident), kUnavailable 503, kInternal 500.
ApiError ErrorOf(const Status& status);
Json ErrorBody(const std::string& code, const std::string& message);

}  // namespace souhra
