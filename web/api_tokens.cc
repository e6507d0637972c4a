// Bearer tokens of integration accounts: issued, listed and revoked by the tenant's admin. The
// router audits issuing and revoking like every change; listing never shows a secret or its hash.
#include <map>

#include "web/api_routes.h"
#include "web/json_body.h"
#include "web/token_issuer.h"

namespace souhra {
namespace {

Json TokenJson(const ApiTokenRecord& t, const std::string& user_name, Instant now) {
  return Json{{"id", t.id},
              {"name", t.name},
              {"login", t.login},
              {"user_name", user_name},
              {"created", FormatUtc(t.created)},
              {"created_by", t.created_by},
              {"expires", FormatUtc(t.expires)},
              {"last_used", t.last_used ? Json(FormatUtc(*t.last_used)) : Json()},
              {"revoked", t.revoked},
              {"expired", now >= t.expires}};
}

Result<std::optional<int>> ExpiresInDays(const JsonBody& body) {
  if (!body.Has("expires_in_days") || body.json()["expires_in_days"].is_null()) {
    return std::optional<int>();
  }
  const Json& days = body.json()["expires_in_days"];
  if (!days.is_number_integer() || days.get<int64_t>() < 1 || days.get<int64_t>() > kMaxTokenDays) {
    return Status::InvalidForm("Platnost tokenu je mimo povolený rozsah.",
                               {{"expires_in_days", "Zadejte celý počet dní od 1 do " +
                                                        std::to_string(kMaxTokenDays) + "."}});
  }
  return std::optional<int>(days.get<int>());
}

Result<ApiReply> CreateToken(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(JsonBody body,
                          JsonBody::Parse(call.request.body, {"login", "name", "expires_in_days"}));
  TokenOrder order;
  order.tenant = call.principal.tenant;
  order.created_by = call.principal.Actor();
  SOUHRA_ASSIGN_OR_RETURN(order.login, body.RequiredString("login"));
  SOUHRA_ASSIGN_OR_RETURN(order.name, body.OptionalString("name"));
  SOUHRA_ASSIGN_OR_RETURN(order.expires_in_days, ExpiresInDays(body));
  call.target = "user:" + order.login;
  SOUHRA_ASSIGN_OR_RETURN(
      IssuedToken issued,
      IssueApiToken(*call.services.directory, *call.services.access, order, call.Now()));
  call.target = "token:" + issued.record.id + " user:" + order.login;
  return ApiReply::Ok(Json{{"token", issued.secret},
                           {"id", issued.record.id},
                           {"login", order.login},
                           {"name", order.name},
                           {"expires", FormatUtc(issued.record.expires)}},
                      201);
}

// Users' names by login, so that the list names who each token acts as.
Result<std::map<std::string, std::string>> UserNames(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<UserRecord> users,
                          call.services.directory->ListUsers(call.principal.tenant));
  std::map<std::string, std::string> names;
  for (const UserRecord& u : users) names[u.login] = u.name;
  return names;
}

Result<ApiReply> ListTokens(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<ApiTokenRecord> tokens,
                          call.services.access->ListApiTokens(call.principal.tenant));
  SOUHRA_ASSIGN_OR_RETURN(auto names, UserNames(call));
  Json list = Json::array();
  for (const ApiTokenRecord& t : tokens) list.push_back(TokenJson(t, names[t.login], call.Now()));
  return ApiReply::Ok(Json{{"tokens", std::move(list)}});
}

Result<ApiReply> RevokeToken(ApiCall& call) {
  call.target = "token:" + call.Param(0);
  SOUHRA_ASSIGN_OR_RETURN(ApiTokenRecord token, call.services.access->RevokeApiToken(
                                                    call.principal.tenant, call.Param(0)));
  call.target += " user:" + token.login;
  SOUHRA_ASSIGN_OR_RETURN(auto names, UserNames(call));
  return ApiReply::Ok(Json{{"token", TokenJson(token, names[token.login], call.Now())}});
}

}  // namespace

void AddTokenRoutes(ApiRouter& router) {
  router.Get("/api/v1/tokens", {"admin"}, &ListTokens);
  router.Post("/api/v1/tokens", {"admin"}, &CreateToken);
  router.Delete("/api/v1/tokens/{id}", {"admin"}, &RevokeToken);
}

}  // namespace souhra
