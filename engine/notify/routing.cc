#include "engine/notify/routing.h"

#include <utility>

#include "engine/notify/recipients.h"

namespace souhra {
namespace {

// What every route of the message starts from: its key, case, task and template.
Delivery BaseDelivery(const RoutingFacts& facts) {
  const OutboxRecord& message = facts.message;
  Delivery delivery;
  delivery.key = "outbox-" + std::to_string(message.id);
  delivery.tenant = facts.kase.tenant;
  delivery.case_id = message.case_id;
  delivery.case_code = facts.kase.code;
  delivery.task_key = TaskKeyOf(message);
  delivery.recipient = message.recipient;
  delivery.template_name = message.template_name;
  delivery.payload = message.payload;
  return delivery;
}

// What the message's texts are rendered from, except the recipient's name. Points into `facts`.
RenderContext RenderContextOf(const RoutingFacts& facts, const std::string& task_key) {
  RenderContext render;
  render.kase = &facts.kase;
  render.message = &facts.message;
  render.base_url = facts.tenant_settings.value("base_url", "");
  render.format_time = facts.format_time;
  for (const TaskRecord& task : facts.tasks) {
    // The last open one of that key if there is one, else the first listed.
    if (task.key == task_key && (!render.task || task.status == TaskStatus::kOpen)) {
      render.task = task;
    }
  }
  return render;
}

// `delivery` with the subject and texts its recipient reads.
Delivery Rendered(RenderContext render, Delivery delivery) {
  render.recipient_name = delivery.recipient_name;
  RenderedMessage text = RenderMessage(render);
  delivery.subject = std::move(text.subject);
  delivery.text = std::move(text.text);
  delivery.due = std::move(text.due);
  delivery.link = std::move(text.link);
  return delivery;
}

Result<Routing> RouteToActor(const RoutingFacts& facts, const std::string& id, Delivery base,
                             const RenderContext& render) {
  const std::optional<ActorRecord>& actor = facts.actor;
  if (!actor || !actor->active) return NotFound("no active actor '" + id + "'");
  if (!facts.sharing) return Routing(Refusal{"pravidla sdílení informací nejsou nainstalována"});
  if (!facts.sharing->allowed) {
    const std::string& reason = facts.sharing->reason;
    return Routing(Refusal{reason.empty() ? "sdílení není povoleno" : reason});
  }
  base.recipient_name = actor->name.empty() ? actor->organisation : actor->name;
  base.webhook_secret = actor->webhook_secret;
  const std::string channel = !actor->webhook_url.empty() ? "webhook" : "email";
  base.address = channel == "webhook" ? actor->webhook_url : actor->email;
  if (base.address.empty()) {
    return InvalidArgument("actor '" + id + "' has neither a webhook nor an e-mail address");
  }
  base.key += "-" + channel + "-" + id;
  return Routing(std::vector<Route>{{channel, Rendered(render, std::move(base))}});
}

Result<Routing> RouteToUser(const RoutingFacts& facts, Delivery base, const RenderContext& render) {
  SOUHRA_ASSIGN_OR_RETURN(base.login, ResolveLogin(facts.message.recipient, facts.kase.data));
  std::vector<Route> routes = {{"inbox", base}};
  const std::optional<UserRecord>& user = facts.user;
  if (user && !user->email.empty() && base.tenant_settings.contains("smtp")) {
    Delivery mail = base;
    mail.recipient_name = user->name;
    mail.address = user->email;
    mail = Rendered(render, std::move(mail));
    const Json& payload = facts.message.payload;
    const bool urgent = payload.contains("template") && payload["template"].value("urgent", false);
    const std::string channel =
        user->daily_digest && !urgent && facts.digests ? kDigestChannel : "email";
    mail.key += "-" + channel + "-" + base.login;
    routes.push_back({channel, std::move(mail)});
  }
  return Routing(std::move(routes));
}

}  // namespace

bool RoutedByRecipient(const RoutingFacts& facts) {
  return facts.has_directory && facts.message.channel.empty();
}

std::string TaskKeyOf(const OutboxRecord& message) {
  if (!message.payload.is_object()) return "";
  // A notify that names its task (notify { task = key }) is about that task.
  const Json& task = message.payload.contains("task") ? message.payload["task"] : Json();
  if (task.is_string() && !task.get<std::string>().empty()) return task.get<std::string>();
  return TaskKeyOfEvent(message.payload.value("event", ""));
}

std::optional<SharingRequest> SharingQuestion(const RoutingFacts& facts) {
  if (!RoutedByRecipient(facts) || !ActorOf(facts.message.recipient)) return std::nullopt;
  if (!facts.actor || !facts.actor->active) return std::nullopt;
  // Asked at send time, so consent revoked while the message waited stops it.
  const ActorRecord& actor = *facts.actor;
  return SharingRequest{facts.message.recipient, actor.kind,
                        facts.message.payload.value("purpose", std::string()),
                        actor.organisation.empty() ? actor.name : actor.organisation};
}

Result<Routing> RouteMessage(const RoutingFacts& facts) {
  const OutboxRecord& message = facts.message;
  Delivery base = BaseDelivery(facts);
  if (!RoutedByRecipient(facts)) {
    // One named channel, users only: as before the directory.
    SOUHRA_ASSIGN_OR_RETURN(base.login, ResolveLogin(message.recipient, facts.kase.data));
    const std::string& channel = message.channel.empty() ? facts.default_channel : message.channel;
    return Routing(std::vector<Route>{{channel, std::move(base)}});
  }
  base.tenant_settings = facts.tenant_settings;
  const RenderContext render = RenderContextOf(facts, base.task_key);
  if (std::optional<std::string> actor = ActorOf(message.recipient)) {
    return RouteToActor(facts, *actor, std::move(base), render);
  }
  return RouteToUser(facts, std::move(base), render);
}

}  // namespace souhra
