// Reading a query's rows into records: every row, or the first one, each mapped by `read`.
// A corrupt column (see Statement::JsonColumn) fails the read naming the column.
#pragma once

#include <optional>
#include <vector>

#include "adapters/sqlite/statement.h"
#include "engine/status.h"

namespace souhra::sqlite {

template <typename T>
Result<std::vector<T>> AllRows(Statement& stmt, T (*read)(Statement&)) {
  std::vector<T> rows;
  while (true) {
    SOUHRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    rows.push_back(read(stmt));
    SOUHRA_RETURN_IF_ERROR(stmt.status());
  }
  return rows;
}

template <typename T>
Result<std::optional<T>> FirstRow(Statement& stmt, T (*read)(Statement&)) {
  SOUHRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<T>();
  T record = read(stmt);
  SOUHRA_RETURN_IF_ERROR(stmt.status());
  return std::optional<T>(std::move(record));
}

}  // namespace souhra::sqlite
