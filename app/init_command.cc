#include "app/init_command.h"

#include <iostream>
#include <regex>

#include "adapters/clock/system_clock.h"
#include "adapters/sqlite/sqlite_store.h"
#include "app/console_audit.h"
#include "app/flags.h"
#include "app/help.h"
#include "app/shipped_pack.h"
#include "app/shipped_source_dir.h"
#include "engine/time/working_calendar.h"
#include "web/password_policy.h"
#include "web/user_admin.h"

namespace souhra {
namespace {

struct InitOrder {
  SqliteOptions store;
  std::string definitions;
  TenantRecord tenant;
  UserDraft admin;
  bool password_stdin = false;
};

int Fail(const std::string& what) {
  std::cerr << "souhra init: " << what << "\n";
  return 1;
}

// The flag that sets the admin's draft field `field`.
std::string FlagOf(const std::string& field) {
  if (field == "login") return "--admin";
  if (field == "email") return "--email";
  return "--admin-name";
}

// Every problem of the order, one Czech line each; empty when it can be carried out.
std::string Problems(const InitOrder& order) {
  static const std::regex kTenantId("[a-z][a-z0-9_]{1,39}");
  std::string problems;
  if (!std::regex_match(order.tenant.id, kTenantId)) {
    problems +=
        "  --tenant: zkratka obce má 2 až 40 znaků: malá písmena bez diakritiky, číslice "
        "a podtržítko, na začátku písmeno (např. frydek).\n";
  }
  if (order.tenant.name.empty()) {
    problems += "  --name: zadejte název obce, např. \"Město Frýdek-Místek\".\n";
  }
  const Status admin = CheckUserDraft(order.admin);
  for (const FieldError& field : admin.field_errors()) {
    problems += "  " + FlagOf(field.field) + ": " + field.message + "\n";
  }
  return problems;
}

// Creates the tenant and its admin; the admin's password goes to `password`.
Status Create(SqliteDatabase& db, const InitOrder& order, const std::string& chosen,
              std::string* password) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<TenantRecord> existing,
                          db.directory->GetTenant(order.tenant.id));
  if (existing) {
    return Conflict("obec „" + order.tenant.id + "“ (" + existing->name +
                    ") už v databázi je; zvolte jinou zkratku.");
  }
  if (!chosen.empty()) {
    Status policy = CheckPasswordPolicy(chosen, order.admin.login, order.admin.name, "password");
    if (!policy.ok()) return InvalidArgument("heslo: " + policy.field_errors().front().message);
  }
  SOUHRA_RETURN_IF_ERROR(db.directory->PutTenant(order.tenant));
  UserAdministration users(*db.directory, *db.access, order.tenant.id, "");
  SOUHRA_ASSIGN_OR_RETURN(AddedUser added, users.Add(order.admin, chosen));
  *password = added.password;
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<WorkingCalendar> calendar, WorkingCalendar::Create());
  SystemClock clock;
  Engine engine(*db.store, clock, *calendar);
  // As serve brings it to a new municipality: installed active, once (shipped_pack.h).
  return BringShippedPack(engine, *db.store, order.tenant.id, order.definitions).status();
}

}  // namespace

