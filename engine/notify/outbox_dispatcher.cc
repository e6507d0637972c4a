#include "engine/notify/outbox_dispatcher.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "engine/notify/recipients.h"

namespace souhra {
namespace {

constexpr const char* kRefusedEvent = "notification.refused";
constexpr const char* kDigestChannel = "digest";

// The channels of message `outbox_id` that already succeeded: a retry does not send there again.
Result<std::set<std::string>> SucceededChannels(OutboxLog& log, int64_t outbox_id) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<DeliveryAttempt> attempts,
                          log.ListDeliveryAttempts(outbox_id));
  std::set<std::string> done;
  for (const DeliveryAttempt& a : attempts) {
    if (a.ok) done.insert(a.channel);
  }
  return done;
}

}  // namespace

std::chrono::milliseconds BackoffAfter(int failed_attempts, const DispatchOptions& options) {
  std::chrono::milliseconds wait = options.first_backoff;
  for (int i = 1; i < failed_attempts && wait < options.max_backoff; ++i) wait *= 2;
  return std::min(wait, options.max_backoff);
}

OutboxDispatcher::OutboxDispatcher(OutboxReads reads, Engine& engine, const Clock& clock,
                                   std::vector<Notifier*> channels, std::string default_channel,
                                   DispatchOptions options)
    : reads_(reads),
      engine_(engine),
      clock_(clock),
      channels_(std::move(channels)),
      default_channel_(std::move(default_channel)),
      options_(std::move(options)) {}

OutboxDispatcher::OutboxDispatcher(OutboxReads reads, Engine& engine, Directory& directory,
                                   const Clock& clock, std::vector<Notifier*> channels,
                                   DispatchOptions options)
    : reads_(reads),
      engine_(engine),
      directory_(&directory),
      clock_(clock),
      channels_(std::move(channels)),
      default_channel_("inbox"),
      options_(std::move(options)) {}

Result<int> OutboxDispatcher::DeliverDue() {
  const Instant now = clock_.Now();
  SOUHRA_ASSIGN_OR_RETURN(std::vector<OutboxRecord> due,
                          reads_.due.DueOutbox(now, options_.batch));
  if (due.empty()) return 0;
  std::vector<Outcome> outcomes;
  outcomes.reserve(due.size());
  std::map<std::string, DigestBatch> digests;
  for (const OutboxRecord& message : due) {
    outcomes.push_back(Attempt(message, now, outcomes.size(), &digests));
  }
  for (auto& [recipient, batch] : digests) SendDigest(batch, now, &outcomes);
  for (Outcome& outcome : outcomes) Finish(outcome, now);
  SOUHRA_RETURN_IF_ERROR(engine_.Write([&outcomes](WriteTxn& txn, Instant) {
    for (const Outcome& outcome : outcomes) {
      for (const DeliveryAttempt& attempt : outcome.attempts) {
        SOUHRA_RETURN_IF_ERROR(txn.RecordDeliveryAttempt(attempt, outcome.after));
      }
      if (!outcome.refusal.type.empty()) {
        SOUHRA_RETURN_IF_ERROR(txn.AppendEvent(outcome.refusal).status());
      }
    }
    return Status::Ok();
  }));
  return static_cast<int>(due.size());
}

void OutboxDispatcher::Outcome::Record(const std::string& channel, const Status& sent, Instant at) {
  DeliveryAttempt attempt;
  attempt.outbox_id = after.id;
  attempt.channel = channel;
  attempt.at = at;
  attempt.ok = sent.ok();
  attempt.error = sent.ok() ? "" : sent.ToString();
  attempts.push_back(std::move(attempt));
  if (!sent.ok() && failure.ok()) failure = sent;
}

