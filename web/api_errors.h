// How failures become HTTP responses: the one mapping from Status codes to HTTP statuses, and
// the error body every failure carries: {"error": {"code": "…", "message": "…"}}.
#pragma once

#include <cstdint>
#include <string>

#include "engine/json.h"
#include "engine/status.h"

namespace souhra {

struct ApiError {
  int http_status = 500;
  std::string code;  // stable snake_case, e.g. "not_found", "csrf_missing"
  std::string message;
  int64_t retry_after_seconds = 0;  // sent as Retry-After when > 0
};

// The one mapping from a failure to its HTTP answer:
//   kInvalidArgument 400, kUnauthenticated 401, kPermissionDenied 403, kNotFound 404,
//   kConflict 409 (an event no state accepts; the message names the states that would),
//   kScriptError and kResourceExhausted 422 (the definition failed on this event: an incident),
//   kRateLimited 429 (with its Retry-After), kInternal 500, kUnavailable 503.
// The body's code is the Status code's name ("forbidden" for kPermissionDenied, as the API
// documents it), or `code` where the API documents a more specific one for the same status
// ("csrf_missing", "invalid_credentials", "invalid_definition").
ApiError ErrorOf(const Status& status, const std::string& code = "");
// httplib's own refusals, made before any route runs (413 too large, 404 no such route): the
// status is httplib's, the body the API's.
ApiError TransportErrorOf(int http_status);
Json ErrorBody(const std::string& code, const std::string& message);

}  // namespace souhra
