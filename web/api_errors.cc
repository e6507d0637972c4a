#include "web/api_errors.h"

namespace souhra {

ApiError ErrorOf(const Status& status) {
  int http = 500;
  switch (status.code()) {
    case StatusCode::kOk:
      http = 200;
      break;
    case StatusCode::kInvalidArgument:
      http = 400;
      break;
    case StatusCode::kNotFound:
      http = 404;
      break;
    case StatusCode::kConflict:
      http = 409;
      break;
    case StatusCode::kUnavailable:
      http = 503;
      break;
    case StatusCode::kResourceExhausted:
      http = 422;
      break;
    case StatusCode::kScriptError:
      http = 422;
      break;
    case StatusCode::kInternal:
      http = 500;
      break;
  }
  return ApiError{http, StatusCodeName(status.code()), status.message()};
}

Json ErrorBody(const std::string& code, const std::string& message) {
  return Json{{"error", {{"code", code}, {"message", message}}}};
}

}  // namespace souhra
