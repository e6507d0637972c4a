// Sign-in and sign-out, and who the caller is.
#include "web/api_routes.h"
#include "web/credentials.h"
#include "web/json_body.h"

namespace souhra {
namespace {

Result<ApiReply> SignIn(ApiCall& call, SignInLimiter& limiter, const SessionPolicy& policy) {
  SOUHRA_ASSIGN_OR_RETURN(JsonBody body,
                          JsonBody::Parse(call.request.body, {"tenant", "login", "password"}));
  SOUHRA_ASSIGN_OR_RETURN(std::string tenant, body.OptionalString("tenant"));
  SOUHRA_ASSIGN_OR_RETURN(std::string login, body.RequiredString("login"));
  SOUHRA_ASSIGN_OR_RETURN(std::string password, body.RequiredString("password"));
  if (tenant.empty()) tenant = call.services.default_tenant;
  call.audit_tenant = tenant;
  call.target = "login:" + login;
  const std::string key = tenant + "/" + login;
  if (int64_t wait = limiter.RetryAfterSeconds(key, call.Client()); wait > 0) {
    return RateLimited("Příliš mnoho neúspěšných přihlášení; zkuste to za " +
                           std::to_string((wait + 59) / 60) + " min.",
                       wait);
  }
  SOUHRA_ASSIGN_OR_RETURN(std::optional<UserRecord> user,
                          call.services.directory->GetUser(tenant, login));
  // An integration account has no person to type a password: only its tokens sign it in.
  const bool known = user && user->active && !user->integration;
  const bool verified = VerifyPassword(password, known ? user->password_hash : kDummyPasswordHash);
  if (!known || !verified) {
    limiter.RecordFailure(key, call.Client());
    return ApiReply::Error(Unauthenticated("Nesprávné přihlašovací jméno nebo heslo."),
                           "invalid_credentials");
  }
  limiter.RecordSuccess(key);
  std::string cookie;
  SOUHRA_ASSIGN_OR_RETURN(call.principal, StartSession(call.services, policy, *user, &cookie));
  ApiReply reply = ApiReply::Ok(
      Json{{"user", UserJson(call.principal)}, {"csrf_token", call.principal.csrf_token}});
  reply.headers.emplace_back("Set-Cookie", cookie);
  return reply;
}

}  // namespace

Json UserJson(const Principal& p) {
  return Json{{"tenant", p.tenant}, {"login", p.login}, {"name", p.name}, {"roles", p.roles}};
}

void AddSessionRoutes(ApiRouter& router, SignInLimiter& limiter) {
  const SessionPolicy policy = router.policy();
  router.PublicPost("/api/v1/session",
                    [&limiter, policy](ApiCall& call) { return SignIn(call, limiter, policy); });
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
    Json body{{"user", UserJson(p)}, {"via", p.via}, {"unread_inbox", unread}};
    if (p.via == "session") body["csrf_token"] = p.csrf_token;
    return ApiReply::Ok(std::move(body));
  });
}

}  // namespace souhra
