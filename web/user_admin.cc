#include "web/user_admin.h"

#include <algorithm>
#include <regex>

#include "web/credentials.h"
#include "web/password_policy.h"

namespace souhra {
namespace {

bool KnownRole(const std::string& role) {
  return std::any_of(std::begin(kUserRoles), std::end(kUserRoles),
                     [&](const char* known) { return role == known; });
}

bool IsActiveAdmin(const UserRecord& user) { return user.active && user.HasRole("admin"); }

}  // namespace

Status CheckEmail(const std::string& email) {
  static const std::regex kAddress(R"([^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+)");
  if (email.empty() || std::regex_match(email, kAddress)) return Status::Ok();
  return Status::InvalidForm("E-mailová adresa není platná.",
                             {{"email", "Zadejte jednu e-mailovou adresu, např. jana@mesto.cz."}});
}

Status CheckUserDraft(const UserDraft& draft) {
  static const std::regex kLogin("[a-z0-9][a-z0-9._-]{1,39}");
  std::vector<FieldError> fields;
  if (!std::regex_match(draft.login, kLogin)) {
    fields.push_back({"login",
                      "Přihlašovací jméno má 2 až 40 znaků: malá písmena bez diakritiky, číslice, "
                      "tečka, pomlčka nebo podtržítko, na začátku písmeno nebo číslice."});
  }
  if (draft.name.empty()) fields.push_back({"name", "Vyplňte jméno a příjmení."});
  Status email = CheckEmail(draft.email);
  if (!email.ok()) fields.push_back(email.field_errors().front());
  if (draft.roles.empty()) {
    fields.push_back({"roles", "Vyberte alespoň jednu roli."});
  } else if (!std::all_of(draft.roles.begin(), draft.roles.end(), &KnownRole)) {
    fields.push_back({"roles", "Vyberte role ze seznamu."});
  }
  if (fields.empty()) return Status::Ok();
  return Status::InvalidForm("Údaje uživatele nejsou úplné nebo správné.", std::move(fields));
}

UserAdministration::UserAdministration(Directory& directory, AccessStore& access,
                                       std::string tenant, std::string acting_login)
    : directory_(directory),
      access_(access),
      tenant_(std::move(tenant)),
      acting_login_(std::move(acting_login)) {}

Result<std::vector<UserRecord>> UserAdministration::List() { return directory_.ListUsers(tenant_); }

Result<AddedUser> UserAdministration::Add(const UserDraft& draft,
                                          const std::string& chosen_password) {
  SOUHRA_RETURN_IF_ERROR(CheckUserDraft(draft));
  SOUHRA_ASSIGN_OR_RETURN(std::optional<UserRecord> taken,
                          directory_.GetUser(tenant_, draft.login));
  if (taken) {
    return Status::InvalidForm(
        "Uživatel s tímto přihlašovacím jménem už existuje.",
        {{"login", "Přihlašovací jméno „" + draft.login + "“ už má jiný uživatel; zvolte jiné."}});
  }
  AddedUser added;
  UserRecord& user = added.user;
  user.tenant = tenant_;
  user.login = draft.login;
  user.name = draft.name;
  user.email = draft.email;
  user.roles = draft.roles;
  user.integration = draft.integration;
  if (!draft.integration) {
    if (!chosen_password.empty()) {
      SOUHRA_RETURN_IF_ERROR(
          CheckPasswordPolicy(chosen_password, draft.login, draft.name, "password"));
    }
    added.password = chosen_password.empty() ? TemporaryPassword() : chosen_password;
    SOUHRA_ASSIGN_OR_RETURN(user.password_hash, HashPassword(added.password));
    user.must_change_password = true;
  }
  SOUHRA_RETURN_IF_ERROR(directory_.PutUser(user));
  return added;
}

Result<UserRecord> UserAdministration::Update(const std::string& login, UserDraft draft) {
  draft.login = login;
  SOUHRA_RETURN_IF_ERROR(CheckUserDraft(draft));
  SOUHRA_ASSIGN_OR_RETURN(UserRecord user, Existing(login));
  const UserRecord before = user;
  const bool becomes_integration = draft.integration && !user.integration;
  user.name = draft.name;
  user.email = draft.email;
  user.roles = draft.roles;
  user.integration = draft.integration;
  if (becomes_integration) {
    user.password_hash.clear();
    user.must_change_password = false;
  }
  SOUHRA_RETURN_IF_ERROR(KeepsAnAdmin(before, user));
  SOUHRA_RETURN_IF_ERROR(directory_.PutUser(user));
  if (becomes_integration) SOUHRA_RETURN_IF_ERROR(EndAccess(login, /*tokens=*/false));
  return user;
}

Result<UserRecord> UserAdministration::Deactivate(const std::string& login) {
  SOUHRA_ASSIGN_OR_RETURN(UserRecord user, Existing(login));
  if (login == acting_login_) {
    return Conflict("Sami sebe deaktivovat nemůžete; požádejte o to jiného správce.");
  }
  const UserRecord before = user;
  user.active = false;
  SOUHRA_RETURN_IF_ERROR(KeepsAnAdmin(before, user));
  SOUHRA_RETURN_IF_ERROR(directory_.PutUser(user));
  SOUHRA_RETURN_IF_ERROR(EndAccess(login, /*tokens=*/true));
  return user;
}

Result<UserRecord> UserAdministration::Activate(const std::string& login) {
  SOUHRA_ASSIGN_OR_RETURN(UserRecord user, Existing(login));
  user.active = true;
  SOUHRA_RETURN_IF_ERROR(directory_.PutUser(user));
  return user;
}

Result<std::string> UserAdministration::ResetPassword(const std::string& login) {
  SOUHRA_ASSIGN_OR_RETURN(UserRecord user, Existing(login));
  if (user.integration) {
    return InvalidArgument(
        "Integrační účet nemá heslo; přihlašuje se jen tokenem, který vydáte v části Tokeny.");
  }
  const std::string password = TemporaryPassword();
  SOUHRA_ASSIGN_OR_RETURN(user.password_hash, HashPassword(password));
  user.must_change_password = true;
  SOUHRA_RETURN_IF_ERROR(directory_.PutUser(user));
  SOUHRA_RETURN_IF_ERROR(EndAccess(login, /*tokens=*/false));
  return password;
}

Result<UserRecord> UserAdministration::Existing(const std::string& login) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<UserRecord> user, directory_.GetUser(tenant_, login));
  if (!user) return NotFound("Uživatel „" + login + "“ v této obci není.");
  return *user;
}

