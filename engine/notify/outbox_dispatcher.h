// The outbox dispatcher: sends the messages that events wrote to the outbox, through their
// channels, at least once.
//
// DeliverDue takes the pending messages due by the Clock, routes each to its channels
// (engine/notify/routing.h), hands it to each channel with the idempotency key "outbox-<id>" and
// records the attempt (channel, time, result, error) through the Engine. A failed attempt is
// retried after an exponential backoff (first_backoff, doubling, capped at max_backoff); after
// max_attempts, or at once when a channel refuses the recipient (kPermissionDenied, e.g. a
// webhook to an internal address), the message is failed, listed by OutboxLog::ListFailedOutbox
// until an administrator queues it again (RequeueFailedMessage). Messages exist only for committed
// events, so nothing is sent for an event that rolled back. A crash between sending and recording
// sends the message again with the same key; channels make that harmless.
//
// The dispatcher owns no thread: the DeliveryWorker (engine/workers/delivery_worker.h) calls
// DeliverDue on a tick, and tests call it directly.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/calendar.h"
#include "engine/clock.h"
#include "engine/directory.h"
#include "engine/information_sharing.h"
#include "engine/notifier.h"
#include "engine/notify/message_render.h"
#include "engine/notify/routing.h"
#include "engine/runtime/engine.h"
#include "engine/store.h"

namespace souhra {

struct DispatchOptions {
  std::chrono::milliseconds first_backoff = std::chrono::minutes(1);
  std::chrono::milliseconds max_backoff = std::chrono::hours(4);
  int max_attempts = 8;  // then failed
  int batch = 100;       // messages per DeliverDue
  // Times in messages ({due}, {when}); UTC ISO-8601 when not set. Serve formats Prague time.
  InstantFormatter format_time;
  // Asked for every message to an external actor at send time; a refusal ends the message as
  // refused. Without one, nothing goes to external actors.
  SharingCheck check_sharing;
  // When the daily digest goes out: the first send time at or after a message was written
  // (DailyAt). Without it, users who chose a digest get their e-mails at once.
  std::function<Instant(Instant)> next_digest;
  // Where links in messages lead when the tenant's settings name no `base_url`: where the server
  // listens. Without either, messages carry no link.
  std::string default_base_url;
  // Told one line per failed attempt, for the operator's log (FailedAttemptLine). Optional.
  std::function<void(const std::string&)> log;
};

// One failed delivery attempt as a log line of key=value pairs, e.g.
// `outbox delivery failed: message=12 case=K-2026-0001 recipient=actor:charita channel=webhook
// attempt=2 of=8 next_attempt=2026-04-02T08:03:00.000Z error="unavailable: …"`; a message that
// will not be tried again says `final=failed` instead of its next attempt.
std::string FailedAttemptLine(const OutboxRecord& after, const std::string& case_code,
                              const std::string& channel, const Status& failure, int max_attempts);

// The first `hour`:00 Prague time at or after an instant (counted from the start of the Prague
// day, so on the two daylight-saving days it is an hour off). `calendar` must outlive it.
std::function<Instant(Instant)> DailyAt(const Calendar& calendar, std::chrono::hours hour);

// The wait after the `failed_attempts`-th failed attempt (1 = the first): first_backoff doubled
// for each earlier failure, at most max_backoff.
std::chrono::milliseconds BackoffAfter(int failed_attempts, const DispatchOptions& options);

// The store's roles the dispatcher reads: the messages due, the case and tasks a message is
// about, and the attempts already made. Its writes go through the Engine.
struct OutboxReads {
  OutboxReads(DueWork& due, CaseFiles& cases, OutboxLog& log) : due(due), cases(cases), log(log) {}
  // All three from the one store production opens.
  OutboxReads(Store& store) : OutboxReads(store, store, store) {}  // NOLINT(runtime/explicit)

