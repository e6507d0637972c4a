// The Directory seam: who works in each municipality (tenant) and whom it works with.
//
// Tenants carry their settings (e-mail server, web address); users are the office's people with
// their roles and how they want to be told about things; actors are the external partners of the
// tenant's directory (GP, Charita, Úřad práce, …) that a coordinator invites to a case
// conference. The engine never reads the directory while applying events: notifications name a
// role, a user or an actor, and the delivery side resolves them here. SQLite implements it in
// adapters/sqlite/directory_store.h. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/json.h"
#include "engine/status.h"

namespace souhra {

struct TenantRecord {
  std::string id;    // "demo", "frydek" — the tenant of cases, users and definitions
  std::string name;  // "Město Frýdek-Místek"
  // Free-form settings the adapters read, e.g.
  // {"base_url": "https://souhra.example.cz",
  //  "smtp": {"host": "…", "port": 587, "username": "…", "password": "…", "from": "…",
  //           "starttls": true}}
  Json settings = Json::object();
};

// The roles a user may hold in a tenant (DOMAIN.md, "Who uses it").
inline constexpr const char* kUserRoles[] = {"social_worker", "case_manager",  "coordinator",
                                             "head",          "methodologist", "admin"};

// How a role is called in Czech, as the UI names it: "koordinátor podpory", "case manager".
std::string CzechRoleName(const std::string& role);

struct UserRecord {
  std::string tenant;
  std::string login;  // unique within the tenant, e.g. "novakova"
  std::string name;   // "Jana Nováková"
  std::string email;  // "" when the user has none: only the in-app inbox reaches them
  std::vector<std::string> roles;
  std::string password_hash;  // libsodium crypto_pwhash_str (Argon2id); "" = cannot sign in
  bool daily_digest = false;  // reminders once a day in one e-mail; escalations still at once
  bool active = true;
  // An account for another system (an import, a registry), not a person: it never signs in with
  // a password and is the only kind of account bearer tokens are issued for.
  bool integration = false;
  // Signed in with a temporary password (a new account, a reset): until the user sets their own,
  // their session may do nothing but change it (web/api_router.cc).
  bool must_change_password = false;

  bool HasRole(const std::string& role) const;
};

// An external actor of the tenant's directory (aktér). Kinds say what the information rules
// (rules/information_sharing.lua) may share with them: "social_services" (social workers of
// other institutions), "health", "labour_office", "school", "police", "housing", "debt_advice",
// "municipality", "family", "other".
struct ActorRecord {
  std::string tenant;
  std::string id;            // "charita", "up_frydek"
  std::string name;          // contact person, "Mgr. Petra Malá"
  std::string organisation;  // "Charita Frýdek-Místek"
  std::string kind;
  std::string email;
  std::string phone;
  std::string webhook_url;        // "" = no webhook; messages then go by e-mail
  std::string webhook_secret;     // HMAC key the receiver verifies signatures with
  bool formal_agreement = false;  // a memorandum / formal partnership with the municipality
  bool active = true;
};

class Directory {
 public:
  virtual ~Directory() = default;

  virtual Result<std::optional<TenantRecord>> GetTenant(const std::string& id) = 0;
  virtual Result<std::vector<TenantRecord>> ListTenants() = 0;
  virtual Status PutTenant(const TenantRecord& tenant) = 0;  // insert or replace

  virtual Result<std::optional<UserRecord>> GetUser(const std::string& tenant,
                                                    const std::string& login) = 0;
  // Users of the tenant by login.
  virtual Result<std::vector<UserRecord>> ListUsers(const std::string& tenant) = 0;
  // Insert or replace. kInvalidArgument for an unknown role, a tenant that does not exist, or an
  // integration user with a password.
  virtual Status PutUser(const UserRecord& user) = 0;

  virtual Result<std::optional<ActorRecord>> GetActor(const std::string& tenant,
                                                      const std::string& id) = 0;
  // Actors of the tenant by organisation, then name.
  virtual Result<std::vector<ActorRecord>> ListActors(const std::string& tenant) = 0;
  // Insert or replace. kInvalidArgument for a tenant that does not exist.
  virtual Status PutActor(const ActorRecord& actor) = 0;
};

}  // namespace souhra
