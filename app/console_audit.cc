#include "app/console_audit.h"

#include <iostream>

#include "engine/write_txn.h"

namespace souhra {

void AuditConsoleChange(SqliteDatabase& db, const std::string& tenant, const std::string& action,
                        const std::string& target, const Status& outcome, Instant at) {
  Result<std::optional<TenantRecord>> known = db.directory->GetTenant(tenant);
  if (known.ok() && !*known) return;
  AuditRecord record;
  record.tenant = tenant;
  record.actor = "cli";
  record.at = at;
  record.action = action;
  record.target = target;
  record.outcome = outcome.ok() ? "ok" : StatusCodeName(outcome.code());
  record.client = "console";
  Result<std::unique_ptr<WriteTxn>> txn = db.store->BeginWrite();
  Status written = txn.ok() ? (*txn)->AppendAudit(record).status() : txn.status();
  if (written.ok()) written = (*txn)->Commit();
  if (!written.ok()) std::cerr << action << ": audit: " << written.ToString() << "\n";
}

}  // namespace souhra
