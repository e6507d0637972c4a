// A user's own account: their e-mail and digest choice, and their password. Changing the password
// asks for the current one, checked under the same failure limit as a sign-in (a session left
// open must not become a way to guess it), and ends a forced change.
#include "web/api_routes.h"
#include "web/credentials.h"
#include "web/json_body.h"
#include "web/password_policy.h"
#include "web/user_admin.h"

namespace souhra {
namespace {

Result<UserRecord> Own(ApiCall& call) {
  call.target = "user:" + call.principal.login;
  SOUHRA_ASSIGN_OR_RETURN(
      std::optional<UserRecord> user,
      call.services.directory->GetUser(call.principal.tenant, call.principal.login));
  if (!user) return NotFound("Váš účet už neexistuje; přihlaste se znovu.");
  return *user;
}

Result<ApiReply> SaveSettings(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(JsonBody body,
                          JsonBody::Parse(call.request.body, {"email", "daily_digest"}));
  SOUHRA_ASSIGN_OR_RETURN(UserRecord user, Own(call));
  SOUHRA_ASSIGN_OR_RETURN(user.email, body.OptionalString("email"));
  SOUHRA_RETURN_IF_ERROR(CheckEmail(user.email));
  SOUHRA_ASSIGN_OR_RETURN(std::optional<bool> digest, body.OptionalBool("daily_digest"));
  user.daily_digest = digest.value_or(user.daily_digest);
  SOUHRA_RETURN_IF_ERROR(call.services.directory->PutUser(user));
  return ApiReply::Ok(Json{{"email", user.email}, {"daily_digest", user.daily_digest}});
}

Result<ApiReply> ChangePassword(ApiCall& call, SignInGuards& guards) {
  SOUHRA_ASSIGN_OR_RETURN(JsonBody body,
                          JsonBody::Parse(call.request.body, {"current_password", "new_password"}));
  SOUHRA_ASSIGN_OR_RETURN(std::string current, body.OptionalString("current_password"));
  SOUHRA_ASSIGN_OR_RETURN(std::string fresh, body.OptionalString("new_password"));
  SOUHRA_ASSIGN_OR_RETURN(UserRecord user, Own(call));
  if (user.integration) {
    return InvalidArgument("Integrační účet nemá heslo; přihlašuje se jen tokenem.");
  }
  SOUHRA_RETURN_IF_ERROR(CheckPasswordPolicy(fresh, user.login, user.name, "new_password"));
  SOUHRA_ASSIGN_OR_RETURN(SignInLimiter::Attempt attempt,
                          guards.limiter.Begin(user.tenant + "/" + user.login, call.Client()));
  std::optional<PasswordChecks::Slot> slot = guards.password_checks.Acquire();
  if (!slot) {
    return RateLimited("Server právě ověřuje mnoho hesel najednou; zkuste to za chvíli znovu.", 1);
  }
  const bool verified = VerifyPassword(current, user.password_hash);
  slot.reset();
  if (!verified) {
    SOUHRA_RETURN_IF_ERROR(attempt.Fail());
    return Status::InvalidForm("Současné heslo nesouhlasí.",
                               {{"current_password", "Zadejte heslo, kterým jste se přihlásili."}});
  }
  SOUHRA_RETURN_IF_ERROR(attempt.Succeed());
  if (fresh == current) {
    return Status::InvalidForm("Nové heslo je stejné jako současné.",
                               {{"new_password", "Zvolte heslo jiné než současné."}});
  }
  SOUHRA_ASSIGN_OR_RETURN(user.password_hash, HashPassword(fresh));
  user.must_change_password = false;
  SOUHRA_RETURN_IF_ERROR(call.services.directory->PutUser(user));
  return ApiReply::Ok(Json{{"changed", true}});
}

}  // namespace

void AddOwnAccountRoutes(ApiRouter& router, SignInGuards& guards) {
  router.Put("/api/v1/me", {}, &SaveSettings);
  router.Put("/api/v1/me/password", {},
             [&guards](ApiCall& call) { return ChangePassword(call, guards); });
}

}  // namespace souhra
