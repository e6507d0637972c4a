#include "app/backup_command.h"

#include <cstdio>
#include <iostream>

#include "adapters/sqlite/backup.h"
#include "app/flags.h"
#include "app/help.h"

namespace souhra {
namespace {

// "12,3 MB", "840 kB": the size as people read it, with a decimal comma.
std::string HumanSize(int64_t bytes) {
  char text[32];
  if (bytes >= 1'000'000) {
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
  } else {
    std::snprintf(text, sizeof text, "%.0f kB", static_cast<double>(bytes) / 1e3);
  }
  std::string shown = text;
  if (size_t dot = shown.find('.'); dot != std::string::npos) shown[dot] = ',';
  return shown;
}

void PrintContents(const BackupSummary& s, std::ostream& out) {
  out << "Obsahuje: obce " << s.tenants << ", případy " << s.cases << ", události " << s.events
      << "; schéma verze " << s.schema_version << ".\n";
}

int Fail(const char* command, const Status& status) {
  std::cerr << "souhra " << command << ": " << status.message() << "\n";
  return 1;
}

}  // namespace

const CommandSpec& BackupSpec() {
  static const CommandSpec spec{
      .name = "backup",
      .summary = {"zálohuje databázi za běhu serveru a zálohu zkontroluje",
                  "backs up the database while the server runs, and checks the copy"},
      .usage = {"--to SOUBOR [volby]", "--to FILE [options]"},
      .options = {{"--db",
                   {"SOUBOR", "FILE"},
                   {"zálohovaná databáze", "the database to back up"},
                   "souhra.db"},
                  {"--to",
                   {"SOUBOR", "FILE"},
                   {"nový soubor zálohy; existující se nepřepíše",
                    "the new backup file; an existing one is never overwritten"}}},
      .examples = {"souhra backup --db /var/lib/souhra/souhra.db "
                   "--to /var/backups/souhra/souhra-2026-12-07.db"},
  };
  return spec;
}

const CommandSpec& RestoreSpec() {
  static const CommandSpec spec{
      .name = "restore",
      .summary = {"obnoví databázi ze zálohy a převede ji na aktuální schéma",
                  "restores the database from a backup and migrates it to the current schema"},
      .usage = {"--from SOUBOR --db SOUBOR [--force]", "--from FILE --db FILE [--force]"},
      .options = {{"--from", {"SOUBOR", "FILE"}, {"záloha", "the backup"}},
                  {"--db",
                   {"SOUBOR", "FILE"},
                   {"kam databázi obnovit", "where to restore the database"},
                   "souhra.db"},
                  {"--force",
                   {},
                   {"přepíše existující databázi (server musí stát)",
                    "overwrites an existing database (the server must be stopped)"}}},
      .examples = {"souhra restore --from /var/backups/souhra/souhra-2026-12-07.db "
                   "--db /tmp/zkouska/souhra.db"},
  };
  return spec;
}

int BackupCommand(const CommandArgs& args) {
  Flags flags(BackupSpec(), args);
  const std::string db = flags.Get("--db");
  const std::string to = flags.Get("--to");
  if (!flags.Finish(std::cerr) || !flags.positional().empty() || to.empty()) {
    return UsageError(BackupSpec(), std::cerr);
  }
  Result<BackupSummary> summary = BackUpDatabase(db, to);
  if (!summary.ok()) return Fail("backup", summary.status());
  std::cout << "Záloha hotova: " << to << " (" << HumanSize(summary->bytes)
            << "), kontrola integrity prošla.\n";
  PrintContents(*summary, std::cout);
  return 0;
}

int RestoreCommand(const CommandArgs& args) {
  Flags flags(RestoreSpec(), args);
  const std::string from = flags.Get("--from");
  const std::string db = flags.Get("--db");
  const bool force = flags.Has("--force");
  if (!flags.Finish(std::cerr) || !flags.positional().empty() || from.empty()) {
    return UsageError(RestoreSpec(), std::cerr);
  }
  Result<BackupSummary> summary = RestoreDatabase(from, db, force);
  if (!summary.ok()) return Fail("restore", summary.status());
  std::cout << "Obnoveno: " << db << " ze zálohy " << from << " (" << HumanSize(summary->bytes)
            << "), kontrola integrity prošla, schéma je aktuální.\n";
  PrintContents(*summary, std::cout);
  return 0;
}

}  // namespace souhra
