#include "tests/fakes/table_rows.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace souhra::testing {

Rows Query(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_stmt* stmt = nullptr;
  Rows rows;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
      sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK) {
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::vector<std::string>& row = rows.emplace_back();
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        const unsigned char* text = sqlite3_column_text(stmt, c);
        row.push_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
      }
    }
  }
  EXPECT_EQ(sqlite3_errcode(db), SQLITE_DONE) << sql << ": " << sqlite3_errmsg(db);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

std::map<std::string, Rows> AllTables(const std::string& path) {
  std::map<std::string, Rows> tables;
  for (const std::vector<std::string>& table :
       Query(path, "SELECT name FROM sqlite_schema WHERE type = 'table'")) {
    // Table names come from the schema itself, never from input.
    std::string sql = "SELECT * FROM \"" + table[0] + "\"";
    tables[table[0]] = Query(path, sql.c_str());
  }
  return tables;
}

}  // namespace souhra::testing
