#include "app/users_command.h"

#include <algorithm>
#include <iostream>
#include <sstream>

#include "adapters/clock/system_clock.h"
#include "adapters/sqlite/sqlite_store.h"
#include "app/console_audit.h"
#include "app/flags.h"
#include "app/help.h"
#include "web/user_admin.h"

namespace souhra {
namespace {

std::vector<std::string> SplitRoles(const std::string& text) {
  std::vector<std::string> roles;
  std::stringstream in(text);
  for (std::string role; std::getline(in, role, ',');) {
    if (!role.empty()) roles.push_back(role);
  }
  return roles;
}

std::string CzechRoles(const std::vector<std::string>& roles) {
  std::string out;
  for (const std::string& role : roles) out += (out.empty() ? "" : ", ") + CzechRoleName(role);
  return out;
}

// What the operator calls a field of the account (web/user_admin.h, UserDraft).
std::string CzechField(const std::string& field) {
  if (field == "login") return "přihlašovací jméno";
  if (field == "name") return "jméno (--name)";
  if (field == "email") return "e-mail (--email)";
  if (field == "roles") return "role (--roles)";
  return field;
}

// The message of a refusal, with a line per field to fix.
std::string Explain(const Status& status) {
  std::string out = status.message();
  for (const FieldError& f : status.field_errors()) {
    out += "\n  " + CzechField(f.field) + ": " + f.message;
  }
  return out;
}

void PrintAccount(const UserRecord& u) {
  std::cout << u.login << "  " << u.name << "  " << CzechRoles(u.roles) << "  "
            << (u.active ? "aktivní" : "neaktivní") << (u.integration ? "  integrační účet" : "")
            << (u.must_change_password ? "  musí si změnit heslo" : "") << "\n";
}

struct Request {
  std::string action;
  std::string login;
  UserDraft draft;
};

// Carries out `request`; prints what happened or returns why not.
Status Run(UserAdministration& users, const Request& request) {
  if (request.action == "list") {
    SOUHRA_ASSIGN_OR_RETURN(std::vector<UserRecord> all, users.List());
    if (all.empty()) std::cout << "Obec nemá žádné uživatele.\n";
    for (const UserRecord& u : all) PrintAccount(u);
    return Status::Ok();
  }
  if (request.action == "add") {
    SOUHRA_ASSIGN_OR_RETURN(AddedUser added, users.Add(request.draft));
    std::cout << "Uživatel " << added.user.login << " (" << added.user.name << ") je založen.\n";
    if (!added.password.empty()) {
      std::cout << "Dočasné heslo: " << added.password
                << "\nZobrazuje se jen teď; při prvním přihlášení si ho uživatel musí změnit.\n";
    }
    return Status::Ok();
  }
  if (request.action == "roles") {
    SOUHRA_ASSIGN_OR_RETURN(std::vector<UserRecord> all, users.List());
    auto it = std::find_if(all.begin(), all.end(),
                           [&](const UserRecord& u) { return u.login == request.login; });
    if (it == all.end()) return NotFound("Uživatel „" + request.login + "“ v této obci není.");
    UserDraft draft{it->login, it->name, it->email, request.draft.roles, it->integration};
    SOUHRA_ASSIGN_OR_RETURN(UserRecord user, users.Update(request.login, draft));
    std::cout << "Role uživatele " << user.login << ": " << CzechRoles(user.roles) << ".\n";
    return Status::Ok();
  }
  if (request.action == "deactivate" || request.action == "activate") {
    const bool active = request.action == "activate";
    SOUHRA_ASSIGN_OR_RETURN(
        UserRecord user, active ? users.Activate(request.login) : users.Deactivate(request.login));
    std::cout << "Uživatel " << user.login << " je "
              << (active ? "znovu aktivní.\n"
                         : "deaktivován; jeho přihlášení a tokeny přestaly platit.\n");
    return Status::Ok();
  }
  SOUHRA_ASSIGN_OR_RETURN(std::string password, users.ResetPassword(request.login));
  std::cout << "Nové dočasné heslo uživatele " << request.login << ": " << password
            << "\nZobrazuje se jen teď; při přihlášení si ho uživatel musí změnit.\n";
  return Status::Ok();
}

bool Known(const std::string& action) {
  for (const char* known : {"list", "add", "roles", "deactivate", "activate", "reset-password"}) {
    if (action == known) return true;
  }
  return false;
}

}  // namespace

const CommandSpec& UsersSpec() {
  static const CommandSpec spec{
      .name = "users",
      .summary =
          {"účty obce: výpis, přidání, role, deaktivace, nové dočasné heslo",
           "a municipality's accounts: list, add, roles, deactivate, new temporary password"},
      .usage = {"--tenant ZKRATKA [volby] list | add LOGIN | roles LOGIN | deactivate LOGIN | "
                "activate LOGIN | reset-password LOGIN",
                "--tenant ID [options] list | add LOGIN | roles LOGIN | deactivate LOGIN | "
                "activate LOGIN | reset-password LOGIN"},
      .options =
          {{"--db", {"SOUBOR", "FILE"}, {"databáze SQLite", "the SQLite database"}, "souhra.db"},
           {"--tenant", {"ZKRATKA", "ID"}, {"obec", "the municipality"}},
           {"--name",
            {"JMÉNO", "NAME"},
            {"pro add: jméno a příjmení", "for add: the person's full name"}},
           {"--email", {"ADRESA", "ADDRESS"}, {"pro add: e-mail", "for add: the e-mail"}},
           {"--roles",
            {"ROLE,ROLE", "ROLE,ROLE"},
            {"pro add a roles: social_worker, case_manager, coordinator, head, methodologist, "
             "admin",
             "for add and roles: social_worker, case_manager, coordinator, head, methodologist, "
             "admin"}},
           {"--integration",
            {},
            {"pro add: integrační účet bez hesla, jen s tokeny (souhra token)",
             "for add: an integration account without a password, tokens only (souhra token)"}}},
      .examples = {"souhra users --tenant frydek list",
                   "souhra users --tenant frydek add horak --name \"Mgr. Jiří Horák\" --roles "
                   "case_manager",
                   "souhra users --tenant frydek reset-password horak"},
      .notes = {"add a reset-password vypíšou dočasné heslo jen jednou; uživatel si ho při "
                "prvním přihlášení změní.\n"
                "deactivate ukončí přihlášení účtu a zneplatní jeho tokeny; obec si vždy ponechá "
                "aktivního správce.",
                "add and reset-password print a temporary password once; the user changes it at "
                "the first sign-in.\n"
                "deactivate ends the account's sessions and revokes its tokens; a municipality "
                "always keeps an active admin."},
  };
  return spec;
}

int UsersCommand(const CommandArgs& args) {
  Flags flags(UsersSpec(), args);
  SqliteOptions store;
  store.path = flags.Get("--db");
  const std::string tenant = flags.Get("--tenant");
  Request request;
  request.draft.name = flags.Get("--name");
  request.draft.email = flags.Get("--email");
  request.draft.roles = SplitRoles(flags.Get("--roles"));
  request.draft.integration = flags.Has("--integration");
  const std::vector<std::string>& words = flags.positional();
  if (!flags.Finish(std::cerr)) return UsageError(UsersSpec(), std::cerr);
  request.action = words.empty() ? "" : words[0];
  request.login = words.size() > 1 ? words[1] : "";
  request.draft.login = request.login;
  const size_t expected = request.action == "list" ? 1 : 2;
  if (tenant.empty() || !Known(request.action) || words.size() != expected) {
    return UsageError(UsersSpec(), std::cerr);
  }
  Result<SqliteDatabase> db = OpenSqliteDatabase(store);
  if (!db.ok()) {
    std::cerr << "souhra users: " << db.status().ToString() << "\n";
    return 1;
  }
  Result<std::optional<TenantRecord>> known = db->directory->GetTenant(tenant);
  if (!known.ok() || !*known) {
    std::cerr << "souhra users: obec „" << tenant << "“ v databázi není.\n";
    return 1;
  }
  UserAdministration users(*db->directory, *db->access, tenant, "");
  Status done = Run(users, request);
  if (request.action != "list") {
    AuditConsoleChange(*db, tenant, "souhra users " + request.action, "user:" + request.login, done,
                       SystemClock().Now());
  }
  if (!done.ok()) {
    std::cerr << "souhra users: " << Explain(done) << "\n";
    return 1;
  }
  return 0;
}

}  // namespace souhra