  DueWork& due;
  CaseFiles& cases;
  OutboxLog& log;
};

class OutboxDispatcher {
 public:
  // `channels` by name; a message that names no channel goes to `default_channel`. Everything
  // passed must outlive the dispatcher.
  OutboxDispatcher(OutboxReads reads, Engine& engine, const Clock& clock,
                   std::vector<Notifier*> channels, std::string default_channel,
                   DispatchOptions options = {});
  // With the Directory, a message without a channel is routed by its recipient: a user gets the
  // in-app inbox ("inbox") and, with an address and the tenant's smtp settings, an e-mail
  // ("email"), unless the user reads a daily digest and the template is not urgent ("digest");
  // an external actor gets a webhook ("webhook") when it has a URL, else an e-mail, once the
  // information rules allow it. A message is delivered when each of its channels succeeded;
  // a retry sends only on the channels that have not.
  OutboxDispatcher(OutboxReads reads, Engine& engine, Directory& directory, const Clock& clock,
                   std::vector<Notifier*> channels, DispatchOptions options = {});

  // Attempts up to options.batch messages due by now, earliest first, and records the attempts.
  // Returns how many were attempted (delivered or not). Fails with the store's or engine's error
  // if the messages cannot be read or the attempts not recorded (they are then attempted again).
  // One caller at a time.
  Result<int> DeliverDue();
  int batch() const { return options_.batch; }

 private:
  struct Outcome {
    std::vector<DeliveryAttempt> attempts;
    OutboxRecord after;
    Status failure;              // the first failed channel's error
    std::string failed_channel;  // and that channel
    std::string case_code;       // for the log, when the case could be read
    bool refused = false;
    EventRecord refusal;     // the case history's row when refused
    EventRecord disclosure;  // the history's row for a message sent on a ground other than consent
    std::optional<Instant> digest_at;  // waiting for the daily digest until then
    void Record(const std::string& channel, const Status& sent, Instant at);
    // Ends the message as refused by the information rules for `reason`, on `channel`.
    void Refuse(const std::string& channel, const std::string& reason, Instant at);
    // Notes, for the case's history, that the message went on `verdict`'s ground.
    void Disclose(const SharingVerdict& verdict, Instant at);
  };
  // The messages of one person whose digest is due, and the outcomes they belong to.
  struct DigestBatch {
    std::vector<Delivery> items;
    std::vector<size_t> outcomes;
  };
  // Routes `message`, sends it on the channels it still needs and returns the attempts; a digest
  // item due now joins `digests` (its outcome is `index`).
  Outcome Attempt(const OutboxRecord& message, Instant now, size_t index,
                  std::map<std::string, DigestBatch>* digests);
  // Holds a digest route of `message` until its digest is due (outcome.digest_at), then adds it
  // to the recipient's batch in `digests`.
  void Hold(const Route& route, const OutboxRecord& message, Instant now, size_t index,
            std::map<std::string, DigestBatch>* digests, Outcome& outcome);
  // Sends one digest e-mail and records it on each of its messages.
  void SendDigest(const DigestBatch& batch, Instant now, std::vector<Outcome>* outcomes);
  // Sets the message's next state from its attempts.
  void Finish(Outcome& outcome, Instant now);
  // What routing `message` needs to know (engine/notify/routing.h): its case and, for a message
  // routed by its recipient, what LookUpRecipient adds. Fails with the store's, the directory's
  // or the information rules' error, or kNotFound when the case does not exist.
  Result<RoutingFacts> Facts(const OutboxRecord& message);
  // Adds the tenant's settings, the case's tasks when the message is about one, the recipient's
  // user or actor record and, for an actor, the information rules' verdict.
  Status LookUpRecipient(RoutingFacts& facts);
  Notifier* ChannelFor(const std::string& name) const;

  OutboxReads reads_;
  Engine& engine_;
  Directory* directory_ = nullptr;  // null: every message on its named or the default channel
  const Clock& clock_;
  std::vector<Notifier*> channels_;
  std::string default_channel_;
  DispatchOptions options_;
};

// Queues failed message `outbox_id` again, due at once with a fresh round of attempts. kNotFound
// unless that message exists and has failed.
Status RequeueFailedMessage(Engine& engine, int64_t outbox_id);

}  // namespace souhra
