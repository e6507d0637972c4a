#include "app/audit_command.h"

#include <iostream>

#include "adapters/sqlite/audit_rows.h"
#include "app/flags.h"

namespace souhra {
namespace {

void PrintBreak(const AuditChainCheck& check, std::ostream& out) {
  const AuditRecord& row = *check.broken;
  if (check.missing_id != 0) {
    out << "the chain breaks: row " << check.missing_id << " was deleted (the next row is "
        << row.id << ", " << FormatUtc(row.at) << ", " << row.action << ")\n";
  } else {
    out << "the chain breaks at row " << row.id << " (" << FormatUtc(row.at) << ", " << row.action
        << "): its content or hash was changed\n";
  }
  out << "rows before it hold: " << check.rows << "\n";
}

}  // namespace

int AuditCommand(const CommandArgs& args) {
  Flags flags(args);
  SqliteOptions options;
  options.path = flags.Get("--db", "souhra.db");
  if (!flags.Finish(std::cerr) || flags.positional() != std::vector<std::string>{"verify"}) {
    std::cerr << "usage: souhra audit verify [--db PATH]\n";
    return 2;
  }
  Result<AuditChainCheck> check = VerifySqliteAuditChain(options);
  if (!check.ok()) {
    std::cerr << "souhra audit: " << check.status().ToString() << "\n";
    return 1;
  }
  if (check->broken) {
    PrintBreak(*check, std::cout);
    return 1;
  }
  std::cout << "the chain holds: " << check->rows << " rows (head " << check->head_hash << ")\n";
  return 0;
}

}  // namespace souhra
