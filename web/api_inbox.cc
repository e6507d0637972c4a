// The in-app inbox of the signed-in user.
#include "web/api_routes.h"
#include "web/case_access.h"

namespace souhra {
namespace {

Json MessageJson(const InboxMessage& m) {
  return Json{{"id", m.id},
              {"case_id", m.case_id},
              {"task_key", m.task_key},
              {"template", m.template_name},
              {"payload", m.payload},
              {"created", FormatUtc(m.created)},
              {"read", m.read ? Json(FormatUtc(*m.read)) : Json()}};
}

Result<ApiReply> ListInbox(ApiCall& call) {
  const Principal& p = call.principal;
  SOUHRA_ASSIGN_OR_RETURN(std::vector<InboxMessage> messages,
                          call.services.store->ListInbox(p.tenant, p.login, 100));
  SOUHRA_ASSIGN_OR_RETURN(int64_t unread, call.services.store->CountUnreadInbox(p.tenant, p.login));
  Json list = Json::array();
  for (const InboxMessage& m : messages) list.push_back(MessageJson(m));
  return ApiReply::Ok(Json{{"unread", unread}, {"messages", std::move(list)}});
}

Result<ApiReply> MarkRead(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(int64_t id, ParseId(call.Param(0), "message"));
  call.target = "inbox:" + std::to_string(id);
  const std::string tenant = call.principal.tenant;
  const std::string login = call.principal.login;
  SOUHRA_RETURN_IF_ERROR(call.services.engine->Write(
      [&](WriteTxn& txn, Instant now) { return txn.MarkInboxRead(tenant, login, id, now); }));
  SOUHRA_ASSIGN_OR_RETURN(int64_t unread, call.services.store->CountUnreadInbox(tenant, login));
  return ApiReply::Ok(Json{{"unread", unread}});
}

}  // namespace

void AddInboxRoutes(ApiRouter& router) {
  router.Get("/api/v1/inbox", {}, &ListInbox);
  router.Get("/api/v1/inbox/unread", {}, [](ApiCall& call) -> Result<ApiReply> {
    SOUHRA_ASSIGN_OR_RETURN(int64_t unread, call.services.store->CountUnreadInbox(
                                                call.principal.tenant, call.principal.login));
    return ApiReply::Ok(Json{{"unread", unread}});
  });
  router.Post("/api/v1/inbox/{id}/read", {}, &MarkRead);
}

}  // namespace souhra
