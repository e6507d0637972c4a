// Administering a tenant's accounts: add, edit, deactivate and reactivate, reset a password. The
// API (web/api_accounts.cc) and `souhra users` both act here, so they validate and refuse alike,
// with the same Czech sentences.
//
// Invariants kept on every change: a tenant keeps at least one active admin; an admin does not
// deactivate themselves; a person's account is given a temporary password (or one the operator
// chose, under the policy of web/password_policy.h) that must be changed at the next sign-in; an
// integration account has no password. Deactivating an account or resetting its password ends its
// sessions, and deactivating revokes its bearer tokens; the authenticator also refuses inactive
// accounts on every request. Accounts are never deleted: history keeps naming them.
//
// Changes read and then write the directory without a transaction around both: two admins
// editing the same account at the same moment get the last write (the audit log shows both).
#pragma once

#include <string>
#include <vector>

#include "engine/access.h"
#include "engine/directory.h"

namespace souhra {

// What an admin sets on an account.
struct UserDraft {
  std::string login;
  std::string name;
  std::string email;  // "" = none
  std::vector<std::string> roles;
  bool integration = false;
};

// A person's account with the password handed out for its first sign-in.
struct AddedUser {
  UserRecord user;
  std::string password;  // the temporary password, shown once; "" for an integration account
};

// Ok, or kInvalidArgument listing each field of `draft` to fix (login, name, email, roles).
Status CheckUserDraft(const UserDraft& draft);
// Ok, or a Czech sentence on field "email": "" or one address "name@host".
Status CheckEmail(const std::string& email);

class UserAdministration {
 public:
  // Acts in `tenant` for `acting_login`, the signed-in admin ("" for the command line, whose
  // operator has the database file anyway).
  UserAdministration(Directory& directory, AccessStore& access, std::string tenant,
                     std::string acting_login);

  Result<std::vector<UserRecord>> List();
  // Adds the account. A person gets `chosen_password` if not empty (kInvalidArgument unless the
  // policy allows it), else a temporary one; either must be changed at the first sign-in.
  // kConflict when the login is taken in the tenant.
  Result<AddedUser> Add(const UserDraft& draft, const std::string& chosen_password = "");
  // Sets name, e-mail, roles and the integration flag of account `login` (the draft's login is
  // ignored). Making it an integration account removes its password and ends its sessions; a
  // person's account made from an integration has no password until one is reset.
  Result<UserRecord> Update(const std::string& login, UserDraft draft);
  Result<UserRecord> Deactivate(const std::string& login);
  Result<UserRecord> Activate(const std::string& login);
  // A new temporary password for person `login`, to be changed at the next sign-in; their
  // sessions end. kInvalidArgument for an integration account.
  Result<std::string> ResetPassword(const std::string& login);

 private:
  // The account, or kNotFound in Czech.
  Result<UserRecord> Existing(const std::string& login);
  // kConflict when changing an active admin from `before` to `after` leaves the tenant without
  // an active admin.
  Status KeepsAnAdmin(const UserRecord& before, const UserRecord& after);
  // Ends the account's sessions and, with `tokens`, revokes its bearer tokens.
  Status EndAccess(const std::string& login, bool tokens);

  Directory& directory_;
  AccessStore& access_;
  std::string tenant_;
  std::string acting_login_;
};

}  // namespace souhra
