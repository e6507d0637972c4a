#include "app/demo_directory.h"

#include "web/credentials.h"

namespace souhra {
namespace {

struct DemoActor {
  const char* id;
  const char* name;
  const char* organisation;
  const char* kind;
  const char* email;
  const char* phone;
  bool formal_agreement;
};

constexpr DemoActor kDemoActors[] = {
    {"mudr_kralova", "MUDr. Hana Králová", "Praktická lékařka Demo obec", "health",
     "kralova@ordinace.example.cz", "+420 555 100 200", false},
    {"charita", "Mgr. Petra Malá", "Charita Demo obec", "social_services",
     "mala@charita.example.cz", "+420 555 100 300", true},
    {"up", "Ing. Tomáš Beneš", "Úřad práce ČR, kontaktní pracoviště Demo obec", "labour_office",
     "benes@up.example.cz", "+420 555 100 400", true},
    {"dluhova_poradna", "Bc. Lucie Horáková", "Dluhová poradna Demo obec", "debt_advice",
     "horakova@poradna.example.cz", "+420 555 100 500", true},
    {"bytovy_odbor", "Ing. Jan Procházka", "Odbor bytového hospodářství", "housing",
     "prochazka@demo-obec.example.cz", "+420 555 100 600", true},
    {"zs_komenskeho", "Mgr. Eva Svobodová", "ZŠ Komenského", "school", "svobodova@zs.example.cz",
     "+420 555 100 700", false},
    {"policie", "npor. Karel Dvořák", "Policie ČR, obvodní oddělení Demo obec", "police",
     "dvorak@policie.example.cz", "+420 555 100 800", false},
};

std::string GeneratedPassword() {
  // 12 hex digits of a random token: easy to type from the console, 48 bits.
  return RandomToken().substr(0, 12);
}

Status SetPasswords(Directory& directory, const std::string& tenant, const std::string& password,
                    bool create) {
  SOUHRA_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  for (const DemoSignIn& demo : DemoSignIns()) {
    SOUHRA_ASSIGN_OR_RETURN(std::optional<UserRecord> existing,
                            directory.GetUser(tenant, demo.login));
    if (!existing && !create) continue;  // removed by an administrator: leave it removed
    UserRecord user = existing.value_or(UserRecord());
    if (!existing) {
      user.tenant = tenant;
      user.login = demo.login;
      user.name = demo.name;
      user.email = demo.login + "@example.cz";
      user.roles = {demo.role};
    }
    user.password_hash = hash;  // one hash for all: Argon2id is slow by design
    SOUHRA_RETURN_IF_ERROR(directory.PutUser(user));
  }
  return Status::Ok();
}

// The import of referrals from the municipality's records system: it registers referrals as a
// social worker does, and holds no password, only the tokens an administrator issues.
UserRecord DemoIntegration(const std::string& tenant) {
  UserRecord user;
  user.tenant = tenant;
  user.login = kDemoIntegrationLogin;
  user.name = "Import z evidence";
  user.roles = {"social_worker"};
  user.integration = true;
  return user;
}

}  // namespace

const std::vector<DemoSignIn>& DemoSignIns() {
  static const std::vector<DemoSignIn> users = {
      {"social_worker", "dvorakova", "Bc. Lenka Dvořáková"},
      {"case_manager", "novakova", "Mgr. Jana Nováková"},
      {"coordinator", "svoboda", "Mgr. Petr Svoboda"},
      {"head", "cerna", "PhDr. Marie Černá"},
      {"methodologist", "kucera", "Mgr. Tomáš Kučera"},
      {"admin", "spravce", "Ing. Pavel Správce"},
  };
  return users;
}

Status SeedDemoDirectory(Directory& directory, const std::string& tenant,
                         const std::string& password, std::string* password_used) {
  password_used->clear();
  SOUHRA_ASSIGN_OR_RETURN(std::optional<TenantRecord> existing, directory.GetTenant(tenant));
  if (existing) {
    if (password.empty()) return Status::Ok();
    SOUHRA_RETURN_IF_ERROR(SetPasswords(directory, tenant, password, /*create=*/false));
    *password_used = password;
    return Status::Ok();
  }
  TenantRecord record;
  record.id = tenant;
  record.name = "Demo obec";
  SOUHRA_RETURN_IF_ERROR(directory.PutTenant(record));
  for (const DemoActor& a : kDemoActors) {
    ActorRecord actor;
    actor.tenant = tenant;
    actor.id = a.id;
    actor.name = a.name;
    actor.organisation = a.organisation;
    actor.kind = a.kind;
    actor.email = a.email;
    actor.phone = a.phone;
    actor.formal_agreement = a.formal_agreement;
    SOUHRA_RETURN_IF_ERROR(directory.PutActor(actor));
  }
  SOUHRA_RETURN_IF_ERROR(directory.PutUser(DemoIntegration(tenant)));
  const std::string chosen = password.empty() ? GeneratedPassword() : password;
  SOUHRA_RETURN_IF_ERROR(SetPasswords(directory, tenant, chosen, /*create=*/true));
  *password_used = chosen;
  return Status::Ok();
}

std::string TenantNameOf(const std::string& id) {
  std::string name;
  bool word_start = true;
  for (char c : id) {
    if (c == '_' || c == '-') {
      name += ' ';
      word_start = true;
      continue;
    }
    name += word_start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    word_start = false;
  }
  return name;
}

Status SeedExampleTenants(Directory& directory, const std::vector<std::string>& tenants) {
  for (const std::string& id : tenants) {
    SOUHRA_ASSIGN_OR_RETURN(std::optional<TenantRecord> existing, directory.GetTenant(id));
    if (existing) continue;
    TenantRecord record;
    record.id = id;
    record.name = TenantNameOf(id);
    SOUHRA_RETURN_IF_ERROR(directory.PutTenant(record));
  }
  return Status::Ok();
}

void PrintDemoSignIns(std::ostream& out, const std::string& url, const std::string& password) {
  out << "Přihlášení do ukázkové obce (" << url << "), heslo pro všechny: " << password << "\n";
  for (const DemoSignIn& demo : DemoSignIns()) {
    out << "  " << demo.role << ": " << demo.login << " (" << demo.name << ")\n";
  }
  out << "Heslo je uloženo jen jako hash; zapište si ho, nebo ho nastavte --demo-password.\n";
  out << "Integrační účet " << kDemoIntegrationLogin
      << " (Import z evidence) se nepřihlašuje heslem; token: souhra token --login "
      << kDemoIntegrationLogin << " --name TEXT\n";
}

}  // namespace souhra
