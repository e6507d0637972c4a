// Reading a SQLite database's rows directly, for tests that compare whole databases: what a run
// left behind against what a fault-free run left.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace souhra::testing {

using Rows = std::vector<std::vector<std::string>>;

// Every row of `sql` on the database file at `path`, each column as text (NULL as "").
// Fails the current test if the query does not run to the end.
Rows Query(const std::string& path, const char* sql);

// Every row of every table, in rowid (or primary key) order, by table name.
std::map<std::string, Rows> AllTables(const std::string& path);

}  // namespace souhra::testing