const CommandSpec& InitSpec() {
  static const CommandSpec spec{
      .name = "init",
      .summary = {"založí obec a jejího prvního správce (bez ukázkových dat)",
                  "creates a municipality and its first admin (no demo data)"},
      .usage = {"--tenant ZKRATKA --name \"Město …\" --admin LOGIN [volby]",
                "--tenant ID --name \"Town …\" --admin LOGIN [options]"},
      .options =
          {{"--db",
            {"SOUBOR", "FILE"},
            {"databáze SQLite; vznikne, když neexistuje",
             "the SQLite database; created when missing"},
            "souhra.db"},
           {"--tenant",
            {"ZKRATKA", "ID"},
            {"zkratka obce: malá písmena, číslice, podtržítko (např. frydek)",
             "the municipality's id: lower-case letters, digits, underscore (e.g. frydek)"}},
           {"--name", {"NÁZEV", "NAME"}, {"název obce", "the municipality's name"}},
           {"--admin",
            {"LOGIN", "LOGIN"},
            {"přihlašovací jméno prvního správce", "the first admin's sign-in name"}},
           {"--admin-name",
            {"JMÉNO", "NAME"},
            {"jméno a příjmení správce; bez volby jeho přihlašovací jméno",
             "the admin's full name; without it their sign-in name"}},
           {"--email", {"ADRESA", "ADDRESS"}, {"e-mail správce", "the admin's e-mail"}},
           {"--password-stdin",
            {},
            {"heslo správce z prvního řádku vstupu místo vygenerovaného dočasného",
             "the admin's password from the first line of stdin instead of a generated one"}},
           {"--definitions",
            {"SLOŽKA", "DIR"},
            {"kde jsou dodané rules/ a workflows/", "where the shipped rules/ and workflows/ are"},
            ShippedSourceDir()}},
      .examples = {"souhra init --db /var/lib/souhra/souhra.db --tenant frydek --name \"Město "
                   "Frýdek-Místek\" --admin novak --admin-name \"Ing. Jan Novák\""},
      .notes = {"Heslo (dočasné nebo ze vstupu) si správce při prvním přihlášení změní.",
                "The admin changes the password (temporary or from stdin) at the first sign-in."},
  };
  return spec;
}

int InitCommandWithInput(const CommandArgs& args, std::istream& in) {
  Flags flags(InitSpec(), args);
  InitOrder order;
  order.store.path = flags.Get("--db");
  order.definitions = flags.Get("--definitions");
  order.tenant.id = flags.Get("--tenant");
  order.tenant.name = flags.Get("--name");
  order.admin.login = flags.Get("--admin");
  order.admin.name = flags.Get("--admin-name");
  if (order.admin.name.empty()) order.admin.name = order.admin.login;
  order.admin.email = flags.Get("--email");
  order.admin.roles = {"admin"};
  order.password_stdin = flags.Has("--password-stdin");
  if (!flags.Finish(std::cerr) || !flags.positional().empty()) {
    return UsageError(InitSpec(), std::cerr);
  }
  if (const std::string problems = Problems(order); !problems.empty()) {
    std::cerr << "souhra init: obec nelze založit:\n" << problems;
    return UsageError(InitSpec(), std::cerr);
  }
  std::string chosen;
  if (order.password_stdin && !std::getline(in, chosen)) {
    return Fail("--password-stdin: na standardním vstupu není žádné heslo.");
  }
  Result<SqliteDatabase> db = OpenSqliteDatabase(order.store);
  if (!db.ok()) return Fail(db.status().ToString());
  std::string password;
  Status created = Create(*db, order, chosen, &password);
  AuditConsoleChange(*db, order.tenant.id, "souhra init",
                     "tenant:" + order.tenant.id + " user:" + order.admin.login, created,
                     SystemClock().Now());
  if (!created.ok()) return Fail(created.message());
  std::cout << "Obec „" << order.tenant.name << "“ (" << order.tenant.id << ") je založena.\n"
            << "Správce: " << order.admin.login << " (" << order.admin.name << ")\n";
  if (order.password_stdin) {
    std::cout << "Heslo je nastavené ze vstupu; při prvním přihlášení si ho správce změní.\n";
  } else {
    std::cout << "Dočasné heslo: " << password << "\n"
              << "Zobrazuje se jen teď; při prvním přihlášení si ho správce musí změnit.\n";
  }
  std::cout << "Spusťte: souhra serve --db " << order.store.path << "\n";
  return 0;
}

int InitCommand(const CommandArgs& args) { return InitCommandWithInput(args, std::cin); }

}  // namespace souhra
