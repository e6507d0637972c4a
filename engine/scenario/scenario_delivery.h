// A scenario's outbox delivered as production delivers it (engine/notify/outbox_dispatcher.h):
// routed by recipient, with the information rules asked before anything goes to an external
// actor. The directory holds only the actors the scenario declares (`actors = { … }`); every
// channel accepts what it is handed and keeps nothing, so a run sends nothing anywhere. A refusal,
// or a disclosure on a ground other than consent, lands in the case history, where the timeline
// and the expectations see it.
#pragma once

#include <memory>
#include <string>

#include "engine/notify/outbox_dispatcher.h"
#include "engine/notify/sharing_rules.h"
#include "engine/scenario/scenario.h"
#include "engine/scenario/timeline.h"
#include "engine/store.h"

namespace souhra {

class ScenarioDelivery {
 public:
  // Everything passed must outlive the delivery.
  ScenarioDelivery(const Scenario& scenario, Store& store, Engine& engine, const Clock& clock,
                   const TimeFormatter& format, SandboxLimits limits);
  ~ScenarioDelivery();

  // Delivers every message due by the clock. Returns what is wrong with the scenario, or "": a
  // message to an actor it does not declare, or to an actor while it installs no information
  // rules (a scenario that sends to actors must run with them). Errors are the store's.
  Result<std::string> DeliverDue();

 private:
  class DeclaredActors;
  class NullChannel;

  // The scenario's problem with one message about to be sent, or "".
  Result<std::string> Problem(const OutboxRecord& message);

  const Scenario& scenario_;
  Store& store_;
  const Clock& clock_;
  std::unique_ptr<DeclaredActors> directory_;
  std::unique_ptr<NullChannel> inbox_, email_, webhook_;
  SharingRules sharing_;
  std::unique_ptr<OutboxDispatcher> dispatcher_;
};

}  // namespace souhra
