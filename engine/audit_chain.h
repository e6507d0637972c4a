// The audit log's hash chain: what makes an edited, inserted or deleted audit row visible.
//
// Each row carries hash = SHA-256(previous row's hash || the row's canonical content), as
// lowercase hex; the first row of a database chains to kAuditGenesis. The chain is one per
// database, in id order: the store computes a row's hash inside the write transaction that
// inserts it, reading the last row's hash there, so two writers can never fork it. Whoever can
// write the file can still rewrite the whole chain from the broken row on, or cut rows off its
// end; the head hash kept elsewhere (`souhra audit verify` prints it) shows that.
#pragma once

#include <string>

#include "engine/access.h"

namespace souhra {

// What the first row chains to: 64 zeros.
inline const std::string kAuditGenesis(64, '0');

// The row's fields (id, tenant, actor, at in milliseconds, action, target, outcome, client),
// each as "<length>:<bytes>;", so that no two different rows share a text.
std::string AuditCanonicalContent(const AuditRecord& row);

// hex SHA-256 of `previous_hash` followed by AuditCanonicalContent(row); row.hash is ignored.
std::string AuditChainHash(const std::string& previous_hash, const AuditRecord& row);

}  // namespace souhra
