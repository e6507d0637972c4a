// The audit table's rows and their hash chain (engine/audit_chain.h) on one SQLite database:
// appending a row linked to the last one, hashing the rows kept before the chain existed
// (migration 10), and walking the chain to find where it breaks.
//
// Ids are consecutive: a row is inserted with the id after the last one, in the write
// transaction that read the last one's hash (the writer holds SQLite's write lock), so a gap in
// the ids is a deleted row.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "adapters/sqlite/connection.h"
#include "adapters/sqlite/sqlite_store.h"
#include "adapters/sqlite/statement.h"
#include "engine/access.h"

namespace souhra {

// What a walk of the audit chain found.
struct AuditChainCheck {
  int64_t rows = 0;                   // rows that chain correctly, from the first on
  std::string head_hash;              // the last correct row's hash (kAuditGenesis for no rows)
  std::optional<AuditRecord> broken;  // the first row whose hash does not hold, if any
  int64_t missing_id = 0;             // set when the break is a deleted row: the id that is gone
};

// Opens the database `options` names (migrating it, as every opening does, which hashes rows
// older than the chain) and walks its audit chain in one read transaction. kUnavailable if it
// cannot be opened.
Result<AuditChainCheck> VerifySqliteAuditChain(const SqliteOptions& options);

namespace sqlite {

// Appends `record` after the last row, with its id and hash; returns the id. Must run inside the
// writer's open transaction.
Result<int64_t> AppendChainedAudit(Connection& db, const AuditRecord& record);

// One audit row read from the columns "id, tenant, actor, at, action, target, outcome, client,
// hash", in that order.
AuditRecord ReadAudit(Statement& row);

// Migration 10: hashes the rows kept before the chain existed, in id order from the genesis.
Status HashUnchainedAudit(Connection& db);

// Walks the chain in id order; stops at the first row that does not hold.
Result<AuditChainCheck> CheckAuditChain(Connection& db);

}  // namespace sqlite
}  // namespace souhra