OutboxDispatcher::Outcome OutboxDispatcher::Attempt(const OutboxRecord& message, Instant now,
                                                    size_t index,
                                                    std::map<std::string, DigestBatch>* digests) {
  Outcome outcome;
  outcome.after = message;
  outcome.after.attempts = message.attempts + 1;
  const std::string default_name = message.channel.empty() ? default_channel_ : message.channel;
  auto attempt_on = [&](const std::string& channel, const Status& sent) {
    outcome.Record(channel, sent, now);
  };

  std::string refusal;
  Result<std::vector<Routed>> routed = Route(message, &refusal);
  Result<std::set<std::string>> done = routed.ok()
                                           ? SucceededChannels(reads_.log, message.id)
                                           : Result<std::set<std::string>>(std::set<std::string>{});
  const Status failure = !routed.ok() ? routed.status() : !done.ok() ? done.status() : Status::Ok();
  if (!refusal.empty()) {
    // Not retried: sending later would need a new consent, and then a new message.
    attempt_on(default_name, Conflict("odmítnuto pravidly sdílení informací: " + refusal));
    outcome.after.status = OutboxStatus::kRefused;
    outcome.after.last_error = refusal;
    outcome.refusal.case_id = message.case_id;
    outcome.refusal.instance_id = message.instance_id;
    outcome.refusal.type = kRefusedEvent;
    outcome.refusal.payload = {{"outbox_id", message.id},
                               {"recipient", message.recipient},
                               {"template", message.template_name},
                               {"reason", refusal}};
    outcome.refusal.actor = "system";
    outcome.refusal.at = now;
    outcome.refused = true;
    return outcome;
  }
  if (!failure.ok()) {
    attempt_on(default_name, failure);
    return outcome;
  }
  for (const Routed& route : *routed) {
    const std::string& name = route.channel;
    if (done->count(name)) continue;
    if (name == kDigestChannel) {
      // Held for the recipient's daily digest, sent with the others of the same person.
      const Instant at = options_.next_digest(message.created);
      if (now < at) {
        outcome.digest_at = at;
        continue;
      }
      DigestBatch& batch = (*digests)[route.delivery.tenant + "/" + route.delivery.login];
      batch.items.push_back(route.delivery);
      batch.outcomes.push_back(index);
      continue;
    }
    Notifier* channel = ChannelFor(name);
    attempt_on(name, channel != nullptr ? channel->Deliver(route.delivery)
                                        : NotFound("no delivery channel '" + name + "'"));
  }
  return outcome;
}

void OutboxDispatcher::SendDigest(const DigestBatch& batch, Instant now,
                                  std::vector<Outcome>* outcomes) {
  Delivery digest = batch.items.front();
  digest.key = "digest-" + digest.tenant + "-" + digest.login + "-" + FormatUtc(now).substr(0, 10);
  digest.template_name = "";
  digest.payload = Json::object();
  digest.subject = "Souhra: denní přehled (" + std::to_string(batch.items.size()) + ")";
  digest.text = "Dobrý den, " + digest.recipient_name + ",\n\nza poslední den:\n";
  for (const Delivery& item : batch.items) {
    digest.text += "\n• " + item.subject + "\n  " + item.text + "\n";
  }
  Notifier* channel = ChannelFor(kDigestChannel);
  const Status sent = channel != nullptr
                          ? channel->Deliver(digest)
                          : NotFound(std::string("no delivery channel '") + kDigestChannel + "'");
  for (size_t index : batch.outcomes) (*outcomes)[index].Record(kDigestChannel, sent, now);
}

void OutboxDispatcher::Finish(Outcome& outcome, Instant now) {
  if (outcome.refused) return;
  OutboxRecord& after = outcome.after;
  after.last_error = outcome.failure.ok() ? "" : outcome.failure.ToString();
  if (!outcome.failure.ok()) {
    if (after.attempts >= options_.max_attempts) {
      after.status = OutboxStatus::kFailed;
    } else {
      after.next_attempt = now + BackoffAfter(after.attempts, options_);
      if (outcome.digest_at) after.next_attempt = std::min(after.next_attempt, *outcome.digest_at);
    }
  } else if (outcome.digest_at) {
    // Everything else went; the rest waits for the digest. Waiting is not a failed attempt.
    after.attempts -= 1;
    after.next_attempt = *outcome.digest_at;
    outcome.Record(kDigestChannel,
                   Unavailable("čeká na denní přehled v " + FormatUtc(*outcome.digest_at)), now);
    outcome.failure = Status::Ok();
    after.last_error = "";
  } else {
    after.status = OutboxStatus::kDelivered;
  }
}

Result<Delivery> OutboxDispatcher::Base(const OutboxRecord& message, const CaseRecord& kase) {
  Delivery delivery;
  delivery.key = "outbox-" + std::to_string(message.id);
  delivery.tenant = kase.tenant;
  delivery.case_id = message.case_id;
  delivery.case_code = kase.code;
  if (message.payload.is_object())
    delivery.task_key = TaskKeyOfEvent(message.payload.value("event", ""));
  delivery.recipient = message.recipient;
  delivery.template_name = message.template_name;
  delivery.payload = message.payload;
  return delivery;
}

