#include "engine/outbox_dispatcher.h"

#include <algorithm>
#include <utility>

#include "engine/recipients.h"

namespace souhra {
namespace {

// "task.review.overdue" -> "review"; other events are not about a task.
std::string TaskKeyOf(const std::string& event) {
  if (event.rfind("task.", 0) != 0) return "";
  const size_t end = event.find('.', 5);
  return end == std::string::npos ? "" : event.substr(5, end - 5);
}

}  // namespace

std::chrono::milliseconds BackoffAfter(int failed_attempts, const DispatchOptions& options) {
  std::chrono::milliseconds wait = options.first_backoff;
  for (int i = 1; i < failed_attempts && wait < options.max_backoff; ++i) wait *= 2;
  return std::min(wait, options.max_backoff);
}

OutboxDispatcher::OutboxDispatcher(Store& store, Engine& engine, const Clock& clock,
                                   std::vector<Notifier*> channels, std::string default_channel,
                                   DispatchOptions options)
    : store_(store),
      engine_(engine),
      clock_(clock),
      channels_(std::move(channels)),
      default_channel_(std::move(default_channel)),
      options_(options) {}

Result<int> OutboxDispatcher::DeliverDue() {
  const Instant now = clock_.Now();
  SOUHRA_ASSIGN_OR_RETURN(std::vector<OutboxRecord> due, store_.DueOutbox(now, options_.batch));
  if (due.empty()) return 0;
  std::vector<std::pair<DeliveryAttempt, OutboxRecord>> outcomes;
  outcomes.reserve(due.size());
  for (const OutboxRecord& message : due) {
    OutboxRecord after;
    DeliveryAttempt attempt = Attempt(message, now, &after);
    outcomes.emplace_back(std::move(attempt), std::move(after));
  }
  SOUHRA_RETURN_IF_ERROR(engine_.Write([&outcomes](WriteTxn& txn, Instant) {
    for (const auto& [attempt, after] : outcomes) {
      SOUHRA_RETURN_IF_ERROR(txn.RecordDeliveryAttempt(attempt, after));
    }
    return Status::Ok();
  }));
  return static_cast<int>(due.size());
}

DeliveryAttempt OutboxDispatcher::Attempt(const OutboxRecord& message, Instant now,
                                          OutboxRecord* after) {
  DeliveryAttempt attempt;
  attempt.outbox_id = message.id;
  attempt.channel = message.channel.empty() ? default_channel_ : message.channel;
  attempt.at = now;
  Notifier* channel = ChannelFor(attempt.channel);
  const Status sent = channel != nullptr
                          ? Send(message, *channel)
                          : NotFound("no delivery channel '" + attempt.channel + "'");
  attempt.ok = sent.ok();
  attempt.error = sent.ok() ? "" : sent.ToString();

  *after = message;
  after->attempts = message.attempts + 1;
  after->last_error = attempt.error;
  if (sent.ok()) {
    after->status = OutboxStatus::kDelivered;
  } else if (after->attempts >= options_.max_attempts) {
    after->status = OutboxStatus::kFailed;
  } else {
    after->next_attempt = now + BackoffAfter(after->attempts, options_);
  }
  return attempt;
}

Status OutboxDispatcher::Send(const OutboxRecord& message, Notifier& channel) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> found, store_.GetCase(message.case_id));
  if (!found) return NotFound("case " + std::to_string(message.case_id) + " does not exist");
  Delivery delivery;
  delivery.key = "outbox-" + std::to_string(message.id);
  delivery.tenant = found->tenant;
  delivery.case_id = message.case_id;
  if (message.payload.is_object())
    delivery.task_key = TaskKeyOf(message.payload.value("event", ""));
  SOUHRA_ASSIGN_OR_RETURN(delivery.login, ResolveLogin(message.recipient, found->data));
  delivery.template_name = message.template_name;
  delivery.payload = message.payload;
  return channel.Deliver(delivery);
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

}  // namespace souhra
