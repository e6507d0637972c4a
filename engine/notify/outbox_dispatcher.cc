#include "engine/notify/outbox_dispatcher.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <variant>

#include "engine/notify/recipients.h"

namespace souhra {
namespace {

constexpr const char* kRefusedEvent = "notification.refused";
constexpr const char* kSharedEvent = "notification.shared";

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

std::string FailedAttemptLine(const OutboxRecord& after, const std::string& case_code,
                              const std::string& channel, const Status& failure, int max_attempts) {
  // Values in quotes where they may hold spaces; quotes inside are escaped as JSON would.
  std::string line = "outbox delivery failed: message=" + std::to_string(after.id) +
                     " case=" + (case_code.empty() ? "?" : case_code) +
                     " recipient=" + Json(after.recipient).dump() +
                     " channel=" + (channel.empty() ? "?" : channel) +
                     " attempt=" + std::to_string(after.attempts) +
                     " of=" + std::to_string(max_attempts);
  line += after.status == OutboxStatus::kFailed ? " final=failed"
                                                : " next_attempt=" + FormatUtc(after.next_attempt);
  return line + " error=" + Json(failure.ToString()).dump();
}

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
  SOUHRA_ASSIGN_OR_RETURN(std::vector<OutboxRecord> due, reads_.due.DueOutbox(now, options_.batch));
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
      for (const EventRecord* row : {&outcome.refusal, &outcome.disclosure}) {
        if (!row->type.empty()) SOUHRA_RETURN_IF_ERROR(txn.AppendEvent(*row).status());
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
  if (!sent.ok() && failure.ok()) {
    failure = sent;
    failed_channel = channel;
  }
}

void OutboxDispatcher::Outcome::Refuse(const std::string& channel, const std::string& reason,
                                       Instant at) {
  Record(channel, Conflict("odmítnuto pravidly sdílení informací: " + reason), at);
  after.status = OutboxStatus::kRefused;
  after.last_error = reason;
  refusal.case_id = after.case_id;
  refusal.instance_id = after.instance_id;
  refusal.type = kRefusedEvent;
  refusal.payload = {{"outbox_id", after.id},
                     {"recipient", after.recipient},
                     {"template", after.template_name},
                     {"reason", reason}};
  refusal.actor = "system";
  refusal.at = at;
  refused = true;
}

void OutboxDispatcher::Outcome::Disclose(const SharingVerdict& verdict, Instant at) {
  disclosure.case_id = after.case_id;
  disclosure.instance_id = after.instance_id;
  disclosure.type = kSharedEvent;
  disclosure.payload = {{"outbox_id", after.id},
                        {"recipient", after.recipient},
                        {"template", after.template_name},
                        {"ground", verdict.ground},
                        {"reason", verdict.reason}};
  disclosure.actor = "system";
  disclosure.at = at;
}

OutboxDispatcher::Outcome OutboxDispatcher::Attempt(const OutboxRecord& message, Instant now,
                                                    size_t index,
                                                    std::map<std::string, DigestBatch>* digests) {
  Outcome outcome;
  outcome.after = message;
  outcome.after.attempts = message.attempts + 1;
  const std::string default_name = message.channel.empty() ? default_channel_ : message.channel;

  Result<RoutingFacts> facts = Facts(message);
  if (facts.ok()) outcome.case_code = facts->kase.code;
  Result<Routing> routing = facts.ok() ? RouteMessage(*facts) : Result<Routing>(facts.status());
  if (routing.ok() && std::holds_alternative<Refusal>(*routing)) {
    outcome.Refuse(default_name, std::get<Refusal>(*routing).reason, now);
    return outcome;
  }
  Result<std::set<std::string>> done = routing.ok()
                                           ? SucceededChannels(reads_.log, message.id)
                                           : Result<std::set<std::string>>(routing.status());
  if (!done.ok()) {
    outcome.Record(default_name, done.status(), now);
    return outcome;
  }
  for (const Route& route : std::get<std::vector<Route>>(*routing)) {
    if (done->count(route.channel)) continue;
    if (route.channel == kDigestChannel) {
      Hold(route, message, now, index, digests, outcome);
      continue;
    }
    Notifier* channel = ChannelFor(route.channel);
    outcome.Record(route.channel,
                   channel != nullptr ? channel->Deliver(route.delivery)
                                      : NotFound("no delivery channel '" + route.channel + "'"),
                   now);
  }
  // Sharing without consent must be accountable: each disclosure on such a ground is in the
  // history, as each refusal is.
  const std::optional<SharingVerdict>& sharing = facts->sharing;
  if (sharing && sharing->allowed && sharing->ground != kConsentGround && outcome.failure.ok()) {
    outcome.Disclose(*sharing, now);
  }
  return outcome;
}

void OutboxDispatcher::Hold(const Route& route, const OutboxRecord& message, Instant now,
                            size_t index, std::map<std::string, DigestBatch>* digests,
                            Outcome& outcome) {
  const Instant at = options_.next_digest(message.created);
  if (now < at) {
    outcome.digest_at = at;
    return;
  }
  DigestBatch& batch = (*digests)[route.delivery.tenant + "/" + route.delivery.login];
  batch.items.push_back(route.delivery);
  batch.outcomes.push_back(index);
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
    // A refused target (kPermissionDenied) stays refused however often it is asked again.
    if (after.attempts >= options_.max_attempts ||
        outcome.failure.code() == StatusCode::kPermissionDenied) {
      after.status = OutboxStatus::kFailed;
    } else {
      after.next_attempt = now + BackoffAfter(after.attempts, options_);
      if (outcome.digest_at) after.next_attempt = std::min(after.next_attempt, *outcome.digest_at);
    }
    if (options_.log) {
      options_.log(FailedAttemptLine(after, outcome.case_code, outcome.failed_channel,
                                     outcome.failure, options_.max_attempts));
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

Result<RoutingFacts> OutboxDispatcher::Facts(const OutboxRecord& message) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> kase, reads_.cases.GetCase(message.case_id));
  if (!kase) return NotFound("case " + std::to_string(message.case_id) + " does not exist");
  RoutingFacts facts;
  facts.message = message;
  facts.kase = std::move(*kase);
  facts.has_directory = directory_ != nullptr;
  facts.default_channel = default_channel_;
  facts.digests = static_cast<bool>(options_.next_digest);
  facts.format_time = options_.format_time;
  if (RoutedByRecipient(facts)) SOUHRA_RETURN_IF_ERROR(LookUpRecipient(facts));
  return facts;
}

Status OutboxDispatcher::LookUpRecipient(RoutingFacts& facts) {
  const std::string& tenant = facts.kase.tenant;
  SOUHRA_ASSIGN_OR_RETURN(std::optional<TenantRecord> found, directory_->GetTenant(tenant));
  if (found) facts.tenant_settings = std::move(found->settings);
  if (!facts.tenant_settings.contains("base_url") && !options_.default_base_url.empty()) {
    facts.tenant_settings["base_url"] = options_.default_base_url;
  }
  if (!TaskKeyOf(facts.message).empty()) {
    SOUHRA_ASSIGN_OR_RETURN(facts.tasks, reads_.cases.ListTasks(facts.kase.id));
  }
  if (std::optional<std::string> actor = ActorOf(facts.message.recipient)) {
    SOUHRA_ASSIGN_OR_RETURN(facts.actor, directory_->GetActor(tenant, *actor));
    std::optional<SharingRequest> question = SharingQuestion(facts);
    if (question && options_.check_sharing) {
      SOUHRA_ASSIGN_OR_RETURN(facts.sharing, options_.check_sharing(facts.kase.id, *question));
    }
    return Status::Ok();
  }
  // A role nobody holds needs no lookup: RouteMessage says why the message cannot go.
  Result<std::string> login = ResolveLogin(facts.message.recipient, facts.kase.data);
  if (!login.ok()) return Status::Ok();
  SOUHRA_ASSIGN_OR_RETURN(facts.user, directory_->GetUser(tenant, *login));
  return Status::Ok();
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
