// The tenant's directory: external actors (read by all, edited by coordinators and admins) and
// users (names and roles, for choosing an assignee).
#include <algorithm>

#include "adapters/webhook/webhook_target.h"
#include "web/api_routes.h"
#include "web/json_body.h"
#include "web/user_admin.h"

namespace souhra {
namespace {

const std::vector<std::string> kActorKinds = {
    "social_services", "health",      "labour_office", "school", "police",
    "housing",         "debt_advice", "municipality",  "family", "other"};

Json ActorJson(const ActorRecord& a) {
  // The webhook secret stays on the server.
  return Json{{"id", a.id},
              {"name", a.name},
              {"organisation", a.organisation},
              {"kind", a.kind},
              {"email", a.email},
              {"phone", a.phone},
              {"webhook_url", a.webhook_url},
              {"formal_agreement", a.formal_agreement},
              {"active", a.active}};
}

Status ReadActor(const JsonBody& body, ActorRecord* actor) {
  SOUHRA_ASSIGN_OR_RETURN(actor->name, body.RequiredString("name"));
  SOUHRA_ASSIGN_OR_RETURN(actor->organisation, body.OptionalString("organisation"));
  SOUHRA_ASSIGN_OR_RETURN(actor->kind, body.RequiredString("kind"));
  if (std::find(kActorKinds.begin(), kActorKinds.end(), actor->kind) == kActorKinds.end()) {
    return InvalidArgument("Druh aktéra „" + actor->kind +
                           "“ Souhra nezná; vyberte druh ze seznamu.");
  }
  SOUHRA_ASSIGN_OR_RETURN(actor->email, body.OptionalString("email"));
  SOUHRA_RETURN_IF_ERROR(CheckEmail(actor->email));
  SOUHRA_ASSIGN_OR_RETURN(actor->phone, body.OptionalString("phone"));
  SOUHRA_ASSIGN_OR_RETURN(actor->webhook_url, body.OptionalString("webhook_url"));
  // The secret is never sent to the browser, so an edit that omits it keeps it; "" clears it.
  if (body.Has("webhook_secret")) {
    SOUHRA_ASSIGN_OR_RETURN(actor->webhook_secret, body.OptionalString("webhook_secret"));
  }
  SOUHRA_ASSIGN_OR_RETURN(std::optional<bool> agreement, body.OptionalBool("formal_agreement"));
  actor->formal_agreement = agreement.value_or(false);
  SOUHRA_ASSIGN_OR_RETURN(std::optional<bool> active, body.OptionalBool("active"));
  actor->active = active.value_or(true);
  return Status::Ok();
}

// The server will post to the actor's webhook: refuse a URL that reaches loopback or internal
// addresses unless the tenant allow-lists it (adapters/webhook/webhook_target.h). Sending checks
// again, since what a name resolves to may change.
Status CheckWebhook(ApiCall& call, const ActorRecord& actor) {
  if (actor.webhook_url.empty()) return Status::Ok();
  SOUHRA_ASSIGN_OR_RETURN(std::optional<TenantRecord> tenant,
                          call.services.directory->GetTenant(actor.tenant));
  Result<WebhookTarget> target =
      CheckWebhookTarget(actor.webhook_url, tenant ? tenant->settings : Json::object());
  if (target.ok()) return Status::Ok();
  return Status::InvalidForm("Adresu webhooku nelze použít.",
                             {{"webhook_url", target.status().message()}});
}

const std::vector<std::string> kActorFields = {
    "id",          "name",           "organisation",     "kind",  "email", "phone",
    "webhook_url", "webhook_secret", "formal_agreement", "active"};

Result<ApiReply> SaveActor(ApiCall& call, bool create) {
  SOUHRA_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(call.request.body, kActorFields));
  ActorRecord actor;
  actor.tenant = call.principal.tenant;
  if (create) {
    SOUHRA_ASSIGN_OR_RETURN(actor.id, body.RequiredString("id"));
  } else {
    actor.id = call.Param(0);
    SOUHRA_ASSIGN_OR_RETURN(std::string id, body.OptionalString("id"));
    if (!id.empty() && id != actor.id) {
      return InvalidArgument(
          "Zkratka aktéra v údajích se liší od upravovaného aktéra; načtěte ho znovu.");
    }
  }
  call.target = "actor:" + actor.id;
  SOUHRA_ASSIGN_OR_RETURN(std::optional<ActorRecord> existing,
                          call.services.directory->GetActor(actor.tenant, actor.id));
  if (create && existing) {
    return Conflict("Aktér se zkratkou „" + actor.id + "“ už v adresáři je; zvolte jinou zkratku.");
  }
  if (!create && !existing) {
    return NotFound("Aktér „" + actor.id + "“ v adresáři není; načtěte adresář znovu.");
  }
  if (existing) actor.webhook_secret = existing->webhook_secret;
  SOUHRA_RETURN_IF_ERROR(ReadActor(body, &actor));
  SOUHRA_RETURN_IF_ERROR(CheckWebhook(call, actor));
  SOUHRA_RETURN_IF_ERROR(call.services.directory->PutActor(actor));
  return ApiReply::Ok(ActorJson(actor), create ? 201 : 200);
}

}  // namespace

void AddDirectoryRoutes(ApiRouter& router) {
  router.Get("/api/v1/actors", {}, [](ApiCall& call) -> Result<ApiReply> {
    SOUHRA_ASSIGN_OR_RETURN(std::vector<ActorRecord> actors,
                            call.services.directory->ListActors(call.principal.tenant));
    Json list = Json::array();
    for (const ActorRecord& a : actors) list.push_back(ActorJson(a));
    return ApiReply::Ok(Json{{"actors", std::move(list)}});
  });
  const std::vector<std::string> editors = {"coordinator", "admin"};
  router.Post("/api/v1/actors", editors, [](ApiCall& call) { return SaveActor(call, true); });
  router.Put("/api/v1/actors/{id}", editors, [](ApiCall& call) { return SaveActor(call, false); });
  router.Get("/api/v1/users", {}, [](ApiCall& call) -> Result<ApiReply> {
    SOUHRA_ASSIGN_OR_RETURN(std::vector<UserRecord> users,
                            call.services.directory->ListUsers(call.principal.tenant));
    Json list = Json::array();
    for (const UserRecord& u : users) {
      list.push_back(Json{{"login", u.login},
                          {"name", u.name},
                          {"roles", u.roles},
                          {"active", u.active},
                          {"integration", u.integration}});
    }
    return ApiReply::Ok(Json{{"users", std::move(list)}});
  });
}

}  // namespace souhra
