#include "app/token_command.h"

#include <iostream>

#include "adapters/clock/system_clock.h"
#include "adapters/sqlite/sqlite_store.h"
#include "app/console_audit.h"
#include "app/flags.h"
#include "app/help.h"
#include "web/token_issuer.h"

namespace souhra {
namespace {

std::string TokenState(const ApiTokenRecord& token, Instant now) {
  if (token.revoked) return "revoked";
  return now >= token.expires ? "expired" : "active";
}

int List(SqliteDatabase& db, const std::string& tenant, Instant now) {
  Result<std::vector<ApiTokenRecord>> tokens = db.access->ListApiTokens(tenant);
  if (!tokens.ok()) {
    std::cerr << "souhra token: " << tokens.status().ToString() << "\n";
    return 1;
  }
  if (tokens->empty()) std::cout << "no tokens in tenant " << tenant << "\n";
  for (const ApiTokenRecord& t : *tokens) {
    std::cout << t.id << "  " << TokenState(t, now) << "  user:" << t.login << "  \"" << t.name
              << "\"  created " << FormatUtc(t.created) << " by " << t.created_by << "  expires "
              << FormatUtc(t.expires) << "  last used "
              << (t.last_used ? FormatUtc(*t.last_used) : "never") << "\n";
  }
  return 0;
}

int Revoke(SqliteDatabase& db, const std::string& tenant, const std::string& id, Instant now) {
  Result<ApiTokenRecord> revoked = db.access->RevokeApiToken(tenant, id);
  const std::string target =
      "token:" + id + (revoked.ok() ? " user:" + revoked->login : std::string());
  AuditConsoleChange(db, tenant, "souhra token --revoke", target, revoked.status(), now);
  if (!revoked.ok()) {
    std::cerr << "souhra token: " << revoked.status().message() << "\n";
    return 1;
  }
  std::cout << "token " << id << " (" << revoked->name << ", user:" << revoked->login
            << ") revoked\n";
  return 0;
}

int Issue(SqliteDatabase& db, const TokenOrder& order, Instant now) {
  Result<IssuedToken> issued = IssueApiToken(*db.directory, *db.access, order, now);
  const std::string target =
      (issued.ok() ? "token:" + issued->record.id + " " : std::string()) + "user:" + order.login;
  AuditConsoleChange(db, order.tenant, "souhra token", target, issued.status(), now);
  if (!issued.ok()) {
    std::cerr << "souhra token: " << issued.status().message() << "\n";
    return 1;
  }
  // Only the token, so that scripts can take it as it is; --list shows its id and expiry.
  std::cout << issued->secret << "\n";
  return 0;
}

}  // namespace

const CommandSpec& TokenSpec() {
  static const CommandSpec spec{
      .name = "token",
      .summary = {"tokeny integračních účtů: vydání, výpis, zneplatnění",
                  "integration accounts' tokens: issue, list, revoke"},
      .usage =
          {"--login LOGIN --name TEXT [--days N] [volby] | --list [volby] | --revoke ID [volby]",
           "--login LOGIN --name TEXT [--days N] [options] | --list [options] | --revoke ID "
           "[options]"},
      .options =
          {{"--db", {"SOUBOR", "FILE"}, {"databáze SQLite", "the SQLite database"}, "souhra.db"},
           {"--tenant", {"ID", "ID"}, {"obec", "the municipality"}, "demo"},
           {"--login",
            {"LOGIN", "LOGIN"},
            {"integrační účet, kterému token vydat", "the integration account to issue it to"}},
           {"--name", {"TEXT", "TEXT"}, {"k čemu token slouží", "what the token is for"}},
           {"--days",
            {"N", "N"},
            {"platnost ve dnech; bez volby podle nastavení obce (token_days)",
             "validity in days; without it the municipality's setting (token_days)"}},
           {"--list", {}, {"vypíše tokeny obce", "lists the municipality's tokens"}},
           {"--revoke", {"ID", "ID"}, {"zneplatní token", "revokes a token"}}},
      .examples =
          {"souhra token --tenant demo --login integrace --name \"import z OSPOD\" --days 90",
           "souhra token --list", "souhra token --revoke 3f2a9c"},
  };
  return spec;
}

int TokenCommand(const CommandArgs& args) {
  Flags flags(TokenSpec(), args);
  SqliteOptions options;
  options.path = flags.Get("--db");
  TokenOrder order;
  order.tenant = flags.Get("--tenant");
  order.login = flags.Get("--login");
  order.name = flags.Get("--name");
  order.created_by = "cli";
  const int days = flags.GetInt("--days");
  const bool list = flags.Has("--list");
  const std::string revoke = flags.Get("--revoke");
  const bool issue = !order.login.empty() || !order.name.empty() || days != 0;
  if (!flags.Finish(std::cerr) || !flags.positional().empty() ||
      (list + !revoke.empty() + issue) != 1 ||
      (issue && (order.login.empty() || order.name.empty()))) {
    return UsageError(TokenSpec(), std::cerr);
  }
  if (days != 0) order.expires_in_days = days;
  Result<SqliteDatabase> db = OpenSqliteDatabase(options);
  if (!db.ok()) {
    std::cerr << "souhra token: " << db.status().ToString() << "\n";
    return 1;
  }
  const Instant now = SystemClock().Now();
  if (list) return List(*db, order.tenant, now);
  if (!revoke.empty()) return Revoke(*db, order.tenant, revoke, now);
  return Issue(*db, order, now);
}

}  // namespace souhra
