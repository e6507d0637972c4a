#include "app/audit_command.h"

#include <iostream>

#include "adapters/sqlite/audit_rows.h"
#include "app/flags.h"
#include "app/help.h"

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

const CommandSpec& AuditSpec() {
  static const CommandSpec spec{
      .name = "audit",
      .summary = {"ověří řetěz hashů auditního logu", "verifies the audit log's hash chain"},
      .usage = {"verify [volby]", "verify [options]"},
      .options =
          {{"--db", {"SOUBOR", "FILE"}, {"databáze SQLite", "the SQLite database"}, "souhra.db"}},
      .examples = {"souhra audit verify --db /var/lib/souhra/souhra.db"},
  };
  return spec;
}

int AuditCommand(const CommandArgs& args) {
  Flags flags(AuditSpec(), args);
  SqliteOptions options;
  options.path = flags.Get("--db");
  if (!flags.Finish(std::cerr) || flags.positional() != std::vector<std::string>{"verify"}) {
    return UsageError(AuditSpec(), std::cerr);
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
