// Sign-in and sign-out, and who the caller is.
#include "web/api_routes.h"
#include "web/credentials.h"
#include "web/json_body.h"

namespace souhra {
namespace {

Result<ApiReply> SignIn(ApiCall& call, SignInGuards& guards, const SessionPolicy& policy) {
  SOUHRA_ASSIGN_OR_RETURN(JsonBody body,
                          JsonBody::Parse(call.request.body, {"tenant", "login", "password"}));
  SOUHRA_ASSIGN_OR_RETURN(std::string tenant, body.OptionalString("tenant"));
  SOUHRA_ASSIGN_OR_RETURN(std::string login, body.RequiredString("login"));
  SOUHRA_ASSIGN_OR_RETURN(std::string password, body.RequiredString("password"));
  if (tenant.empty()) tenant = call.services.default_tenant;
  // The attempt is recorded under the tenant only if it exists: a made-up name in a request
  // must not write into a tenant's log. Its failure stays under no tenant.
  SOUHRA_ASSIGN_OR_RETURN(std::optional<TenantRecord> known_tenant,
                          call.services.directory->GetTenant(tenant));
  if (known_tenant) call.audit_tenant = tenant;
  call.target = "login:" + login;
  // The limit is taken before the slow check; an attempt that never checks releases it.
  SOUHRA_ASSIGN_OR_RETURN(SignInLimiter::Attempt attempt,
                          guards.limiter.Begin(tenant + "/" + login, call.Client()));
  SOUHRA_ASSIGN_OR_RETURN(std::optional<UserRecord> user,
                          call.services.directory->GetUser(tenant, login));
  std::optional<PasswordChecks::Slot> slot = guards.password_checks.Acquire();
  if (!slot) {
    return RateLimited("Server právě ověřuje mnoho přihlášení najednou; zkuste to za chvíli znovu.",
                       1);
  }
  // An integration account has no person to type a password: only its tokens sign it in.
  const bool known = user && user->active && !user->integration;
  const bool verified = VerifyPassword(password, known ? user->password_hash : kDummyPasswordHash);
  slot.reset();
  if (!known || !verified) {
    SOUHRA_RETURN_IF_ERROR(attempt.Fail());
    return ApiReply::Error(Unauthenticated("Nesprávné přihlašovací jméno nebo heslo."),
                           "invalid_credentials");
  }
  SOUHRA_RETURN_IF_ERROR(attempt.Succeed());
  std::string cookie;
  SOUHRA_ASSIGN_OR_RETURN(call.principal, StartSession(call.services, policy, *user, &cookie));
  ApiReply reply = ApiReply::Ok(
      Json{{"user", UserJson(call.principal)}, {"csrf_token", call.principal.csrf_token}});
  reply.headers.emplace_back("Set-Cookie", cookie);
  return reply;
}

}  // namespace

Json UserJson(const Principal& p) {
  return Json{{"tenant", p.tenant},
              {"login", p.login},
              {"name", p.name},
              {"roles", p.roles},
              {"must_change_password", p.must_change_password}};
}

void AddSessionRoutes(ApiRouter& router, SignInGuards& guards) {
  const SessionPolicy policy = router.policy();
  router.PublicPost("/api/v1/session",
                    [&guards, policy](ApiCall& call) { return SignIn(call, guards, policy); });
  router.Delete("/api/v1/session", {}, [policy](ApiCall& call) -> Result<ApiReply> {
    if (!call.principal.session_hash.empty()) {
      SOUHRA_RETURN_IF_ERROR(call.services.access->DeleteSession(call.principal.session_hash));
    }
    ApiReply reply = ApiReply::Ok(Json{{"signed_out", true}});
    reply.headers.emplace_back("Set-Cookie", ExpiredSessionCookie(policy));
    return reply;
  });
  router.Get("/api/v1/me", {}, [](ApiCall& call) -> Result<ApiReply> {
    const Principal& p = call.principal;
    SOUHRA_ASSIGN_OR_RETURN(int64_t unread,
                            call.services.inbox->CountUnreadInbox(p.tenant, p.login));
    SOUHRA_ASSIGN_OR_RETURN(std::optional<UserRecord> user,
                            call.services.directory->GetUser(p.tenant, p.login));
    Json body{{"user", UserJson(p)},
              {"via", p.via},
              {"unread_inbox", unread},
              {"email", user ? user->email : ""},
              {"daily_digest", user && user->daily_digest}};
    if (p.via == "session") body["csrf_token"] = p.csrf_token;
    return ApiReply::Ok(std::move(body));
  });
}

}  // namespace souhra
