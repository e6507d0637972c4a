// Where one outbox message goes: the dispatcher's routing decision, as a pure function.
//
// The outbox dispatcher (engine/notify/outbox_dispatcher.h) looks up what the decision needs into
// RoutingFacts — the message's case, the tenant's settings, the case's tasks, the recipient's user
// or actor record and, for an actor, the information rules' verdict —, asks RouteMessage where the
// message goes, and sends. RouteMessage reads nothing else and sends nothing, so its rules are
// tested on plain values (routing_test.cc).
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/directory.h"
#include "engine/information_sharing.h"
#include "engine/notifier.h"
#include "engine/notify/message_render.h"
#include "engine/records.h"
#include "engine/status.h"

namespace souhra {

// The channel of an e-mail held for the recipient's daily digest.
inline constexpr char kDigestChannel[] = "digest";

// Everything routing decides on. The dispatcher fills it in; tests build it by hand.
struct RoutingFacts {
  OutboxRecord message;
  CaseRecord kase;  // the message's case
  // Whether the dispatcher has a Directory; without one every message goes on its named channel,
  // or on `default_channel`, to the user its recipient names.
  bool has_directory = false;
  std::string default_channel = "inbox";
  bool digests = false;          // daily digests are sent (DispatchOptions::next_digest is set)
  InstantFormatter format_time;  // times in the rendered texts; UTC ISO-8601 when not set

  // Looked up only when RoutedByRecipient(*this):
  Json tenant_settings = Json::object();  // TenantRecord.settings; {} for an unknown tenant
  std::vector<TaskRecord> tasks;     // the case's tasks, listed when TaskKeyOf(message) is not ""
  std::optional<UserRecord> user;    // the user the recipient names, if the directory knows them
  std::optional<ActorRecord> actor;  // the actor of an "actor:<id>" recipient, if known
  // The information rules' answer to SharingQuestion(*this); none when no rules are installed.
  std::optional<SharingVerdict> sharing;
};

// One channel a message goes on, with what that channel is handed.
struct Route {
  std::string channel;  // "inbox", "email", kDigestChannel, "webhook", or the message's own
  Delivery delivery;
};

// The information rules stop the message. It is not retried: sending later would need a new
// consent, and then a new message.
struct Refusal {
  std::string reason;  // Czech, for the case's history
};

// Where a message goes, one route per channel, or why it may not go at all.
using Routing = std::variant<std::vector<Route>, Refusal>;

// Whether `facts.message` is routed by its recipient: with a Directory, for a message that names
// no channel. Only then does routing read the facts looked up in the directory.
bool RoutedByRecipient(const RoutingFacts& facts);

// The key of the task `message` is about: the one its notify named (`task`), else that of a
// "task.<key>.…" event; or "".
std::string TaskKeyOf(const OutboxRecord& message);

// What the information rules must answer before a message routed by its recipient may go to an
// external actor: asked for an active actor the directory knows, none otherwise.
std::optional<SharingRequest> SharingQuestion(const RoutingFacts& facts);

// Where `facts.message` goes. Without a Directory, or on a channel the message names: that
// channel (or the default one) to the user the recipient names, texts not rendered. Routed by
// its recipient:
//  - a user gets the inbox and, with an e-mail address and the tenant's "smtp" settings, an
//    e-mail — held for the daily digest instead when the user reads one, digests are sent and
//    the template is not urgent;
//  - an external actor gets a webhook when it has a URL, else an e-mail, once the information
//    rules allow it; a Refusal with the rules' reason when they do not or none are installed.
// Fails, to be retried, with kNotFound for a role nobody holds in the case's people or an
// unknown or inactive actor, and kInvalidArgument for a malformed role holder, an actor on a
// user's channel, or an actor with neither a webhook nor an e-mail address.
Result<Routing> RouteMessage(const RoutingFacts& facts);

}  // namespace souhra
