#include "adapters/sqlite/statement.h"

#include <utility>

#include "adapters/sqlite/sqlite_status.h"
#include "engine/json_limits.h"

namespace souhra::sqlite {

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      operation_(other.operation_),
      next_param_(other.next_param_),
      status_(std::move(other.status_)) {}

Statement::~Statement() {
  if (stmt_ == nullptr) return;
  // reset() repeats the last step's error code, which was already reported; ignore it.
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Statement& Statement::Check(int rc) {
  if (rc != SQLITE_OK && status_.ok())
    status_ = FromSqlite(rc, sqlite3_db_handle(stmt_), operation_);
  ++next_param_;
  return *this;
}

Statement& Statement::Bind(int64_t value) {
  return Check(sqlite3_bind_int64(stmt_, next_param_, value));
}

Statement& Statement::Bind(std::string_view text) {
  return Check(sqlite3_bind_text64(stmt_, next_param_, text.data(), text.size(), SQLITE_TRANSIENT,
                                   SQLITE_UTF8));
}

Statement& Statement::Bind(const std::optional<Instant>& value) {
  return value ? Bind(*value) : BindNull();
}

Statement& Statement::BindJson(const Json& value) {
  // Replace invalid UTF-8 instead of throwing: no exception may leave the adapter.
  return Bind(std::string_view(value.dump(-1, ' ', false, Json::error_handler_t::replace)));
}

Statement& Statement::BindJsonOrNull(const Json& value) {
  return value.is_null() ? BindNull() : BindJson(value);
}

Statement& Statement::BindNull() { return Check(sqlite3_bind_null(stmt_, next_param_)); }

Result<bool> Statement::Step() {
  if (!status_.ok()) return status_;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return FromSqlite(rc, sqlite3_db_handle(stmt_), operation_);
}

Status Statement::Run() {
  SOUHRA_ASSIGN_OR_RETURN(bool row, Step());
  if (row) return Internal(std::string(operation_) + ": unexpected result row");
  return Status::Ok();
}

std::optional<Instant> Statement::OptionalTime(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return Time(column);
}

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

Json Statement::JsonColumn(int column) {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return Json();
  // A row nested deeper than the engine ever writes is refused as corrupt: every recursion over
  // it afterwards (copies, dumps, scripts) would otherwise risk the stack.
  Result<Json> value = ParseJson(Text(column), kStoredJsonLimits);
  if (value.ok()) return std::move(*value);
  Corrupt(column, "corrupt JSON");
  return Json();
}

std::vector<std::string> Statement::StringsColumn(int column) {
  Json value = JsonColumn(column);
  std::vector<std::string> strings;
  if (!value.is_array()) {
    Corrupt(column, "not a JSON array");
    return strings;
  }
  for (const Json& item : value) {
    if (!item.is_string()) {
      Corrupt(column, "not a JSON array of strings");
      return {};
    }
    strings.push_back(item.get<std::string>());
  }
  return strings;
}

void Statement::Corrupt(int column, const char* what) {
  if (!status_.ok()) return;
  status_ = Internal(std::string(operation_) + ": " + what + " in column '" +
                     sqlite3_column_name(stmt_, column) + "'");
}

}  // namespace souhra::sqlite