Status UserAdministration::KeepsAnAdmin(const UserRecord& before, const UserRecord& after) {
  if (!IsActiveAdmin(before) || IsActiveAdmin(after)) return Status::Ok();
  SOUHRA_ASSIGN_OR_RETURN(std::vector<UserRecord> users, directory_.ListUsers(tenant_));
  const bool another = std::any_of(users.begin(), users.end(), [&](const UserRecord& u) {
    return u.login != after.login && IsActiveAdmin(u);
  });
  if (another) return Status::Ok();
  return Conflict(
      "Obec by zůstala bez aktivního správce; nejdřív dejte roli správce jinému uživateli.");
}

Status UserAdministration::EndAccess(const std::string& login, bool tokens) {
  SOUHRA_RETURN_IF_ERROR(access_.DeleteSessionsOf(tenant_, login));
  if (!tokens) return Status::Ok();
  SOUHRA_ASSIGN_OR_RETURN(std::vector<ApiTokenRecord> all, access_.ListApiTokens(tenant_));
  for (const ApiTokenRecord& token : all) {
    if (token.login == login && !token.revoked) {
      SOUHRA_RETURN_IF_ERROR(access_.RevokeApiToken(tenant_, token.id).status());
    }
  }
  return Status::Ok();
}

}  // namespace souhra
