// Status and Result<T>: how every fallible operation in Souhra reports failure.
//
// Exceptions never cross a module boundary; a function that can fail returns a Status (or a
// Result<T> carrying either a value or a non-OK Status). The codes are few and each tells the
// caller what to do next: fix the input, look elsewhere, retry later, or report a bug.
#pragma once

#include <cassert>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace souhra {

enum class StatusCode {
  kOk,
  kInvalidArgument,    // bad request or bad script; fix the input
  kNotFound,           // the case, instance, incident… does not exist
  kConflict,           // not accepted in the current state, or a reused idempotency key
  kUnavailable,        // busy or I/O failure; nothing was applied, the caller may retry
  kResourceExhausted,  // a script ran out of its instruction or memory budget
  kScriptError,        // a script failed at run time; the message names file:line
  kInternal,           // a bug in Souhra
  kUnauthenticated,    // no valid credentials: sign in
  kPermissionDenied,   // known caller, not allowed to do this
  kRateLimited,        // too many attempts: retry after Status::retry_after_seconds()
};

// What is wrong with one field of a form a person filled in: the field's path ("steps.2.due",
// rows counted from 1) and a Czech sentence saying what to fix.
struct FieldError {
  std::string field;
  std::string message;
  bool operator==(const FieldError&) const = default;
};

// The stable lower_snake name of a code, e.g. "invalid_argument"; used in logs and API errors.
const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  // kRateLimited, retryable after `retry_after_seconds` (the HTTP Retry-After).
  static Status RateLimitedFor(std::string message, int64_t retry_after_seconds) {
    Status status(StatusCode::kRateLimited, std::move(message));
    status.retry_after_seconds_ = retry_after_seconds;
    return status;
  }

  static Status Ok() { return Status(); }
  // kInvalidArgument for a form: `message` sums up, `fields` says what to fix where.
  static Status InvalidForm(std::string message, std::vector<FieldError> fields) {
    Status status(StatusCode::kInvalidArgument, std::move(message));
    status.field_errors_ = std::move(fields);
    return status;
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // For kRateLimited: how many seconds until a retry may succeed; 0 otherwise.
  int64_t retry_after_seconds() const { return retry_after_seconds_; }
  // For a refused form: one entry per field to fix; empty otherwise.
  const std::vector<FieldError>& field_errors() const { return field_errors_; }
  // "code: message", for logs and command-line output.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  int64_t retry_after_seconds_ = 0;
  std::vector<FieldError> field_errors_;
};

inline Status InvalidArgument(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status Conflict(std::string m) { return {StatusCode::kConflict, std::move(m)}; }
inline Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
inline Status ResourceExhausted(std::string m) {
  return {StatusCode::kResourceExhausted, std::move(m)};
}
inline Status ScriptError(std::string m) { return {StatusCode::kScriptError, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
inline Status Unauthenticated(std::string m) {
  return {StatusCode::kUnauthenticated, std::move(m)};
}
inline Status PermissionDenied(std::string m) {
  return {StatusCode::kPermissionDenied, std::move(m)};
}
inline Status RateLimited(std::string m, int64_t retry_after_seconds) {
  return Status::RateLimitedFor(std::move(m), retry_after_seconds);
}

// Either a T or the Status explaining why there is none. Never holds an OK status without a value.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design, like absl::StatusOr
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "Result constructed from an OK status without a value");
    if (status_.ok()) status_ = Internal("Result constructed from an OK status without a value");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace souhra

// Returns early from the enclosing function when `expr` (a Status) is not OK.
#define SOUHRA_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::souhra::Status souhra_status_ = (expr);        \
    if (!souhra_status_.ok()) return souhra_status_; \
  } while (0)

#define SOUHRA_CONCAT_INNER(a, b) a##b
#define SOUHRA_CONCAT(a, b) SOUHRA_CONCAT_INNER(a, b)
// Declares `lhs` from a Result expression, or returns its Status from the enclosing function.
#define SOUHRA_ASSIGN_OR_RETURN(lhs, expr) \
  SOUHRA_ASSIGN_OR_RETURN_IMPL(SOUHRA_CONCAT(souhra_result_, __LINE__), lhs, expr)
#define SOUHRA_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                 \
  if (!tmp.ok()) return tmp.status();                \
  lhs = std::move(tmp).value()
