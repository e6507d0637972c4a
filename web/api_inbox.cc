// The in-app inbox of the signed-in user, each message worded as the notifications word it
// (engine/notify/message_render.h).
#include <map>

#include "engine/notify/message_render.h"
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

// Renders `m` for the signed-in user; the cases (and their tasks) of one listing are read once.
class InboxRenderer {
 public:
  explicit InboxRenderer(ApiCall& call) : call_(call) {}

  Result<RenderedMessage> Render(const InboxMessage& m) {
    auto found = cases_.find(m.case_id);
    if (found == cases_.end()) {
      SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> c,
                              call_.services.store->GetCase(m.case_id));
      std::vector<TaskRecord> tasks;
      if (c) {
        SOUHRA_ASSIGN_OR_RETURN(tasks, call_.services.store->ListTasks(c->id));
      }
      found = cases_.emplace(m.case_id, std::make_pair(std::move(c), std::move(tasks))).first;
    }
    const auto& [kase, tasks] = found->second;
    if (!kase) return RenderedMessage();
    OutboxRecord message;
    message.case_id = m.case_id;
    message.template_name = m.template_name;
    message.payload = m.payload;
    message.created = m.created;
    RenderContext render;
    render.kase = &*kase;
    render.message = &message;
    render.recipient_name = call_.principal.name;
    render.format_time = call_.services.format_time ? call_.services.format_time : &FormatUtc;
    // The open task of that key if there is one, else the latest: as the dispatcher picks it.
    for (const TaskRecord& task : tasks) {
      if (!m.task_key.empty() && task.key == m.task_key &&
          (!render.task || task.status == TaskStatus::kOpen)) {
        render.task = task;
      }
    }
    return RenderMessage(render);
  }

 private:
  ApiCall& call_;
  std::map<CaseId, std::pair<std::optional<CaseRecord>, std::vector<TaskRecord>>> cases_;
};

Result<ApiReply> ListInbox(ApiCall& call) {
  const Principal& p = call.principal;
  SOUHRA_ASSIGN_OR_RETURN(std::vector<InboxMessage> messages,
                          call.services.store->ListInbox(p.tenant, p.login, 100));
  SOUHRA_ASSIGN_OR_RETURN(int64_t unread, call.services.store->CountUnreadInbox(p.tenant, p.login));
  InboxRenderer renderer(call);
  Json list = Json::array();
  for (const InboxMessage& m : messages) {
    Json item = MessageJson(m);
    SOUHRA_ASSIGN_OR_RETURN(RenderedMessage text, renderer.Render(m));
    item["title"] = text.subject;
    item["body"] = text.text;
    item["urgent"] = text.urgent;
    item["link"] = text.link;
    list.push_back(std::move(item));
  }
  return ApiReply::Ok(Json{{"unread", unread}, {"messages", std::move(list)}});
}

Result<ApiReply> MarkRead(ApiCall& call) {
  SOUHRA_ASSIGN_OR_RETURN(int64_t id, ParseId(call.Param(0), "message"));
  call.target = "inbox:" + std::to_string(id);
  const std::string tenant = call.principal.tenant;
  const std::string login = call.principal.login;
  SOUHRA_RETURN_IF_ERROR(call.services.engine->Write(
      [&](WriteTxn& txn, Instant now) { return txn.MarkInboxRead(tenant, login, id, now); },
      call.Audit()));
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
