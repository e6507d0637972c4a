// The tenant's accounts as its admin manages them (web/user_admin.h). Every route acts within the
// admin's own tenant, taken from the session, never from the payload; the router audits each
// change with the account it named ("user:<login>"), never a password.
#include <algorithm>

#include "web/api_routes.h"
#include "web/json_body.h"
#include "web/user_admin.h"

namespace souhra {
namespace {

Json AccountJson(const UserRecord& u) {
  Json role_names = Json::array();
  for (const std::string& role : u.roles) role_names.push_back(CzechRoleName(role));
  return Json{{"login", u.login},
              {"name", u.name},
              {"email", u.email},
              {"roles", u.roles},
              {"role_names", std::move(role_names)},
              {"active", u.active},
              {"integration", u.integration},
              {"must_change_password", u.must_change_password}};
}

UserAdministration AdministrationOf(ApiCall& call) {
  return UserAdministration(*call.services.directory, *call.services.access, call.principal.tenant,
                            call.principal.login);
}

Result<UserDraft> ReadDraft(const JsonBody& body) {
  UserDraft draft;
  SOUHRA_ASSIGN_OR_RETURN(draft.login, body.OptionalString("login"));
  SOUHRA_ASSIGN_OR_RETURN(draft.name, body.OptionalString("name"));
  SOUHRA_ASSIGN_OR_RETURN(draft.email, body.OptionalString("email"));
  if (body.Has("roles")) {
    const Json& roles = body.json()["roles"];
    const bool strings =
        roles.is_array() &&
        std::all_of(roles.begin(), roles.end(), [](const Json& r) { return r.is_string(); });
    if (!strings) {
      return Status::InvalidForm("Role nejsou správně zadané.",
                                 {{"roles", "Role se posílají jako seznam jejich označení."}});
    }
    draft.roles = roles.get<std::vector<std::string>>();
  }
  SOUHRA_ASSIGN_OR_RETURN(std::optional<bool> integration, body.OptionalBool("integration"));
  draft.integration = integration.value_or(false);
  return draft;
}

const std::vector<std::string> kDraftFields = {"login", "name", "email", "roles", "integration"};

Result<ApiReply> ListAccounts(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<UserRecord> users, AdministrationOf(call).List());
  Json list = Json::array();
  for (const UserRecord& u : users) list.push_back(AccountJson(u));
  return ApiReply::Ok(Json{{"accounts", std::move(list)}});
}

Result<ApiReply> AddAccount(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(call.request.body, kDraftFields));
  SOUHRA_ASSIGN_OR_RETURN(UserDraft draft, ReadDraft(body));
  call.target = "user:" + draft.login;
  SOUHRA_ASSIGN_OR_RETURN(AddedUser added, AdministrationOf(call).Add(draft));
  return ApiReply::Ok(
      Json{{"account", AccountJson(added.user)}, {"temporary_password", added.password}}, 201);
}

Result<ApiReply> EditAccount(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(call.request.body, kDraftFields));
  SOUHRA_ASSIGN_OR_RETURN(UserDraft draft, ReadDraft(body));
  call.target = "user:" + call.Param(0);
  if (!draft.login.empty() && draft.login != call.Param(0)) {
    return InvalidArgument("Přihlašovací jméno nelze změnit; založte nový účet.");
  }
  SOUHRA_ASSIGN_OR_RETURN(UserRecord user, AdministrationOf(call).Update(call.Param(0), draft));
  return ApiReply::Ok(Json{{"account", AccountJson(user)}});
}

Result<ApiReply> SetActive(ApiCall& call, bool active) {
  call.target = "user:" + call.Param(0);
  UserAdministration admin = AdministrationOf(call);
  SOUHRA_ASSIGN_OR_RETURN(UserRecord user,
                          active ? admin.Activate(call.Param(0)) : admin.Deactivate(call.Param(0)));
  return ApiReply::Ok(Json{{"account", AccountJson(user)}});
}

Result<ApiReply> ResetPassword(ApiCall& call) {
  call.target = "user:" + call.Param(0);
  SOUHRA_ASSIGN_OR_RETURN(std::string password,
                          AdministrationOf(call).ResetPassword(call.Param(0)));
  return ApiReply::Ok(Json{{"login", call.Param(0)}, {"temporary_password", password}});
}

}  // namespace

void AddAccountRoutes(ApiRouter& router) {
  const std::vector<std::string> admin = {"admin"};
  router.Get("/api/v1/accounts", admin, &ListAccounts);
  router.Post("/api/v1/accounts", admin, &AddAccount);
  router.Put("/api/v1/accounts/{login}", admin, &EditAccount);
  router.Post("/api/v1/accounts/{login}/deactivate", admin,
              [](ApiCall& call) { return SetActive(call, false); });
  router.Post("/api/v1/accounts/{login}/activate", admin,
              [](ApiCall& call) { return SetActive(call, true); });
  router.Post("/api/v1/accounts/{login}/reset-password", admin, &ResetPassword);
}

}  // namespace souhra
