// Statement: a lease on one of a Connection's cached prepared statements.
//
// Parameters are bound in order with Bind(); a bind error is kept and returned by the next
// Step() or Run(), so call sites read as one chain. Destroying the lease resets the statement
// and clears its bindings, so the cache never holds a statement in the middle of a query.
// Not thread-safe; used only while its Connection is held by the calling thread.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/clock.h"
#include "engine/json.h"
#include "engine/status.h"

namespace souhra::sqlite {

class Statement {
 public:
  // `operation` names what the statement does in error messages; it must outlive the lease.
  Statement(sqlite3_stmt* stmt, const char* operation) : stmt_(stmt), operation_(operation) {}
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  Statement& Bind(int64_t value);
  Statement& Bind(std::string_view text);
  Statement& Bind(Instant value) { return Bind(ToMillis(value)); }
  Statement& Bind(const std::optional<Instant>& value);
  // Compact JSON text (a null document is the text "null"; invalid UTF-8 is replaced).
  Statement& BindJson(const Json& value);
  // As BindJson, but a null document is SQL NULL: for columns where null means "none".
  Statement& BindJsonOrNull(const Json& value);
  Statement& BindNull();

  // Advances: true when a row is ready, false when the statement is done.
  Result<bool> Step();
  // Steps to completion; for statements that return no rows.
  Status Run();

  int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  bool Bool(int column) const { return Int(column) != 0; }
  Instant Time(int column) const { return FromMillis(Int(column)); }
  std::optional<Instant> OptionalTime(int column) const;
  std::string Text(int column) const;
  // Parses a JSON column; SQL NULL is a null document. Corrupt text, or text beyond
  // kStoredJsonLimits, yields null and makes status() (and the next Step) report kInternal
  // naming the column.
  Json JsonColumn(int column);
  // Reads a JSON array of strings. Anything else yields an empty list and makes status() report
  // kInternal naming the column, as JsonColumn does.
  std::vector<std::string> StringsColumn(int column);
  // The first bind or column error, if any.
  const Status& status() const { return status_; }

 private:
  Statement& Check(int rc);
  void Corrupt(int column, const char* what);

  sqlite3_stmt* stmt_;
  const char* operation_;
  int next_param_ = 1;
  Status status_;
};

}  // namespace souhra::sqlite
