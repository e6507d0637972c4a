#include "web/api_errors.h"

namespace souhra {
namespace {

int HttpStatusOf(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kConflict:
      return 409;
    case StatusCode::kResourceExhausted:
    case StatusCode::kScriptError:
      return 422;
    case StatusCode::kRateLimited:
      return 429;
    case StatusCode::kInternal:
      return 500;
    case StatusCode::kUnavailable:
      return 503;
  }
  return 500;
}

}  // namespace

ApiError ErrorOf(const Status& status, const std::string& code) {
  ApiError error;
  error.http_status = HttpStatusOf(status.code());
  error.code = !code.empty()                                    ? code
               : status.code() == StatusCode::kPermissionDenied ? "forbidden"
                                                                : StatusCodeName(status.code());
  error.message = status.message();
  error.retry_after_seconds = status.retry_after_seconds();
  return error;
}

ApiError TransportErrorOf(int http_status) {
  if (http_status == 413) {
    return ApiError{413, "payload_too_large",
                    "Požadavek je větší, než server přijímá; pošlete menší."};
  }
  if (http_status == 404) return ApiError{404, "not_found", "Taková adresa v Souhře není."};
  return ApiError{http_status, "http_" + std::to_string(http_status),
                  "Server požadavek odmítl; obnovte stránku a zkuste to znovu."};
}

Json ErrorBody(const std::string& code, const std::string& message) {
  return Json{{"error", {{"code", code}, {"message", message}}}};
}

}  // namespace souhra