Result<std::vector<OutboxDispatcher::Routed>> OutboxDispatcher::Route(const OutboxRecord& message,
                                                                      std::string* refusal) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> found,
                          reads_.cases.GetCase(message.case_id));
  if (!found) return NotFound("case " + std::to_string(message.case_id) + " does not exist");
  const CaseRecord& kase = *found;
  SOUHRA_ASSIGN_OR_RETURN(Delivery base, Base(message, kase));
  std::vector<Routed> routes;
  const bool actor = message.recipient.rfind("actor:", 0) == 0;
  if (directory_ == nullptr || !message.channel.empty()) {
    // One named channel, users only: as before the directory.
    SOUHRA_ASSIGN_OR_RETURN(base.login, ResolveLogin(message.recipient, kase.data));
    routes.push_back({message.channel.empty() ? default_channel_ : message.channel, base});
    return routes;
  }

  SOUHRA_ASSIGN_OR_RETURN(std::optional<TenantRecord> tenant, directory_->GetTenant(kase.tenant));
  if (tenant) base.tenant_settings = tenant->settings;
  const bool has_smtp = base.tenant_settings.contains("smtp");
  RenderContext render;
  render.kase = &kase;
  render.message = &message;
  render.base_url = base.tenant_settings.value("base_url", "");
  render.format_time = options_.format_time;
  if (!base.task_key.empty()) {
    SOUHRA_ASSIGN_OR_RETURN(std::vector<TaskRecord> tasks, reads_.cases.ListTasks(kase.id));
    for (const TaskRecord& task : tasks) {
      // The open one if there is one, else the latest of that key.
      if (task.key == base.task_key && (!render.task || task.status == TaskStatus::kOpen)) {
        render.task = task;
      }
    }
  }
  auto rendered = [&](Delivery d) {
    render.recipient_name = d.recipient_name;
    RenderedMessage text = RenderMessage(render);
    d.subject = text.subject;
    d.text = text.text;
    d.due = text.due;
    d.link = text.link;
    return d;
  };

  if (actor) {
    const std::string id = message.recipient.substr(6);
    SOUHRA_ASSIGN_OR_RETURN(std::optional<ActorRecord> record,
                            directory_->GetActor(kase.tenant, id));
    if (!record || !record->active) return NotFound("no active actor '" + id + "'");
    // Checked at send time, so consent revoked while the message waited stops it.
    SharingRequest request{message.recipient, record->kind,
                           message.payload.value("purpose", std::string())};
    if (!options_.check_sharing) {
      *refusal = "pravidla sdílení informací nejsou nainstalována";
      return routes;
    }
    SOUHRA_ASSIGN_OR_RETURN(SharingVerdict verdict, options_.check_sharing(kase.id, request));
    if (!verdict.allowed) {
      *refusal = verdict.reason.empty() ? "sdílení není povoleno" : verdict.reason;
      return routes;
    }
    base.recipient_name = record->name.empty() ? record->organisation : record->name;
    base.webhook_secret = record->webhook_secret;
    const std::string channel = !record->webhook_url.empty() ? "webhook" : "email";
    base.address = channel == "webhook" ? record->webhook_url : record->email;
    if (base.address.empty()) {
      return InvalidArgument("actor '" + id + "' has neither a webhook nor an e-mail address");
    }
    base.key += "-" + channel + "-" + id;
    routes.push_back({channel, rendered(base)});
    return routes;
  }

  SOUHRA_ASSIGN_OR_RETURN(base.login, ResolveLogin(message.recipient, kase.data));
  SOUHRA_ASSIGN_OR_RETURN(std::optional<UserRecord> user,
                          directory_->GetUser(kase.tenant, base.login));
  routes.push_back({"inbox", base});
  if (user && !user->email.empty() && has_smtp) {
    Delivery mail = base;
    mail.recipient_name = user->name;
    mail.address = user->email;
    mail = rendered(mail);
    const bool urgent =
        message.payload.contains("template") && message.payload["template"].value("urgent", false);
    const std::string channel =
        user->daily_digest && !urgent && options_.next_digest ? kDigestChannel : "email";
    mail.key += "-" + channel + "-" + base.login;
    routes.push_back({channel, mail});
  }
  return routes;
}

Notifier* OutboxDispatcher::ChannelFor(const std::string& name) const {
  for (Notifier* channel : channels_) {
    if (channel->channel() == name) return channel;
  }
  return nullptr;
}

Status RequeueFailedMessage(Engine& engine, int64_t outbox_id) {
  return engine.Write(
      [outbox_id](WriteTxn& txn, Instant now) { return txn.RequeueFailedOutbox(outbox_id, now); });
}

std::function<Instant(Instant)> DailyAt(const Calendar& calendar, std::chrono::hours hour) {
  return [&calendar, hour](Instant t) {
    const Instant today = calendar.StartOfDay(t, 0) + hour;
    return t <= today ? today : calendar.StartOfDay(t, 1) + hour;
  };
}

}  // namespace souhra
